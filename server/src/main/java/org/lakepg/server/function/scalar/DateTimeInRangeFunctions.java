package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgTimeTz;

/**
 * in_range support for window frames {@code RANGE offset PRECEDING/FOLLOWING} over the date/time
 * types: whether {@code val} is within {@code base ± offset} (sub: minus; less: val ≤ bound).
 */
public final class DateTimeInRangeFunctions {
    private DateTimeInRangeFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("in_range_timestamp_interval", (x, c) -> {
            PgInterval offset = checkedOffset(x[2]);
            long sum = TimestampArithmetic.plus((Long) x[1], sub(x) ? IntervalArithmetic.negate(offset) : offset);
            return bound((Long) x[0], sum, less(x));
        });
        r.register("in_range_timestamptz_interval", (x, c) -> {
            PgInterval offset = checkedOffset(x[2]);
            long sum = TimestampArithmetic.plusTz((Long) x[1], sub(x) ? IntervalArithmetic.negate(offset) : offset,
                    c.timeZone());
            return bound((Long) x[0], sum, less(x));
        });
        r.register("in_range_date_interval", (x, c) -> {
            PgInterval offset = checkedOffset(x[2]);
            long base = DateTimeValues.dateToTimestamp((Integer) x[1]);
            long sum = TimestampArithmetic.plus(base, sub(x) ? IntervalArithmetic.negate(offset) : offset);
            return bound(DateTimeValues.dateToTimestamp((Integer) x[0]), sum, less(x));
        });
        r.register("in_range_interval_interval", (x, c) -> {
            PgInterval offset = checkedOffset(x[2]);
            PgInterval base = (PgInterval) x[1];
            PgInterval sum = sub(x) ? IntervalArithmetic.subtract(base, offset) : IntervalArithmetic.add(base, offset);
            int cmp = IntervalArithmetic.compare((PgInterval) x[0], sum);
            return less(x) ? cmp <= 0 : cmp >= 0;
        });
        r.register("in_range_time_interval", (x, c) -> {
            long offset = timeOffset(x[2]);
            long base = (Long) x[1];
            long sum;
            if (sub(x)) {
                sum = base - offset;
            } else {
                try {
                    sum = Math.addExact(base, offset);
                } catch (ArithmeticException overflow) {
                    return less(x);
                }
            }
            return bound((Long) x[0], sum, less(x));
        });
        r.register("in_range_timetz_interval", (x, c) -> {
            long offset = timeOffset(x[2]);
            PgTimeTz base = (PgTimeTz) x[1];
            long sum;
            if (sub(x)) {
                sum = base.micros() - offset;
            } else {
                try {
                    sum = Math.addExact(base.micros(), offset);
                } catch (ArithmeticException overflow) {
                    return less(x);
                }
            }
            // compared by UTC time, then zone, like timetz_cmp, without the time-of-day range limit
            PgTimeTz val = (PgTimeTz) x[0];
            long utcVal = val.micros() - val.offsetSeconds() * DateTimeValues.USECS_PER_SEC;
            long utcSum = sum - base.offsetSeconds() * DateTimeValues.USECS_PER_SEC;
            int cmp = utcVal != utcSum ? Long.compare(utcVal, utcSum)
                    : Integer.compare(base.offsetSeconds(), val.offsetSeconds());
            return less(x) ? cmp <= 0 : cmp >= 0;
        });
    }

    private static boolean sub(Object[] x) {
        return (Boolean) x[3];
    }

    private static boolean less(Object[] x) {
        return (Boolean) x[4];
    }

    private static boolean bound(long value, long sum, boolean less) {
        return less ? value <= sum : value >= sum;
    }

    private static PgException invalidSize() {
        return PgException.of(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                "invalid preceding or following size in window function");
    }

    private static PgInterval checkedOffset(Object value) {
        PgInterval offset = (PgInterval) value;
        if (IntervalArithmetic.compare(offset, PgInterval.ZERO) < 0) {
            throw invalidSize();
        }
        return offset;
    }

    private static long timeOffset(Object value) {
        long micros = ((PgInterval) value).micros();
        if (micros < 0) {
            throw invalidSize();
        }
        return micros;
    }
}
