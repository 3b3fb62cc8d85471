package org.lakepg.wire.types;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The session settings PostgreSQL's input and output functions consult: DateStyle,
 * IntervalStyle, TimeZone, extra_float_digits and bytea_output (byteaHex = 'hex').
 *
 * @param dateStyle        as SHOW DateStyle prints it, e.g. "ISO, MDY"
 * @param intervalStyle    postgres, postgres_verbose, sql_standard or iso_8601
 * @param timeZone         session time zone (java.time's tz database); note that PostgreSQL reads a
 *                         numeric TimeZone setting the POSIX way, '+05:30' meaning UTC-05:30
 * @param extraFloatDigits -15..3; > 0 means shortest-exact float output
 * @param byteaHex         true for bytea_output = hex, false for escape
 */
public record FormatSettings(String dateStyle, String intervalStyle, ZoneId timeZone, int extraFloatDigits,
                             boolean byteaHex, Long transactionStartMicros) {

    /** Settings whose 'now' is the wall clock (no transaction known). */
    public FormatSettings(String dateStyle, String intervalStyle, ZoneId timeZone, int extraFloatDigits,
                          boolean byteaHex) {
        this(dateStyle, intervalStyle, timeZone, extraFloatDigits, byteaHex, null);
    }

    private static final FormatSettings DEFAULTS =
            new FormatSettings("ISO, MDY", "postgres", ZoneId.of("UTC"), 1, true);

    /** How DateStyle's first part prints dates and timestamps. */
    public enum DateOutputStyle { ISO, SQL, POSTGRES, GERMAN }

    /** DateStyle's second part: how ambiguous numeric dates like 01/02/03 are read (and SQL/Postgres print). */
    public enum DateOrder { MDY, DMY, YMD }

    /** How intervals print. */
    public enum IntervalOutputStyle { POSTGRES, POSTGRES_VERBOSE, SQL_STANDARD, ISO_8601 }

    public FormatSettings {
        if (dateStyle == null || intervalStyle == null || timeZone == null) {
            throw new IllegalArgumentException("dateStyle, intervalStyle and timeZone are required");
        }
    }

    /** PostgreSQL's defaults with TimeZone UTC. */
    public static FormatSettings defaults() {
        return DEFAULTS;
    }

    public FormatSettings withDateStyle(String value) {
        return new FormatSettings(value, intervalStyle, timeZone, extraFloatDigits, byteaHex, transactionStartMicros);
    }

    public FormatSettings withIntervalStyle(String value) {
        return new FormatSettings(dateStyle, value, timeZone, extraFloatDigits, byteaHex, transactionStartMicros);
    }

    public FormatSettings withTimeZone(ZoneId value) {
        return new FormatSettings(dateStyle, intervalStyle, value, extraFloatDigits, byteaHex, transactionStartMicros);
    }

    public FormatSettings withExtraFloatDigits(int value) {
        return new FormatSettings(dateStyle, intervalStyle, timeZone, value, byteaHex, transactionStartMicros);
    }

    public FormatSettings withByteaHex(boolean value) {
        return new FormatSettings(dateStyle, intervalStyle, timeZone, extraFloatDigits, value, transactionStartMicros);
    }

    /**
     * 'now', 'today' ... in date/time input mean the transaction's start (microseconds since
     * 2000-01-01 UTC, as now() returns it) when the caller knows it.
     */
    public FormatSettings withTransactionStart(long micros) {
        return new FormatSettings(dateStyle, intervalStyle, timeZone, extraFloatDigits, byteaHex, micros);
    }

    /** The clock date/time input reads 'now' from, in the session time zone. */
    public java.time.Clock clock() {
        if (transactionStartMicros == null) {
            return java.time.Clock.system(timeZone);
        }
        long micros = transactionStartMicros;
        java.time.Instant start = java.time.Instant.ofEpochSecond(946_684_800L + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
        return java.time.Clock.fixed(start, timeZone);
    }

    public DateOutputStyle dateOutputStyle() {
        return parsedDateStyle(dateStyle).style();
    }

    /** The field order; "German" alone implies DMY as in PostgreSQL. */
    public DateOrder dateOrder() {
        return parsedDateStyle(dateStyle).order();
    }

    private record ParsedDateStyle(DateOutputStyle style, DateOrder order) {
    }

    /** DateStyle strings are few and formatting is hot: parse each once. */
    private static final java.util.concurrent.ConcurrentHashMap<String, ParsedDateStyle> DATE_STYLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static ParsedDateStyle parsedDateStyle(String dateStyle) {
        ParsedDateStyle parsed = DATE_STYLES.get(dateStyle);
        if (parsed == null) {
            parsed = parseDateStyle(dateStyle);
            if (DATE_STYLES.size() < 64) {
                DATE_STYLES.put(dateStyle, parsed);
            }
        }
        return parsed;
    }

    private static ParsedDateStyle parseDateStyle(String dateStyle) {
        DateOutputStyle style = null;
        DateOrder order = null;
        for (String part : dateStyle.split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "iso" -> style = style == null ? DateOutputStyle.ISO : style;
                case "sql" -> style = style == null ? DateOutputStyle.SQL : style;
                case "postgres" -> style = style == null ? DateOutputStyle.POSTGRES : style;
                case "german" -> style = style == null ? DateOutputStyle.GERMAN : style;
                case "mdy", "us", "noneuropean" -> order = DateOrder.MDY;
                case "dmy", "euro", "european" -> order = DateOrder.DMY;
                case "ymd" -> order = DateOrder.YMD;
                default -> { }
            }
        }
        if (style == null) {
            style = DateOutputStyle.ISO;
        }
        if (order == null) {
            order = style == DateOutputStyle.GERMAN ? DateOrder.DMY : DateOrder.MDY;
        }
        return new ParsedDateStyle(style, order);
    }

    public IntervalOutputStyle intervalOutputStyle() {
        return switch (intervalStyle.trim().toLowerCase(Locale.ROOT)) {
            case "postgres_verbose" -> IntervalOutputStyle.POSTGRES_VERBOSE;
            case "sql_standard" -> IntervalOutputStyle.SQL_STANDARD;
            case "iso_8601" -> IntervalOutputStyle.ISO_8601;
            default -> IntervalOutputStyle.POSTGRES;
        };
    }
}
