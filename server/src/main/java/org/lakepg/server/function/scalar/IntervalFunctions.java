package org.lakepg.server.function.scalar;

import java.util.function.IntPredicate;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;

/**
 * interval: arithmetic ({@code interval_pl}, {@code interval_mul}, {@code interval_div} ...),
 * comparisons by the 30-day-month ordering, justify_*, the precision/field coercion
 * ({@code interval_scale}) and the casts between time and interval.
 */
public final class IntervalFunctions {
    private IntervalFunctions() {}

    // interval typmod range bits, as datetime.h numbers them
    private static final int MONTH = 1 << 1;
    private static final int YEAR = 1 << 2;
    private static final int DAY = 1 << 3;
    private static final int HOUR = 1 << 10;
    private static final int MINUTE = 1 << 11;
    private static final int SECOND = 1 << 12;
    private static final int FULL_RANGE = 0x7FFF;
    private static final int FULL_PRECISION = 0xFFFF;

    public static void register(FunctionRegistry r) {
        for (String op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            IntPredicate test = DateFunctions.test(op);
            r.register("interval_" + op, (x, c) -> test.test(IntervalArithmetic.compare(iv(x[0]), iv(x[1]))));
        }
        r.register("interval_cmp", (x, c) -> IntervalArithmetic.compare(iv(x[0]), iv(x[1])));
        r.register("interval_larger", (x, c) -> IntervalArithmetic.compare(iv(x[0]), iv(x[1])) > 0 ? x[0] : x[1]);
        r.register("interval_smaller", (x, c) -> IntervalArithmetic.compare(iv(x[0]), iv(x[1])) < 0 ? x[0] : x[1]);
        r.register("interval_finite", (x, c) -> true);
        r.register("interval_pl", (x, c) -> IntervalArithmetic.add(iv(x[0]), iv(x[1])));
        r.register("interval_mi", (x, c) -> IntervalArithmetic.subtract(iv(x[0]), iv(x[1])));
        r.register("interval_um", (x, c) -> IntervalArithmetic.negateChecked(iv(x[0])));
        r.register("interval_mul", (x, c) -> IntervalArithmetic.multiply(iv(x[0]), (Double) x[1]));
        r.register("mul_d_interval", (x, c) -> IntervalArithmetic.multiply(iv(x[1]), (Double) x[0]));
        r.register("interval_div", (x, c) -> IntervalArithmetic.divide(iv(x[0]), (Double) x[1]));
        r.register("interval_justify_hours", (x, c) -> IntervalArithmetic.justifyHours(iv(x[0])));
        r.register("interval_justify_days", (x, c) -> IntervalArithmetic.justifyDays(iv(x[0])));
        r.register("interval_justify_interval", (x, c) -> IntervalArithmetic.justifyInterval(iv(x[0])));
        r.register("interval_scale", (x, c) -> scale(iv(x[0]), (Integer) x[1]));
        r.register("time_interval", (x, c) -> new PgInterval(0, 0, (Long) x[0]));
        r.register("interval_time", (x, c) -> Math.floorMod(iv(x[0]).micros(), DateTimeValues.USECS_PER_DAY));
    }

    static PgInterval iv(Object value) {
        return (PgInterval) value;
    }

    /** AdjustIntervalForTypmod: drop the fields outside the declared range, round the seconds. */
    static PgInterval scale(PgInterval value, int typmod) {
        if (typmod < 0) {
            return value;
        }
        int range = typmod >>> 16 & 0x7FFF;
        int precision = typmod & 0xFFFF;
        int months = value.months();
        int days = value.days();
        long time = value.micros();
        if (range == YEAR) {
            months = months / 12 * 12;
            days = 0;
            time = 0;
        } else if (range == MONTH || range == (YEAR | MONTH)) {
            days = 0;
            time = 0;
        } else if (range == DAY) {
            time = 0;
        } else if (range == HOUR || range == (DAY | HOUR)) {
            time = time / DateTimeValues.USECS_PER_HOUR * DateTimeValues.USECS_PER_HOUR;
        } else if (range == MINUTE || range == (DAY | HOUR | MINUTE) || range == (HOUR | MINUTE)) {
            time = time / DateTimeValues.USECS_PER_MINUTE * DateTimeValues.USECS_PER_MINUTE;
        } else if (range != FULL_RANGE && range != SECOND && range != (DAY | HOUR | MINUTE | SECOND)
                && range != (HOUR | MINUTE | SECOND) && range != (MINUTE | SECOND)) {
            throw PgException.of(SqlState.INTERNAL_ERROR, "unrecognized interval typmod: %d", typmod);
        }
        if (precision != FULL_PRECISION) {
            if (precision > 6) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "interval(%d) precision must be between %d and %d", precision, 0, 6);
            }
            time = DateTimeValues.roundToPrecision(time, precision);
        }
        return new PgInterval(months, days, time);
    }
}
