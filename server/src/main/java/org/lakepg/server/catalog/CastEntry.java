package org.lakepg.server.catalog;

/**
 * A row of pg_cast. Context: 'i' implicit, 'a' assignment, 'e' explicit only. Method: 'f' via
 * {@code function}, 'i' via the I/O functions, 'b' binary-coercible (no work).
 */
public record CastEntry(long oid, long source, long target, long function, char context, char method) {

    public static final char IMPLICIT = 'i';
    public static final char ASSIGNMENT = 'a';
    public static final char EXPLICIT = 'e';
}
