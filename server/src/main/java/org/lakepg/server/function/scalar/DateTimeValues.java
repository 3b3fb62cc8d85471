package org.lakepg.server.function.scalar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgDateTime;

/**
 * What the date/time function families share: PostgreSQL's valid ranges (Julian day 0 to the
 * ends of date and timestamp), the ±infinity sentinels, local/UTC conversion in a zone the way
 * DetermineTimeZoneOffset does it, and the range errors worded as PostgreSQL words them.
 */
public final class DateTimeValues {
    private DateTimeValues() {}

    public static final long USECS_PER_DAY = PgDateTime.MICROS_PER_DAY;
    public static final long USECS_PER_HOUR = 3_600_000_000L;
    public static final long USECS_PER_MINUTE = 60_000_000L;
    public static final long USECS_PER_SEC = PgDateTime.MICROS_PER_SECOND;
    public static final int DAYS_PER_MONTH = 30;
    /** 2000-01-01 as a Julian day number. */
    public static final int POSTGRES_EPOCH_JDATE = 2451545;
    /** Seconds from 1970-01-01 to 2000-01-01. */
    public static final long UNIX_TO_POSTGRES_SECONDS = 946_684_800L;

    /** First valid date (Julian day 0), days since 2000-01-01. */
    public static final int MIN_DATE = -POSTGRES_EPOCH_JDATE;
    /** First date past the valid range. */
    public static final int END_DATE = 2147483494 - POSTGRES_EPOCH_JDATE;
    /** First date that no longer fits a timestamp (294277-01-01). */
    public static final int END_TIMESTAMP_DATE = 109203528 - POSTGRES_EPOCH_JDATE;
    public static final long MIN_TIMESTAMP = -211813488000000000L;
    public static final long END_TIMESTAMP = 9223371331200000000L;

    public static final int DATE_NOBEGIN = PgDateTime.DATE_NEGATIVE_INFINITY;
    public static final int DATE_NOEND = PgDateTime.DATE_POSITIVE_INFINITY;
    public static final long DT_NOBEGIN = PgDateTime.TIMESTAMP_NEGATIVE_INFINITY;
    public static final long DT_NOEND = PgDateTime.TIMESTAMP_POSITIVE_INFINITY;

    public static boolean isFinite(int date) {
        return date != DATE_NOBEGIN && date != DATE_NOEND;
    }

    public static boolean isFinite(long timestamp) {
        return timestamp != DT_NOBEGIN && timestamp != DT_NOEND;
    }

    public static boolean isValidDate(long date) {
        return date >= MIN_DATE && date < END_DATE;
    }

    public static boolean isValidTimestamp(long timestamp) {
        return timestamp >= MIN_TIMESTAMP && timestamp < END_TIMESTAMP;
    }

    public static PgException dateOutOfRange() {
        return PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range");
    }

    public static PgException timestampOutOfRange() {
        return PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range");
    }

