package org.lakepg.server.stats;

import java.util.List;

/**
 * A table's size as VACUUM or ANALYZE last measured it (pg_class.reltuples and relpages) and, after
 * ANALYZE, its columns' statistics (one entry per column in attnum order; null where nothing was
 * gathered). The planner scales {@code tuples} to the table's current number of pages.
 */
public record RelationStatistics(double tuples, long pages, List<ColumnStatistics> columns) {

    public RelationStatistics {
        columns = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(columns));
    }

    /** The column's statistics (attnum - 1), or null when there are none. */
    public ColumnStatistics column(int index) {
        return index >= 0 && index < columns.size() ? columns.get(index) : null;
    }

    /** The same measurement of the size with other column statistics. */
    public RelationStatistics withColumns(List<ColumnStatistics> newColumns) {
        return new RelationStatistics(tuples, pages, newColumns);
    }
}
