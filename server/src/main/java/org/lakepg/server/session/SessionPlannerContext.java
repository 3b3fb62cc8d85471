package org.lakepg.server.session;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import java.util.function.LongFunction;
import org.lakepg.server.sql.optimizer.PlannerContext;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** The planner's view from a session: the database's VACUUM/ANALYZE measurements, relation sizes and settings. */
final class SessionPlannerContext implements PlannerContext {
    private final LongFunction<RelationStatistics> measured;
    private final IntToLongFunction relationPages;
    private final Function<TableInfo, List<IndexInfo>> indexes;
    private final Function<String, String> settings;

    SessionPlannerContext(LongFunction<RelationStatistics> measured, IntToLongFunction relationPages,
                          Function<TableInfo, List<IndexInfo>> indexes, Function<String, String> settings) {
        this.measured = measured;
        this.relationPages = relationPages;
        this.indexes = indexes;
        this.settings = settings;
    }

    @Override
    public RelationStatistics measured(TableInfo table) {
        return measured.apply(table.oid());
    }

    @Override
    public long currentPages(TableInfo table) {
        return relationPages.applyAsLong(table.relation());
    }

    @Override
    public long indexPages(IndexInfo index) {
        return relationPages.applyAsLong(index.relation());
    }

    @Override
    public List<IndexInfo> indexes(TableInfo table) {
        return indexes.apply(table);
    }

    @Override
    public String setting(String name) {
        try {
            return settings.apply(name);
        } catch (RuntimeException e) {
            return null; // an unknown setting: the cost model uses its default
        }
    }
}
