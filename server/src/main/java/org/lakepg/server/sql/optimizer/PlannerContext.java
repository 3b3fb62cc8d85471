package org.lakepg.server.sql.optimizer;

import java.util.List;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** What the cost model reads about the database: tables' sizes and statistics, indexes and the planner settings. */
public interface PlannerContext {

    /** No statistics, no indexes, default settings: every table looks like a fresh one of ten pages. */
    PlannerContext DEFAULT = new PlannerContext() {
        @Override
        public RelationStatistics measured(TableInfo table) {
            return null;
        }

        @Override
        public long currentPages(TableInfo table) {
            return 0;
        }

        @Override
        public List<IndexInfo> indexes(TableInfo table) {
            return List.of();
        }

        @Override
        public String setting(String name) {
            return null;
        }
    };

    /** The table's last VACUUM/ANALYZE measurement, or null when it has none. */
    RelationStatistics measured(TableInfo table);

    /** The number of pages the table's heap has now. */
    long currentPages(TableInfo table);

    /** The index's number of pages now (0 when unknown). */
    default long indexPages(IndexInfo index) {
        return 0;
    }

    List<IndexInfo> indexes(TableInfo table);

    /** A setting's current value (enable_hashjoin, random_page_cost ...), or null when unknown. */
    String setting(String name);
}
