package org.lakepg.server.sql.plan;

/**
 * One ORDER BY key: a column of the input, the btree comparison function of its type (pg_proc
 * OID / prosrc), the direction and where NULLs go.
 */
public record SortKey(int column, long comparisonFunction, String comparisonSource, boolean descending,
                      boolean nullsFirst) {

    /** The same ordering of another column. */
    public SortKey withColumn(int newColumn) {
        return new SortKey(newColumn, comparisonFunction, comparisonSource, descending, nullsFirst);
    }
}
