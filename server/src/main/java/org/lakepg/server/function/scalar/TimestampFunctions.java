package org.lakepg.server.function.scalar;

import java.util.function.IntPredicate;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgTimeTz;

/**
 * timestamp and timestamptz: comparisons (both types share the {@code timestamp_*} code, as in
 * PostgreSQL), comparisons across the two in the session zone, ± interval, subtraction, age,
 * precision coercions and the casts between them and to time / timetz.
 */
public final class TimestampFunctions {
    private TimestampFunctions() {}

    public static void register(FunctionRegistry r) {
        for (String op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            IntPredicate test = DateFunctions.test(op);
            r.register("timestamp_" + op, (x, c) -> test.test(Long.compare(ts(x[0]), ts(x[1]))));
            r.register("timestamp_" + op + "_timestamptz", (x, c) -> test.test(Long.compare(
                    DateTimeValues.timestampToTimestampTzNoOverflow(ts(x[0]), c.timeZone()), ts(x[1]))));
            r.register("timestamptz_" + op + "_timestamp", (x, c) -> test.test(Long.compare(ts(x[0]),
                    DateTimeValues.timestampToTimestampTzNoOverflow(ts(x[1]), c.timeZone()))));
        }
        r.register("timestamp_cmp", (x, c) -> Long.compare(ts(x[0]), ts(x[1])));
        r.register("timestamp_cmp_timestamptz", (x, c) -> Long.compare(
                DateTimeValues.timestampToTimestampTzNoOverflow(ts(x[0]), c.timeZone()), ts(x[1])));
        r.register("timestamptz_cmp_timestamp", (x, c) -> Long.compare(ts(x[0]),
                DateTimeValues.timestampToTimestampTzNoOverflow(ts(x[1]), c.timeZone())));
        r.register("timestamp_larger", (x, c) -> ts(x[0]) >= ts(x[1]) ? x[0] : x[1]);
        r.register("timestamp_smaller", (x, c) -> ts(x[0]) <= ts(x[1]) ? x[0] : x[1]);
        r.register("timestamp_finite", (x, c) -> DateTimeValues.isFinite(ts(x[0])));
        r.register("timestamp_pl_interval", (x, c) -> TimestampArithmetic.plus(ts(x[0]), (PgInterval) x[1]));
        r.register("timestamp_mi_interval", (x, c) -> TimestampArithmetic.plus(ts(x[0]),
                IntervalArithmetic.negate((PgInterval) x[1])));
        r.register("timestamptz_pl_interval", (x, c) -> TimestampArithmetic.plusTz(ts(x[0]), (PgInterval) x[1],
                c.timeZone()));
        r.register("timestamptz_mi_interval", (x, c) -> TimestampArithmetic.plusTz(ts(x[0]),
                IntervalArithmetic.negate((PgInterval) x[1]), c.timeZone()));
        r.register("timestamp_mi", (x, c) -> TimestampArithmetic.minus(ts(x[0]), ts(x[1])));
        r.register("timestamp_age", (x, c) -> TimestampArithmetic.age(ts(x[0]), ts(x[1]), ts(x[0]) < ts(x[1])));
        r.register("timestamptz_age", (x, c) -> TimestampArithmetic.age(
                DateTimeValues.toLocal(ts(x[0]), c.timeZone()), DateTimeValues.toLocal(ts(x[1]), c.timeZone()),
                ts(x[0]) < ts(x[1])));
        r.register("timestamp_scale", (x, c) -> scale(ts(x[0]), (Integer) x[1]));
        r.register("timestamptz_scale", (x, c) -> scale(ts(x[0]), (Integer) x[1]));
        r.register("timestamp_timestamptz", (x, c) -> DateTimeValues.timestampToTimestampTz(ts(x[0]),
                c.timeZone()));
        r.register("timestamptz_timestamp", (x, c) -> DateTimeValues.timestampTzToTimestamp(ts(x[0]),
                c.timeZone()));
        r.register("timestamp_time", (x, c) -> timeOfDay(ts(x[0])));
        r.register("timestamptz_time", (x, c) -> DateTimeValues.isFinite(ts(x[0]))
                ? timeOfDay(DateTimeValues.toLocal(ts(x[0]), c.timeZone())) : null);
        r.register("timestamptz_timetz", (x, c) -> {
            long t = ts(x[0]);
            if (!DateTimeValues.isFinite(t)) {
                return null;
            }
            int offset = DateTimeValues.offsetAt(c.timeZone(), t);
            return new PgTimeTz(timeOfDay(t + offset * DateTimeValues.USECS_PER_SEC), offset);
        });
    }

    static long ts(Object value) {
        return (Long) value;
    }

    /** The time of day of a local timestamp; infinite ones have none (NULL, as PostgreSQL). */
    private static Long timeOfDay(long local) {
        if (!DateTimeValues.isFinite(local)) {
            return null;
        }
        return Math.floorMod(local, DateTimeValues.USECS_PER_DAY);
    }

    /** AdjustTimestampForTypmod. */
    static long scale(long timestamp, int typmod) {
        if (!DateTimeValues.isFinite(timestamp) || typmod == -1 || typmod == 6) {
            return timestamp;
        }
        if (typmod < 0 || typmod > 6) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "timestamp(%d) precision must be between %d and %d", typmod, 0, 6);
        }
        // no range check after rounding, as in PostgreSQL 15
        return DateTimeValues.roundToPrecision(timestamp, typmod);
    }
}
