package org.lakepg.server.function.scalar;

import java.util.Comparator;
import java.util.function.IntPredicate;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgTimeTz;

/**
 * time and timetz: comparisons (timetz by its UTC time, then by zone), ± interval wrapping
 * around midnight, time − time, precision coercions, the casts between them, and OVERLAPS for
 * time, timetz and timestamp(tz) with the SQL standard's NULL rules.
 */
public final class TimeFunctions {
    private TimeFunctions() {}

    public static void register(FunctionRegistry r) {
        for (String op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            IntPredicate test = DateFunctions.test(op);
            r.register("time_" + op, (x, c) -> test.test(Long.compare(time(x[0]), time(x[1]))));
            r.register("timetz_" + op, (x, c) -> test.test(compareTz(tz(x[0]), tz(x[1]))));
        }
        r.register("time_cmp", (x, c) -> Long.compare(time(x[0]), time(x[1])));
        r.register("timetz_cmp", (x, c) -> compareTz(tz(x[0]), tz(x[1])));
        r.register("time_larger", (x, c) -> time(x[0]) > time(x[1]) ? x[0] : x[1]);
        r.register("time_smaller", (x, c) -> time(x[0]) < time(x[1]) ? x[0] : x[1]);
        r.register("timetz_larger", (x, c) -> compareTz(tz(x[0]), tz(x[1])) > 0 ? x[0] : x[1]);
        r.register("timetz_smaller", (x, c) -> compareTz(tz(x[0]), tz(x[1])) < 0 ? x[0] : x[1]);
        r.register("time_pl_interval", (x, c) -> wrap(time(x[0]) + ((PgInterval) x[1]).micros()));
        r.register("time_mi_interval", (x, c) -> wrap(time(x[0]) - ((PgInterval) x[1]).micros()));
        r.register("timetz_pl_interval", (x, c) -> new PgTimeTz(wrap(tz(x[0]).micros() + ((PgInterval) x[1]).micros()),
                tz(x[0]).offsetSeconds()));
        r.register("timetz_mi_interval", (x, c) -> new PgTimeTz(wrap(tz(x[0]).micros() - ((PgInterval) x[1]).micros()),
                tz(x[0]).offsetSeconds()));
        r.register("time_mi_time", (x, c) -> new PgInterval(0, 0, time(x[0]) - time(x[1])));
        r.register("time_scale", (x, c) -> scale(time(x[0]), (Integer) x[1]));
        r.register("timetz_scale", (x, c) -> new PgTimeTz(scale(tz(x[0]).micros(), (Integer) x[1]),
                tz(x[0]).offsetSeconds()));
        r.register("timetz_time", (x, c) -> tz(x[0]).micros());
        r.register("time_timetz", (x, c) -> {
            // the session zone's offset on today's date (the transaction's)
            long today = Math.floorDiv(DateTimeValues.toLocal(c.transactionStartMicros(), c.timeZone()),
                    DateTimeValues.USECS_PER_DAY) * DateTimeValues.USECS_PER_DAY;
            return new PgTimeTz(time(x[0]), DateTimeValues.offsetOfLocal(c.timeZone(), today + time(x[0])));
        });
        r.register("overlaps_time", (x, c) -> overlaps(x, Comparator.comparingLong(v -> (Long) v)));
        r.register("overlaps_timestamp", (x, c) -> overlaps(x, Comparator.comparingLong(v -> (Long) v)));
        r.register("overlaps_timetz", (x, c) -> overlaps(x, (a, b) -> compareTz((PgTimeTz) a, (PgTimeTz) b)));
    }

    static long time(Object value) {
        return (Long) value;
    }

    static PgTimeTz tz(Object value) {
        return (PgTimeTz) value;
    }

    /** timetz_cmp_internal: by the UTC time of day, then the zone east-most first. */
    static int compareTz(PgTimeTz a, PgTimeTz b) {
        long ua = a.micros() - a.offsetSeconds() * DateTimeValues.USECS_PER_SEC;
        long ub = b.micros() - b.offsetSeconds() * DateTimeValues.USECS_PER_SEC;
        if (ua != ub) {
            return ua < ub ? -1 : 1;
        }
        return Integer.compare(b.offsetSeconds(), a.offsetSeconds());
    }

    /** A time of day moved by some microseconds, wrapped into 0..24h. */
    static long wrap(long micros) {
        long result = micros - micros / DateTimeValues.USECS_PER_DAY * DateTimeValues.USECS_PER_DAY;
        return result < 0 ? result + DateTimeValues.USECS_PER_DAY : result;
    }

    /** AdjustTimeForTypmod. */
    static long scale(long time, int typmod) {
        if (typmod < 0 || typmod > 6) {
            return time;
        }
        return DateTimeValues.roundToPrecision(time, typmod);
    }

    /** overlaps_*: (start1, end1) OVERLAPS (start2, end2) with either end possibly NULL. */
    private static Boolean overlaps(Object[] x, Comparator<Object> order) {
        Object ts1 = x[0];
        Object te1 = x[1];
        Object ts2 = x[2];
        Object te2 = x[3];
        if (ts1 == null) {
            if (te1 == null) {
                return null;
            }
            ts1 = te1;
            te1 = null;
        } else if (te1 != null && order.compare(ts1, te1) > 0) {
            Object t = ts1;
            ts1 = te1;
            te1 = t;
        }
        if (ts2 == null) {
            if (te2 == null) {
                return null;
            }
            ts2 = te2;
            te2 = null;
        } else if (te2 != null && order.compare(ts2, te2) > 0) {
            Object t = ts2;
            ts2 = te2;
            te2 = t;
        }
        int c = order.compare(ts1, ts2);
        if (c > 0) {
            if (te2 == null) {
                return null;
            }
            if (order.compare(ts1, te2) < 0) {
                return true;
            }
            return te1 == null ? null : false;
        }
        if (c < 0) {
            if (te1 == null) {
                return null;
            }
            if (order.compare(ts2, te1) < 0) {
                return true;
            }
            return te2 == null ? null : false;
        }
        return te1 == null || te2 == null ? null : true;
    }
}
