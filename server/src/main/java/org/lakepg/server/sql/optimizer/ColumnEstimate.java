package org.lakepg.server.sql.optimizer;

import org.lakepg.server.stats.ColumnStatistics;

/**
 * What the planner knows about the table column behind a plan's output column: ANALYZE's statistics
 * (null without), the table's estimated rows and whether a unique single-column index makes it a key.
 */
public record ColumnEstimate(ColumnStatistics statistics, double tableRows, boolean unique, long type,
                             boolean expression) {

    private static final double DEFAULT_NUM_DISTINCT = 200;

    public ColumnEstimate(ColumnStatistics statistics, double tableRows, boolean unique, long type) {
        this(statistics, tableRows, unique, type, false);
    }

    /**
     * An expression of one table's columns, without statistics of its own (examine_variable): as many distinct
     * values as the table has rows when it is small, which get_variable_numdistinct does not count as a guess.
     */
    public static ColumnEstimate ofExpression(double tableRows, long type) {
        return new ColumnEstimate(null, tableRows, false, type, true);
    }

    /** The number of distinct values (get_variable_numdistinct): a key has one per row; without statistics 200. */
    public double distinct() {
        if (unique) {
            return Math.max(1, tableRows);
        }
        if (statistics != null) {
            return Math.max(1, statistics.distinct(tableRows));
        }
        if (type == org.lakepg.server.catalog.TypeOids.BOOL) {
            return 2;
        }
        return tableRows > 0 && tableRows < DEFAULT_NUM_DISTINCT ? tableRows : DEFAULT_NUM_DISTINCT;
    }

    /** Whether {@link #distinct()} is a guess rather than a measurement. */
    public boolean distinctIsDefault() {
        return !unique && statistics == null && type != org.lakepg.server.catalog.TypeOids.BOOL
                && !(expression && tableRows > 0 && tableRows < DEFAULT_NUM_DISTINCT);
    }

    public double nullFrac() {
        return statistics == null ? 0 : statistics.nullFrac();
    }
}
