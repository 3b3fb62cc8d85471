package org.lakepg.server.function.scalar;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.VoidType;

/**
 * pg_sleep(seconds): waits in short slices so a cancel, statement_timeout or a lost client stop it
 * promptly, as PostgreSQL's pg_sleep wakes to CHECK_FOR_INTERRUPTS.
 */
final class SleepFunction {
    private SleepFunction() {}

    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    static void register(FunctionRegistry r) {
        r.register("pg_sleep", (x, c) -> sleep((Double) x[0], c));
    }

    private static Object sleep(double seconds, FunctionContext context) {
        long end = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0);
        while (true) {
            context.checkInterrupts();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return VoidType.VALUE;
            }
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
        }
    }
}
