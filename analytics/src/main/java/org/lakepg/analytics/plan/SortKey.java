package org.lakepg.analytics.plan;

/** Order by input column {@code column}; PostgreSQL's defaults are NULLS LAST for ASC and NULLS FIRST for DESC. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {

    public static SortKey asc(int column) {
        return new SortKey(column, false, false);
    }

    public static SortKey desc(int column) {
        return new SortKey(column, true, true);
    }
}
