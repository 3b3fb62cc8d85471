package org.lakepg.server.function.scalar;

/** The default btree order of values of one type, for code that compares values it did not analyze (rows, ranges). */
public final class ValueOrder {
    private ValueOrder() {}

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(long type, Object a, Object b) {
        return RecordOrder.compareValues(type, a, b);
    }
}
