package org.lakepg.wire.types;

/** An interval as PostgreSQL keeps it: months, days and microseconds, each with its own sign. */
public record PgInterval(int months, int days, long micros) {

    public static final PgInterval ZERO = new PgInterval(0, 0, 0);
}
