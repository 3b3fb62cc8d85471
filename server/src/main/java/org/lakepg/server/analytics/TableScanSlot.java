package org.lakepg.server.analytics;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.server.sql.plan.SeqScanNode;

/**
 * Where a routed plan's scan will read a table: the plan is translated once, at routing, with these slots as its
 * sources, and each run puts the table's fresh read at the statement's snapshot in their place ({@link #bind}).
 */
record TableScanSlot(SeqScanNode scanNode, Schema schema) implements ScanSource {

    @Override
    public ScanStats scan(List<Integer> columns, List<ColumnPredicate> pushdown, Consumer<Batch> sink) {
        throw new IllegalStateException("a routed plan runs only with its scans bound to the statement's reads");
    }

    /** {@code plan} with each slot's scan reading from {@code source(slot)}; the rest of the tree is shared. */
    static PlanNode bind(PlanNode plan, Function<TableScanSlot, ScanSource> source) {
        return switch (plan) {
            case PlanNode.Scan s -> s.source() instanceof TableScanSlot slot
                    ? new PlanNode.Scan(source.apply(slot), s.columns(), s.pushdown()) : s;
            case PlanNode.Filter f -> new PlanNode.Filter(bind(f.input(), source), f.predicate());
            case PlanNode.Project p -> new PlanNode.Project(bind(p.input(), source), p.expressions(), p.names());
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(bind(a.input(), source), a.groupBy(), a.aggregates());
            case PlanNode.Sort s -> new PlanNode.Sort(bind(s.input(), source), s.keys(), s.limit());
            case PlanNode.Limit l -> new PlanNode.Limit(bind(l.input(), source), l.count());
            case PlanNode.HashJoin j -> new PlanNode.HashJoin(bind(j.left(), source), bind(j.right(), source),
                    j.leftKeys(), j.rightKeys(), j.type());
        };
    }
}
