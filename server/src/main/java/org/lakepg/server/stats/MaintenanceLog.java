package org.lakepg.server.stats;

/** Where VACUUM and ANALYZE report the tables they processed (last_vacuum, n_live_tup ... in pg_stat_all_tables). */
public interface MaintenanceLog {

    MaintenanceLog NONE = new MaintenanceLog() {
        @Override
        public void vacuumed(long table, long liveRows) {
        }

        @Override
        public void analyzed(long table) {
        }
    };

    void vacuumed(long table, long liveRows);

    void analyzed(long table);

    /**
     * VACUUM or ANALYZE measured the table's size (and ANALYZE its columns, whose types are {@code columnTypes}) for
     * the planner, in the running transaction.
     */
    default void measured(long table, long[] columnTypes, RelationStatistics statistics) {
    }

    /** A database-wide VACUUM or ANALYZE went over all of {@code tables}: what is kept of other tables can go. */
    default void onlyTables(java.util.Set<Long> tables) {
    }
}