    public static PgException intervalOutOfRange() {
        return PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "interval out of range");
    }

    public static PgException dateOutOfRangeForTimestamp() {
        return PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range for timestamp");
    }

    /** Checks a computed timestamp against the valid range. */
    public static long checkTimestamp(long timestamp) {
        if (!isValidTimestamp(timestamp)) {
            throw timestampOutOfRange();
        }
        return timestamp;
    }

    /** date2timestamp: midnight of a date, infinities kept, an error past the timestamp range. */
    public static long dateToTimestamp(int date) {
        if (date == DATE_NOBEGIN) {
            return DT_NOBEGIN;
        }
        if (date == DATE_NOEND) {
            return DT_NOEND;
        }
        if (date >= END_TIMESTAMP_DATE) {
            throw dateOutOfRangeForTimestamp();
        }
        return date * USECS_PER_DAY;
    }

    /** date2timestamptz: local midnight of a date in the zone. */
    public static long dateToTimestampTz(int date, ZoneId zone) {
        if (date == DATE_NOBEGIN) {
            return DT_NOBEGIN;
        }
        if (date == DATE_NOEND) {
            return DT_NOEND;
        }
        if (date >= END_TIMESTAMP_DATE) {
            throw dateOutOfRangeForTimestamp();
        }
        long local = date * USECS_PER_DAY;
        long result = local - offsetOfLocal(zone, local) * USECS_PER_SEC;
        if (!isValidTimestamp(result)) {
            throw dateOutOfRangeForTimestamp();
        }
        return result;
    }

    /** A date as a timestamp for comparisons: past the range it counts as ±infinity (no error). */
    public static long dateToTimestampNoOverflow(int date) {
        if (date == DATE_NOBEGIN) {
            return DT_NOBEGIN;
        }
        if (date == DATE_NOEND || date >= END_TIMESTAMP_DATE) {
            return DT_NOEND;
        }
        return date * USECS_PER_DAY;
    }

    /** As {@link #dateToTimestampNoOverflow} for timestamptz. */
    public static long dateToTimestampTzNoOverflow(int date, ZoneId zone) {
        if (date == DATE_NOBEGIN) {
            return DT_NOBEGIN;
        }
        if (date == DATE_NOEND || date >= END_TIMESTAMP_DATE) {
            return DT_NOEND;
        }
        long local = date * USECS_PER_DAY;
        long result = local - offsetOfLocal(zone, local) * USECS_PER_SEC;
        if (result < MIN_TIMESTAMP) {
            return DT_NOBEGIN;
        }
        return result >= END_TIMESTAMP ? DT_NOEND : result;
    }

    /** timestamp2timestamptz: a local time read in the zone. */
    public static long timestampToTimestampTz(long timestamp, ZoneId zone) {
        if (!isFinite(timestamp)) {
            return timestamp;
        }
        return checkTimestamp(timestamp - offsetOfLocal(zone, timestamp) * USECS_PER_SEC);
    }

    /** timestamp2timestamptz_opt_overflow for comparisons: out of range means ±infinity. */
    public static long timestampToTimestampTzNoOverflow(long timestamp, ZoneId zone) {
        if (!isFinite(timestamp)) {
            return timestamp;
        }
        long result = timestamp - offsetOfLocal(zone, timestamp) * USECS_PER_SEC;
        if (result < MIN_TIMESTAMP) {
            return DT_NOBEGIN;
        }
        return result >= END_TIMESTAMP ? DT_NOEND : result;
    }

    /** timestamptz2timestamp: the local time in the zone. */
    public static long timestampTzToTimestamp(long timestamp, ZoneId zone) {
        if (!isFinite(timestamp)) {
            return timestamp;
        }
        return checkTimestamp(toLocal(timestamp, zone));
    }

    /** The local wall-clock microseconds of a UTC instant in a zone (unchecked). */
    public static long toLocal(long utc, ZoneId zone) {
        return utc + offsetAt(zone, utc) * USECS_PER_SEC;
    }

    /** The zone's offset (seconds east) at a UTC instant given as microseconds since 2000. */
    public static int offsetAt(ZoneId zone, long utc) {
        long seconds = Math.floorDiv(utc, USECS_PER_SEC) + UNIX_TO_POSTGRES_SECONDS;
        return zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
    }

    /**
     * The offset (seconds east) that applies to a local time in a zone: in a spring-forward gap
     * the offset before the gap, in a fall-back overlap the one after it, as PostgreSQL does.
     */
    public static int offsetOfLocal(ZoneId zone, long localMicros) {
        LocalDateTime local = PgDateTime.toLocalDateTime(localMicros);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return zone.getRules().getOffset(local).getTotalSeconds();
        }
        return (transition.isGap() ? transition.getOffsetBefore() : transition.getOffsetAfter()).getTotalSeconds();
    }

    public static LocalDateTime toLocalDateTime(long timestamp) {
        return PgDateTime.toLocalDateTime(timestamp);
    }

    public static LocalDate toLocalDate(int date) {
        return PgDateTime.toLocalDate(date);
    }

    /** A local date-time as timestamp microseconds, with the range error. */
    public static long fromLocalDateTime(LocalDateTime dateTime) {
        LocalDate date = dateTime.toLocalDate();
        long days = date.toEpochDay() - 10957;
        if (days < MIN_DATE || days >= END_TIMESTAMP_DATE) {
            throw timestampOutOfRange();
        }
        return checkTimestamp(PgDateTime.toPgTimestamp(dateTime));
    }

    /** Days since 2000-01-01 of a LocalDate. */
    public static long toPgDays(LocalDate date) {
        return date.toEpochDay() - 10957;
    }

    /** The C/Java-style rounding PostgreSQL uses for timestamp precision (half away from zero). */
    public static long roundToPrecision(long micros, int precision) {
        long scale = 1;
        for (int i = precision; i < 6; i++) {
            scale *= 10;
        }
        long offset = scale / 2;
        if (micros >= 0) {
            return (micros + offset) / scale * scale;
        }
        return -(((-micros) + offset) / scale * scale);
    }
}
