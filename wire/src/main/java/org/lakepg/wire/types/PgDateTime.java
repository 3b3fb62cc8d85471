package org.lakepg.wire.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's internal date/time representation: days and microseconds counted from
 * 2000-01-01 (proleptic Gregorian, year 0 = 1 BC), with the ±infinity sentinels and ranges.
 */
public final class PgDateTime {

    /** date '-infinity' (DATEVAL_NOBEGIN). */
    public static final int DATE_NEGATIVE_INFINITY = Integer.MIN_VALUE;
    /** date 'infinity' (DATEVAL_NOEND). */
    public static final int DATE_POSITIVE_INFINITY = Integer.MAX_VALUE;
    /** timestamp '-infinity' (DT_NOBEGIN). */
    public static final long TIMESTAMP_NEGATIVE_INFINITY = Long.MIN_VALUE;
    /** timestamp 'infinity' (DT_NOEND). */
    public static final long TIMESTAMP_POSITIVE_INFINITY = Long.MAX_VALUE;

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    /** 1970-01-01 minus 2000-01-01 in days. */
    static final int UNIX_EPOCH_DAYS = -10957;
    /** First valid date: 4714-11-24 BC (Julian day 0). */
    static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    /** Last valid date. */
    static final LocalDate MAX_DATE = LocalDate.of(5874897, 12, 31);
    /** First valid timestamp: 4714-11-24 00:00:00 BC. */
    static final long MIN_TIMESTAMP = -211813488000000000L;
    /** First timestamp past the valid range: 294277-01-01 00:00:00. */
    static final long END_TIMESTAMP = 9223371331200000000L;

    private PgDateTime() {
    }

    public static int toPgDate(LocalDate date) {
        return Math.toIntExact(date.toEpochDay() + UNIX_EPOCH_DAYS);
    }

    public static LocalDate toLocalDate(int pgDate) {
        return LocalDate.ofEpochDay((long) pgDate - UNIX_EPOCH_DAYS);
    }

    static boolean isValidDate(LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    /** Microseconds since 2000-01-01 00:00 of a local date-time read as UTC. */
    public static long toPgTimestamp(LocalDateTime dateTime) {
        long days = dateTime.toLocalDate().toEpochDay() + UNIX_EPOCH_DAYS;
        return days * MICROS_PER_DAY + dateTime.toLocalTime().toNanoOfDay() / 1000;
    }

    public static LocalDateTime toLocalDateTime(long pgTimestamp) {
        long days = Math.floorDiv(pgTimestamp, MICROS_PER_DAY);
        long micros = Math.floorMod(pgTimestamp, MICROS_PER_DAY);
        return LocalDateTime.of(LocalDate.ofEpochDay(days - UNIX_EPOCH_DAYS),
                java.time.LocalTime.ofNanoOfDay(micros * 1000));
    }

    static boolean isValidTimestamp(long pgTimestamp) {
        return pgTimestamp >= MIN_TIMESTAMP && pgTimestamp < END_TIMESTAMP;
    }

    /** An instant as timestamptz microseconds. */
    public static long toPgTimestamp(java.time.Instant instant) {
        return toPgTimestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
