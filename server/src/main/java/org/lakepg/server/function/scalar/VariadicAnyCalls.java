package org.lakepg.server.function.scalar;

import java.util.Arrays;
import java.util.Optional;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.wire.types.PgArray;

/**
 * Calls of VARIADIC "any" functions written with an explicit VARIADIC array ({@code concat(VARIADIC
 * array[1,2])}): PostgreSQL passes the array itself and the function spreads its elements out as if
 * they had been written one by one. The analyzer binds such calls to the code registered here under
 * {@code prosrc + SUFFIX}; a NULL array makes the result NULL, except for format(), which then has no
 * arguments to format. Also num_nulls / num_nonnulls, the other VARIADIC "any" built-ins.
 */
public final class VariadicAnyCalls {
    private VariadicAnyCalls() {}

    public static final String SUFFIX = ":variadic";

    public static void register(FunctionRegistry r) {
        r.register("pg_num_nulls", (x, c) -> (int) Arrays.stream(x).filter(v -> v == null).count());
        r.register("pg_num_nonnulls", (x, c) -> (int) Arrays.stream(x).filter(v -> v != null).count());
        for (String source : new String[] {"text_concat", "text_concat_ws", "pg_num_nulls", "pg_num_nonnulls"}) {
            ScalarFunction base = r.lookup(source).orElseThrow();
            r.register(source + SUFFIX, spread(base, false));
        }
        r.register("text_format" + SUFFIX, spread(r.lookup("text_format").orElseThrow(), true));
    }

    /** The code for an explicit-VARIADIC call of a function, when there is one. */
    public static Optional<String> sourceFor(String source, FunctionRegistry registry) {
        return registry.lookup(source + SUFFIX).map(f -> source + SUFFIX);
    }

    private static ScalarFunction spread(ScalarFunction base, boolean nullMeansNone) {
        return (args, context) -> {
            int fixed = args.length - 1;
            Object last = args[fixed];
            if (last == null && !nullMeansNone) {
                return null;
            }
            Object[] elements = last == null ? new Object[0] : ((PgArray) last).elements();
            Object[] spread = Arrays.copyOf(args, fixed + elements.length);
            System.arraycopy(elements, 0, spread, fixed, elements.length);
            ScalarFunction code = base;
            if (base instanceof ArgumentTypeAware typed && last != null) {
                long[] types = new long[spread.length];
                Arrays.fill(types, fixed, types.length, ((PgArray) last).elementOid());
                code = typed.withArgumentTypes(types);
            }
            return code.apply(spread, context);
        };
    }
}
