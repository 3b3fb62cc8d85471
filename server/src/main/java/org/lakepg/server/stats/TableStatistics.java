package org.lakepg.server.stats;

/**
 * A table's or index's totals as pg_stat_all_tables / pg_stat_all_indexes show them. Times are microseconds since
 * 2000-01-01 UTC (timestamptz), null when it never happened.
 */
public record TableStatistics(long seqScans, long seqTuplesRead, long indexScans, long indexTuplesRead,
                              long indexTuplesFetched, long inserted, long updated, long deleted, long liveTuples,
                              long deadTuples, long modifiedSinceAnalyze, long insertedSinceVacuum, Long lastVacuum,
                              long vacuumCount, Long lastAnalyze, long analyzeCount, Long lastAutoAnalyze,
                              long autoAnalyzeCount) {

    public static final TableStatistics NONE = new TableStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0,
            null, 0, null, 0);
}
