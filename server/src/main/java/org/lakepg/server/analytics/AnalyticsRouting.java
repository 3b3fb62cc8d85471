package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.analytics.snapshot.Manifest;
import org.lakepg.server.Compute;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.ColumnarNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.storage.Lsn;

/**
 * The planner's routing rule (setting {@code lakepg.analytics}): {@code off} never uses the columnar engine;
 * {@code on} sends every subtree it can run there; {@code auto} (the default) only scan-heavy ones, i.e. an aggregate
 * or a sort over sequential scans of tables of at least {@code lakepg.analytics_min_pages} heap pages. An index scan
 * (the planner found an index-friendly predicate) is never a sequential scan, so such queries stay on the row engine.
 * Tables a routed query reads are materialized from then on by the background refresher.
 */
public final class AnalyticsRouting {
    public static final String MODE = "lakepg.analytics";
    public static final String MIN_PAGES = "lakepg.analytics_min_pages";

    private final AnalyticsService service;
    private final Supplier<Compute> compute;

    public AnalyticsRouting(AnalyticsService service, Supplier<Compute> compute) {
        this.service = service;
        this.compute = compute;
    }

    /** The plan to run: {@code plan} with the subtrees the setting sends to the columnar engine replaced. */
    public PlanNode route(PlanNode plan, ExecContext context) {
        String mode = context.setting(MODE);
        if (mode == null || mode.equals("off")) {
            return plan;
        }
        long minPages = mode.equals("on") ? 0 : Long.parseLong(context.setting(MIN_PAGES));
        return rewrite(plan, context, mode.equals("on"), minPages);
    }

    private PlanNode rewrite(PlanNode p, ExecContext context, boolean force, long minPages) {
        Optional<ColumnarNode> here = columnar(p, context, force, minPages);
        if (here.isPresent()) {
            return here.get();
        }
        // nodes whose inputs stay are returned as they are: plans are cached and compiled per node identity
        return switch (p) {
            case ProjectNode x -> same(x.input(), rewrite(x.input(), context, force, minPages), x,
                    in -> new ProjectNode(in, x.expressions()));
            case SortNode s -> same(s.input(), rewrite(s.input(), context, force, minPages), s,
                    in -> new SortNode(in, s.keys()));
            case LimitNode l -> same(l.input(), rewrite(l.input(), context, force, minPages), l, l::withInput);
            case FilterNode f -> same(f.input(), rewrite(f.input(), context, force, minPages), f,
                    in -> new FilterNode(in, f.condition()));
            case AggregateNode a -> same(a.input(), rewrite(a.input(), context, force, minPages), a, a::withInput);
            case HashLookupNode h -> same(h.input(), rewrite(h.input(), context, force, minPages), h,
                    h::withInput);
            case NestedLoopJoinNode j -> {
                PlanNode left = rewrite(j.left(), context, force, minPages);
                PlanNode right = rewrite(j.right(), context, force, minPages);
                yield left == j.left() && right == j.right() ? j
                        : new NestedLoopJoinNode(j.kind(), left, right, j.condition(), j.lateral());
            }
            default -> p;
        };
    }

    private static PlanNode same(PlanNode input, PlanNode rewritten, PlanNode node,
                                 java.util.function.Function<PlanNode, PlanNode> copy) {
        return rewritten == input ? node : copy.apply(rewritten);
    }

    private Optional<ColumnarNode> columnar(PlanNode p, ExecContext context, boolean force, long minPages) {
        if (!(p instanceof AggregateNode || p instanceof SortNode || p instanceof LimitNode || p instanceof ProjectNode
                || p instanceof FilterNode || (force && (p instanceof SeqScanNode || p instanceof NestedLoopJoinNode)))) {
            return Optional.empty();
        }
        if (!force && !scanHeavy(p)) {
            return Optional.empty();
        }
        Optional<PlanTranslator.Translation> t = PlanTranslator.translate(p, TableScanSlot::new);
        if (t.isEmpty() || t.get().scans().isEmpty()) {
            return Optional.empty();
        }
        long pages = 0;
        for (SeqScanNode scan : t.get().scans()) {
            pages += context.tables().heap(scan.table()).blockCount();
        }
        if (pages < minPages) {
            return Optional.empty();
        }
        for (SeqScanNode scan : t.get().scans()) {
            Compute c = compute.get();
            if (c != null && c.tables() == context.tables().catalog()) {
                service.refresher().register(c, scan.table());
            }
        }
        Supplier<List<String>> explain = () -> {
            List<String> lines = new ArrayList<>();
            for (SeqScanNode scan : t.get().scans()) {
                lines.add(describe(scan, context));
            }
            lines.add("Vectorized: " + shape(t.get().plan()));
            return lines;
        };
        return Optional.of(new ColumnarNode(p, new ColumnarQuery(service, p, t.get().plan(), explain)));
    }

    /** An aggregate or a sort (top-N) somewhere in the subtree: the queries that scan much and return little. */
    private static boolean scanHeavy(PlanNode p) {
        return switch (p) {
            case AggregateNode a -> true;
            case SortNode s -> true;
            case LimitNode l -> scanHeavy(l.input());
            case ProjectNode x -> scanHeavy(x.input());
            case FilterNode f -> scanHeavy(f.input());
            default -> false;
        };
    }

    private String describe(SeqScanNode scan, ExecContext context) {
        HeapRelation heap = context.tables().heap(scan.table());
        TableKey key = AnalyticsService.key(heap.context(), scan.table());
        Lsn latest = AnalyticsService.latestLsn(heap.context());
        int pages = heap.blockCount();
        Optional<Manifest> m = service.snapshotAsOf(key, latest);
        String what = m.map(s -> "snapshot LSN " + s.lsn() + ", "
                        + (service.changedPagesSince(key, s.lsn(), latest, pages) + Math.max(0, pages - s.pageCount()))
                        + " fresh pages")
                .orElse("no snapshot yet, " + pages + " fresh pages");
        return "Columnar Scan on " + scan.table().name() + "  (lakepg analytics: " + what + ")";
    }

    private static String shape(org.lakepg.analytics.plan.PlanNode p) {
        return switch (p) {
            case org.lakepg.analytics.plan.PlanNode.Scan s -> "Scan(" + s.columns().size() + " columns"
                    + (s.pushdown().isEmpty() ? "" : ", " + s.pushdown().size() + " pushed-down predicates") + ")";
            case org.lakepg.analytics.plan.PlanNode.Filter f -> "Filter <- " + shape(f.input());
            case org.lakepg.analytics.plan.PlanNode.Project x -> "Project <- " + shape(x.input());
            case org.lakepg.analytics.plan.PlanNode.Aggregate a -> (a.groupBy().isEmpty() ? "Aggregate" : "HashAggregate")
                    + " <- " + shape(a.input());
            case org.lakepg.analytics.plan.PlanNode.Sort s -> (s.limit().isPresent() ? "Top-N Sort" : "Sort") + " <- "
                    + shape(s.input());
            case org.lakepg.analytics.plan.PlanNode.Limit l -> "Limit <- " + shape(l.input());
            case org.lakepg.analytics.plan.PlanNode.HashJoin j -> "HashJoin(" + shape(j.left()) + ", "
                    + shape(j.right()) + ")";
        };
    }
}
