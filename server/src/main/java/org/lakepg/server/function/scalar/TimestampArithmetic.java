package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_SEC;

import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;

/**
 * timestamp ± interval (months on the calendar with the end-of-month clamp, then days, then
 * time; for timestamptz the calendar steps happen in the session zone's local time), timestamp
 * − timestamp, and age()'s symbolic field-by-field difference.
 */
public final class TimestampArithmetic {
    private TimestampArithmetic() {}

    /** timestamp_pl_interval. */
    public static long plus(long timestamp, PgInterval span) {
        if (!DateTimeValues.isFinite(timestamp)) {
            return timestamp;
        }
        if (span.months() != 0) {
            timestamp = DateTimeValues.fromLocalDateTime(
                    DateTimeValues.toLocalDateTime(timestamp).plusMonths(span.months()));
        }
        if (span.days() != 0) {
            timestamp = DateTimeValues.fromLocalDateTime(
                    DateTimeValues.toLocalDateTime(timestamp).plusDays(span.days()));
        }
        return addMicros(timestamp, span.micros());
    }

    /** timestamptz_pl_interval: months and days move the local time in the zone. */
    public static long plusTz(long timestamp, PgInterval span, ZoneId zone) {
        if (!DateTimeValues.isFinite(timestamp)) {
            return timestamp;
        }
        if (span.months() != 0) {
            timestamp = fromLocal(DateTimeValues.toLocalDateTime(DateTimeValues.toLocal(timestamp, zone))
                    .plusMonths(span.months()), zone);
        }
        if (span.days() != 0) {
            timestamp = fromLocal(DateTimeValues.toLocalDateTime(DateTimeValues.toLocal(timestamp, zone))
                    .plusDays(span.days()), zone);
        }
        return addMicros(timestamp, span.micros());
    }

    /** A local wall-clock time in a zone as a UTC timestamp, range-checked. */
    static long fromLocal(LocalDateTime local, ZoneId zone) {
        long localMicros = DateTimeValues.fromLocalDateTime(local);
        return DateTimeValues.checkTimestamp(
                localMicros - DateTimeValues.offsetOfLocal(zone, localMicros) * USECS_PER_SEC);
    }

    private static long addMicros(long timestamp, long micros) {
        try {
            return DateTimeValues.checkTimestamp(Math.addExact(timestamp, micros));
        } catch (ArithmeticException overflow) {
            throw DateTimeValues.timestampOutOfRange();
        }
    }

    /** timestamp_mi: the difference in days and time (justify_hours applied). */
    public static PgInterval minus(long a, long b) {
        if (!DateTimeValues.isFinite(a) || !DateTimeValues.isFinite(b)) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "cannot subtract infinite timestamps");
        }
        // PostgreSQL 15 does not check this subtraction: the extremes of the range wrap around
        return IntervalArithmetic.justifyHours(new PgInterval(0, 0, a - b));
    }

    /** age(): years, months and days by the calendar, borrowing month lengths from the earlier side. */
    public static PgInterval age(long localA, long localB, boolean aBeforeB) {
        LocalDateTime t1 = DateTimeValues.toLocalDateTime(localA);
        LocalDateTime t2 = DateTimeValues.toLocalDateTime(localB);
        long fsec = t1.getNano() / 1000 - t2.getNano() / 1000;
        long sec = t1.getSecond() - t2.getSecond();
        long min = t1.getMinute() - t2.getMinute();
        long hour = t1.getHour() - t2.getHour();
        long mday = t1.getDayOfMonth() - t2.getDayOfMonth();
        long mon = t1.getMonthValue() - t2.getMonthValue();
        long year = (long) t1.getYear() - t2.getYear();
        if (aBeforeB) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        while (fsec < 0) {
            fsec += USECS_PER_SEC;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            mday--;
        }
        while (mday < 0) {
            LocalDateTime borrowFrom = aBeforeB ? t1 : t2;
            mday += borrowFrom.getMonth().length(Year.isLeap(borrowFrom.getYear()));
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        if (aBeforeB) {
            fsec = -fsec;
            sec = -sec;
            min = -min;
            hour = -hour;
            mday = -mday;
            mon = -mon;
            year = -year;
        }
        long months = year * 12 + mon;
        if (months > Integer.MAX_VALUE || months < Integer.MIN_VALUE) {
            throw DateTimeValues.intervalOutOfRange();
        }
        long time = ((hour * 60 + min) * 60 + sec) * USECS_PER_SEC + fsec;
        return new PgInterval((int) months, (int) mday, time);
    }
}
