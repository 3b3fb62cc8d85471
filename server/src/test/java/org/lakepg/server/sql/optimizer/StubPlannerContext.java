package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** What the planner knows about tables in a unit test: statistics, indexes and settings put in by the test. */
final class StubPlannerContext implements PlannerContext {
    final Map<Long, RelationStatistics> measured = new HashMap<>();
    final Map<Long, List<IndexInfo>> indexes = new HashMap<>();
    final Map<String, String> settings = new HashMap<>();

    @Override
    public RelationStatistics measured(TableInfo table) {
        return measured.get(table.oid());
    }

    @Override
    public long currentPages(TableInfo table) {
        return measured.containsKey(table.oid()) ? measured.get(table.oid()).pages() : 0;
    }

    @Override
    public long indexPages(IndexInfo index) {
        return 10;
    }

    @Override
    public List<IndexInfo> indexes(TableInfo table) {
        return indexes.getOrDefault(table.oid(), List.of());
    }

    @Override
    public String setting(String name) {
        return settings.get(name);
    }

    /** A table of int4 columns c0, c1, ... */
    static TableInfo table(long oid, String name, int columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new ColumnInfo("c" + i, (short) (i + 1), TypeOids.INT4, -1, false, null, '\0'));
        }
        return new TableInfo(oid, name, 2200, (int) oid, 0, cols);
    }

    /** An int4 column's statistics with this many distinct values (negative: a fraction of the rows). */
    static ColumnStatistics stats(double distinct) {
        return new ColumnStatistics(0, 4, distinct, List.of(), List.of(), List.of());
    }
}
