package org.lakepg.server.function.srf;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgNumeric;

/** generate_series for int4, int8, numeric, timestamp and timestamptz (PostgreSQL's int.c, numeric.c, timestamp.c). */
final class GenerateSeries {
    private GenerateSeries() {}

    static void register(SetReturningFunctions r, FunctionRegistry scalars) {
        r.register("generate_series_int4", (x, c) -> ints(x[0], x[1], 1));
        r.register("generate_series_step_int4", (x, c) -> ints(x[0], x[1], (Integer) x[2]));
        r.register("generate_series_int8", (x, c) -> longs((Long) x[0], (Long) x[1], 1L));
        r.register("generate_series_step_int8", (x, c) -> longs((Long) x[0], (Long) x[1], (Long) x[2]));
        ScalarFunction add = scalars.lookup("numeric_add").orElseThrow();
        ScalarFunction compare = scalars.lookup("numeric_cmp").orElseThrow();
        r.register("generate_series_numeric", (x, c) -> numerics((PgNumeric) x[0], (PgNumeric) x[1],
                PgNumeric.of("1"), add, compare, c));
        r.register("generate_series_step_numeric", (x, c) -> numerics((PgNumeric) x[0], (PgNumeric) x[1],
                (PgNumeric) x[2], add, compare, c));
        ScalarFunction intervalCompare = scalars.lookup("interval_cmp").orElseThrow();
        ScalarFunction plus = scalars.lookup("timestamp_pl_interval").orElseThrow();
        ScalarFunction plusTz = scalars.lookup("timestamptz_pl_interval").orElseThrow();
        r.register("generate_series_timestamp", (x, c) -> timestamps(x, plus, intervalCompare, c));
        r.register("generate_series_timestamptz", (x, c) -> timestamps(x, plusTz, intervalCompare, c));
    }

    private static PgException zeroStep() {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
    }

    private static java.util.Iterator<Object[]> ints(Object start, Object stop, int step) {
        java.util.Iterator<Object[]> wide = longs(((Integer) start).longValue(), ((Integer) stop).longValue(), step);
        return RowIterators.generate(() -> wide.hasNext() ? new Object[] {(int) (long) (Long) wide.next()[0]} : null);
    }

    private static java.util.Iterator<Object[]> longs(long start, long stop, long step) {
        if (step == 0) {
            throw zeroStep();
        }
        long[] current = {start};
        boolean[] done = {false};
        return RowIterators.generate(() -> {
            if (done[0] || (step > 0 ? current[0] > stop : current[0] < stop)) {
                return null;
            }
            long value = current[0];
            try {
                current[0] = Math.addExact(value, step);
            } catch (ArithmeticException overflow) {
                done[0] = true;
            }
            return new Object[] {value};
        });
    }

    private static java.util.Iterator<Object[]> numerics(PgNumeric start, PgNumeric stop, PgNumeric step,
                                                         ScalarFunction add, ScalarFunction compare, FunctionContext c) {
        for (var check : new Object[][] {{start, "start value"}, {stop, "stop value"}, {step, "step size"}}) {
            PgNumeric n = (PgNumeric) check[0];
            if (n.isNaN()) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s cannot be NaN", check[1]);
            }
            if (!n.isFinite()) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "%s cannot be infinity", check[1]);
            }
        }
        int direction = (Integer) compare.apply(new Object[] {step, PgNumeric.of("0")}, c);
        if (direction == 0) {
            throw zeroStep();
        }
        Object[] current = {start};
        return RowIterators.generate(() -> {
            int cmp = (Integer) compare.apply(new Object[] {current[0], stop}, c);
            if (direction > 0 ? cmp > 0 : cmp < 0) {
                return null;
            }
            Object value = current[0];
            current[0] = add.apply(new Object[] {value, step}, c);
            return new Object[] {value};
        });
    }

    private static java.util.Iterator<Object[]> timestamps(Object[] x, ScalarFunction plus, ScalarFunction intervalCompare,
                                                           FunctionContext c) {
        long stop = (Long) x[1];
        PgInterval step = (PgInterval) x[2];
        int direction = (Integer) intervalCompare.apply(new Object[] {step, PgInterval.ZERO}, c);
        if (direction == 0) {
            throw zeroStep();
        }
        Object[] current = {x[0]};
        return RowIterators.generate(() -> {
            long value = (Long) current[0];
            if (direction > 0 ? value > stop : value < stop) {
                return null;
            }
            current[0] = plus.apply(new Object[] {value, step}, c);
            return new Object[] {value};
        });
    }
}
