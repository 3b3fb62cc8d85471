package org.lakepg.wire.types;

/**
 * A timetz value: time of day in microseconds (0..86400000000) and the zone offset in seconds
 * east of UTC (java.time's sign convention; PostgreSQL stores and sends the negation).
 */
public record PgTimeTz(long micros, int offsetSeconds) {

    /** PostgreSQL's limit for a zone displacement: ±15:59:59. */
    public static final int MAX_OFFSET_SECONDS = 15 * 3600 + 59 * 60 + 59;

    public PgTimeTz {
        if (micros < 0 || micros > PgDateTime.MICROS_PER_DAY) {
            throw new IllegalArgumentException("time of day out of range: " + micros);
        }
        if (Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
            throw new IllegalArgumentException("zone offset out of range: " + offsetSeconds);
        }
    }
}
