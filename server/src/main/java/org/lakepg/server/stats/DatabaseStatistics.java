package org.lakepg.server.stats;

/** One database's transaction and row counters as pg_stat_database shows them. */
public record DatabaseStatistics(long commits, long rollbacks, long tuplesReturned, long tuplesFetched,
                                 long tuplesInserted, long tuplesUpdated, long tuplesDeleted) {

    public static final DatabaseStatistics NONE = new DatabaseStatistics(0, 0, 0, 0, 0, 0, 0);
}
