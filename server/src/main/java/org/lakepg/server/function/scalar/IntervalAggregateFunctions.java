package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgInterval;

/**
 * avg(interval)'s transition and final functions: the state is PostgreSQL's two-element
 * interval array {sum, count} (the count kept in the second element's time field).
 */
public final class IntervalAggregateFunctions {
    private IntervalAggregateFunctions() {}

    private static final int INTERVAL_OID = 1186;

    public static void register(FunctionRegistry r) {
        r.register("interval_accum", (x, c) -> step((PgArray) x[0], (PgInterval) x[1], 1));
        r.register("interval_accum_inv", (x, c) -> step((PgArray) x[0], (PgInterval) x[1], -1));
        r.register("interval_avg", (x, c) -> {
            PgInterval[] state = state((PgArray) x[0]);
            long count = state[1].micros();
            return count == 0 ? null : IntervalArithmetic.divide(state[0], count);
        });
    }

    private static PgInterval[] state(PgArray array) {
        Object[] elements = array.elements();
        if (elements.length != 2 || elements[0] == null || elements[1] == null) {
            throw PgException.of(SqlState.INTERNAL_ERROR, "expected 2-element interval array");
        }
        return new PgInterval[] {(PgInterval) elements[0], (PgInterval) elements[1]};
    }

    private static PgArray step(PgArray array, PgInterval value, int direction) {
        PgInterval[] state = state(array);
        PgInterval sum = direction > 0 ? IntervalArithmetic.add(state[0], value)
                : IntervalArithmetic.subtract(state[0], value);
        PgInterval count = new PgInterval(state[1].months(), state[1].days(), state[1].micros() + direction);
        return PgArray.of(INTERVAL_OID, sum, count);
    }
}
