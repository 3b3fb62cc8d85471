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

    /** VACUUM or ANALYZE measured the table's size (and ANALYZE its columns) for the planner. */
    default void measured(long table, RelationStatistics statistics) {
    }
}
