package org.lakepg.server.function;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.function.aggregate.AggregateSupport;
import org.lakepg.server.function.scalar.BoolFunctions;
import org.lakepg.server.function.scalar.DateFunctions;
import org.lakepg.server.function.scalar.DateTimeClockFunctions;
import org.lakepg.server.function.scalar.DateTimeConstructors;
import org.lakepg.server.function.scalar.DateTimeExtractFunctions;
import org.lakepg.server.function.scalar.DateTimeFormattingFunctions;
import org.lakepg.server.function.scalar.DateTimeHashFunctions;
import org.lakepg.server.function.scalar.DateTimeInRangeFunctions;
import org.lakepg.server.function.scalar.DateTimeTruncFunctions;
import org.lakepg.server.function.scalar.FloatFunctions;
import org.lakepg.server.function.scalar.IntegerFunctions;
import org.lakepg.server.function.scalar.IntervalAggregateFunctions;
import org.lakepg.server.function.scalar.IntervalFunctions;
import org.lakepg.server.function.scalar.NumericFunctions;
import org.lakepg.server.function.scalar.SessionFunctions;
import org.lakepg.server.function.scalar.TextFunctions;
import org.lakepg.server.function.scalar.TimeFunctions;
import org.lakepg.server.function.scalar.TimeZoneFunctions;
import org.lakepg.server.function.scalar.TimestampFunctions;

/**
 * Built-in function code by prosrc name (e.g. {@code int4pl}). Families register themselves;
 * several pg_proc rows may share one prosrc, exactly as in PostgreSQL.
 */
public final class FunctionRegistry {

    private static final FunctionRegistry BUILTINS = new FunctionRegistry();

    static {
        IntegerFunctions.register(BUILTINS);
        FloatFunctions.register(BUILTINS);
        BoolFunctions.register(BUILTINS);
        TextFunctions.register(BUILTINS);
        NumericFunctions.register(BUILTINS);
        SessionFunctions.register(BUILTINS);
        AggregateSupport.register(BUILTINS);
        DateFunctions.register(BUILTINS);
        TimestampFunctions.register(BUILTINS);
        IntervalFunctions.register(BUILTINS);
        TimeFunctions.register(BUILTINS);
        TimeZoneFunctions.register(BUILTINS);
        DateTimeClockFunctions.register(BUILTINS);
        DateTimeConstructors.register(BUILTINS);
        DateTimeExtractFunctions.register(BUILTINS);
        DateTimeTruncFunctions.register(BUILTINS);
        DateTimeFormattingFunctions.register(BUILTINS);
        DateTimeInRangeFunctions.register(BUILTINS);
        DateTimeHashFunctions.register(BUILTINS);
        IntervalAggregateFunctions.register(BUILTINS);
    }

    private final Map<String, ScalarFunction> bySource = new HashMap<>();

    public static FunctionRegistry builtins() {
        return BUILTINS;
    }

    public void register(String source, ScalarFunction function) {
        if (bySource.putIfAbsent(source, function) != null) {
            throw new IllegalStateException("function code registered twice: " + source);
        }
    }

    public Optional<ScalarFunction> lookup(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public int size() {
        return bySource.size();
    }
}
