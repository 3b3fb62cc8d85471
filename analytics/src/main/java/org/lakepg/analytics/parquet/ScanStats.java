package org.lakepg.analytics.parquet;

/** What a Parquet scan read and what it skipped, so tests and EXPLAIN can show pushdown working. */
public record ScanStats(int rowGroupsRead, int skippedByStatistics, int skippedByDictionary, long rowsRead) {

    public static final ScanStats NONE = new ScanStats(0, 0, 0, 0);

    public ScanStats plus(ScanStats other) {
        return new ScanStats(rowGroupsRead + other.rowGroupsRead, skippedByStatistics + other.skippedByStatistics,
                skippedByDictionary + other.skippedByDictionary, rowsRead + other.rowsRead);
    }
}
