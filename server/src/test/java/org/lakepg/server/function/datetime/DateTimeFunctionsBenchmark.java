package org.lakepg.server.function.datetime;

import java.time.ZoneId;
import java.util.Map;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.wire.types.PgInterval;

/**
 * Prints the cost per call of common date/time built-ins (a benchmark program, not a test):
 * {@code java -cp server/target/classes:server/target/test-classes:wire/target/classes
 * org.lakepg.server.function.datetime.DateTimeFunctionsBenchmark}.
 */
public final class DateTimeFunctionsBenchmark {
    private static final FunctionContext NEW_YORK = new FixedFunctionContext(ZoneId.of("America/New_York"), Map.of());
    private static final long CALLS = 2_000_000;

    private DateTimeFunctionsBenchmark() {}

    public static void main(String[] args) {
        long ts = 641_000_000_000_000L;
        PgInterval span = new PgInterval(14, 3, 3_723_000_000L);
        measure("to_char(timestamp, 'YYYY-MM-DD HH24:MI:SS')", "timestamp_to_char", ts, "YYYY-MM-DD HH24:MI:SS");
        measure("to_timestamp(text, 'YYYY-MM-DD HH24:MI:SS')", "to_timestamp", "2020-05-06 17:08:09",
                "YYYY-MM-DD HH24:MI:SS");
        measure("timestamp + interval", "timestamp_pl_interval", ts, span);
        measure("timestamptz + interval (America/New_York)", "timestamptz_pl_interval", ts, span);
        measure("extract(epoch from timestamptz)", "extract_timestamptz", "epoch", ts);
        measure("date_part('year', timestamp)", "timestamp_part", "year", ts);
        measure("date_trunc('day', timestamptz) (America/New_York)", "timestamptz_trunc", "day", ts);
        measure("timestamp < timestamp", "timestamp_lt", ts, ts + 1);
        measure("interval < interval", "interval_lt", span, new PgInterval(0, 400, 0L));
    }

    private static void measure(String label, String source, Object... args) {
        ScalarFunction f = FunctionRegistry.builtins().lookup(source).orElseThrow();
        Object sink = null;
        for (int i = 0; i < 200_000; i++) {
            sink = f.apply(args, NEW_YORK);
        }
        long start = System.nanoTime();
        for (long i = 0; i < CALLS; i++) {
            sink = f.apply(args, NEW_YORK);
        }
        double nanos = (System.nanoTime() - start) / (double) CALLS;
        System.out.printf("%-52s %8.1f ns/call  -> %s%n", label, nanos, sink);
    }
}
