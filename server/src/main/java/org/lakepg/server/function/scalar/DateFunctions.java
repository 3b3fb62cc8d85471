package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.DATE_NOBEGIN;
import static org.lakepg.server.function.scalar.DateTimeValues.DATE_NOEND;
import static org.lakepg.server.function.scalar.DateTimeValues.isFinite;

import java.util.function.IntPredicate;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgTimeTz;

/**
 * date: comparisons (also against timestamp and timestamptz), day arithmetic, date + interval /
 * time / timetz, and the casts to and from timestamp(tz) ({@code date_pli}, {@code date_mi},
 * {@code date_lt_timestamp}, {@code date_timestamptz} ...).
 */
public final class DateFunctions {
    private DateFunctions() {}

    public static void register(FunctionRegistry r) {
        comparisons(r, "date", "");
        r.register("date_cmp", (x, c) -> Integer.compare(date(x[0]), date(x[1])));
        r.register("date_larger", (x, c) -> date(x[0]) >= date(x[1]) ? x[0] : x[1]);
        r.register("date_smaller", (x, c) -> date(x[0]) <= date(x[1]) ? x[0] : x[1]);
        r.register("date_finite", (x, c) -> isFinite(date(x[0])));
        r.register("date_pli", (x, c) -> addDays(date(x[0]), ((Number) x[1]).longValue()));
        r.register("date_mii", (x, c) -> addDays(date(x[0]), -((Number) x[1]).longValue()));
        r.register("date_mi", (x, c) -> subtract(date(x[0]), date(x[1])));
        r.register("date_pl_interval", (x, c) -> TimestampArithmetic.plus(
                DateTimeValues.dateToTimestamp(date(x[0])), (PgInterval) x[1]));
        r.register("date_mi_interval", (x, c) -> TimestampArithmetic.plus(
                DateTimeValues.dateToTimestamp(date(x[0])), IntervalArithmetic.negate((PgInterval) x[1])));
        r.register("datetime_timestamp", (x, c) -> dateTime(date(x[0]), (Long) x[1]));
        r.register("datetimetz_timestamptz", (x, c) -> dateTimeTz(date(x[0]), (PgTimeTz) x[1]));
        r.register("date_timestamp", (x, c) -> DateTimeValues.dateToTimestamp(date(x[0])));
        r.register("date_timestamptz", (x, c) -> DateTimeValues.dateToTimestampTz(date(x[0]), c.timeZone()));
        r.register("timestamp_date", (x, c) -> toDate((Long) x[0]));
        r.register("timestamptz_date", (x, c) -> toDate(DateTimeValues.timestampTzToTimestamp((Long) x[0],
                c.timeZone())));
        // date against timestamp / timestamptz: compared as timestamps, out-of-range dates as ±infinity
        for (String op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            IntPredicate test = test(op);
            r.register("date_" + op + "_timestamp", (x, c) -> test.test(Long.compare(
                    DateTimeValues.dateToTimestampNoOverflow(date(x[0])), (Long) x[1])));
            r.register("timestamp_" + op + "_date", (x, c) -> test.test(Long.compare((Long) x[0],
                    DateTimeValues.dateToTimestampNoOverflow(date(x[1])))));
            r.register("date_" + op + "_timestamptz", (x, c) -> test.test(Long.compare(
                    DateTimeValues.dateToTimestampTzNoOverflow(date(x[0]), c.timeZone()), (Long) x[1])));
            r.register("timestamptz_" + op + "_date", (x, c) -> test.test(Long.compare((Long) x[0],
                    DateTimeValues.dateToTimestampTzNoOverflow(date(x[1]), c.timeZone()))));
        }
        r.register("date_cmp_timestamp", (x, c) -> Long.compare(
                DateTimeValues.dateToTimestampNoOverflow(date(x[0])), (Long) x[1]));
        r.register("timestamp_cmp_date", (x, c) -> Long.compare((Long) x[0],
                DateTimeValues.dateToTimestampNoOverflow(date(x[1]))));
        r.register("date_cmp_timestamptz", (x, c) -> Long.compare(
                DateTimeValues.dateToTimestampTzNoOverflow(date(x[0]), c.timeZone()), (Long) x[1]));
        r.register("timestamptz_cmp_date", (x, c) -> Long.compare((Long) x[0],
                DateTimeValues.dateToTimestampTzNoOverflow(date(x[1]), c.timeZone())));
    }

    /** The comparison predicate for an operator suffix applied to a compare() result. */
    static IntPredicate test(String op) {
        return switch (op) {
            case "eq" -> v -> v == 0;
            case "ne" -> v -> v != 0;
            case "lt" -> v -> v < 0;
            case "le" -> v -> v <= 0;
            case "gt" -> v -> v > 0;
            default -> v -> v >= 0;
        };
    }

    private static void comparisons(FunctionRegistry r, String prefix, String suffix) {
        for (String op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            IntPredicate test = test(op);
            r.register(prefix + "_" + op + suffix, (x, c) -> test.test(Integer.compare(date(x[0]), date(x[1]))));
        }
    }

    static int date(Object value) {
        return (Integer) value;
    }

    /** date_pli / date_mii: infinities stay, anything past the valid range is an error. */
    static int addDays(int date, long days) {
        if (!isFinite(date)) {
            return date;
        }
        long result = date + days;
        if (!DateTimeValues.isValidDate(result)) {
            throw DateTimeValues.dateOutOfRange();
        }
        return (int) result;
    }

    private static int subtract(int a, int b) {
        if (!isFinite(a) || !isFinite(b)) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "cannot subtract infinite dates");
        }
        return a - b;
    }

    /** timestamp_date: the calendar day of a timestamp. */
    static int toDate(long timestamp) {
        if (timestamp == DateTimeValues.DT_NOBEGIN) {
            return DATE_NOBEGIN;
        }
        if (timestamp == DateTimeValues.DT_NOEND) {
            return DATE_NOEND;
        }
        return (int) Math.floorDiv(timestamp, DateTimeValues.USECS_PER_DAY);
    }

    private static long dateTime(int date, long time) {
        long result = DateTimeValues.dateToTimestamp(date);
        if (!DateTimeValues.isFinite(result)) {
            return result;
        }
        return DateTimeValues.checkTimestamp(result + time);
    }

    private static long dateTimeTz(int date, PgTimeTz time) {
        if (date == DATE_NOBEGIN) {
            return DateTimeValues.DT_NOBEGIN;
        }
        if (date == DATE_NOEND) {
            return DateTimeValues.DT_NOEND;
        }
        if (date >= DateTimeValues.END_TIMESTAMP_DATE) {
            throw DateTimeValues.dateOutOfRangeForTimestamp();
        }
        long result = date * DateTimeValues.USECS_PER_DAY + time.micros()
                - time.offsetSeconds() * DateTimeValues.USECS_PER_SEC;
        if (!DateTimeValues.isValidTimestamp(result)) {
            throw DateTimeValues.dateOutOfRangeForTimestamp();
        }
        return result;
    }
}
