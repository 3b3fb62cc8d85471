package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's Memoize above the LATERAL side of a nested loop: the side's rows are remembered by the outer values
 * it reads (the cache key, compared by their binary image), so an outer row whose values were seen before reuses
 * them instead of running the side again. Worth it by cost_memoize_rescan when the outer key has measured distinct
 * values fewer than the outer rows; only a side whose rows follow from the key alone (nothing volatile, no other
 * outer value, no writes) can be remembered.
 */
public final class Memoization {
    private Memoization() {}

    /** Whether the join's LATERAL side may be remembered by its parameters: its rows depend on nothing else. */
    public static boolean cacheable(NestedLoopJoinNode j) {
        if (j.lateral().isEmpty() || j.right() instanceof HashLookupNode) {
            return false;
        }
        Set<Integer> own = new java.util.HashSet<>();
        j.lateral().forEach(c -> own.add(c.id()));
        return !PlanExpressions.any(j.right(), e -> org.lakepg.server.sql.analyzer.ExprRewriter.any(e, x ->
                x instanceof OuterParam p && !own.contains(p.id()) || x instanceof FuncExpr f && f.volatility() == 'v'
                || x instanceof SubqueryExpr q && q.correlated()));
    }

    /**
     * How a Memoize compares cache keys: a LATERAL side's values by their binary image, an index scan's parameters by
     * the join's equality operators (paraminfo_get_equal_hashops' binary_mode).
     */
    public enum CacheMode { BINARY, LOGICAL }

    /** The cache mode of a Memoize above the join's inner side. */
    public static CacheMode mode(NestedLoopJoinNode j) {
        return lateralSide(j.right()) ? CacheMode.BINARY : CacheMode.LOGICAL;
    }

    /**
     * Whether the planner puts a Memoize above the join's inner side (cost_memoize_rescan's hit ratio): a LATERAL
     * side, or an index scan under conditions on the outer row.
     */
    public static boolean chosen(NestedLoopJoinNode j, CostModel costs) {
        double memoized = memoizedRuns(j, costs);
        return !Double.isNaN(memoized)
                && memoized < costs.estimate(j.left()).rows() * inner(j, costs).total();
    }

    /**
     * The cost of all the inner side's runs with a Memoize above it (the first run, then cost_memoize_rescan per
     * further outer row), or NaN when get_memoize_path would place none.
     */
    static double memoizedRuns(NestedLoopJoinNode j, CostModel costs) {
        boolean indexed = indexed(j);
        if (!costs.enabled("enable_memoize") || !(lateralSide(j.right()) || indexed) || !cacheable(j)) {
            return Double.NaN;
        }
        if (indexed && (j.kind().leftOnly() || uniqueScan(ParameterizedInner.indexScan(j.right())) && j.condition() != null)) {
            // a semi/anti loop stops at the first match, and so does one into a unique scan: an entry is complete only
            // when the index conditions are the whole join condition
            return Double.NaN;
        }
        double calls = costs.estimate(j.left()).rows();
        if (calls < 2) {
            return Double.NaN; // the first scan always misses: one outer row has nothing to reuse (get_memoize_path)
        }
        // estimate_num_groups: the keys of one relation vary together, limited by the rows its filters leave
        Map<PlanNode, double[]> relations = new IdentityHashMap<>();
        for (Correlation c : j.lateral()) {
            if (!(unwrap(c.value()) instanceof InputRef in)) {
                return Double.NaN;
            }
            PlanNode relation = relation(j.left(), in.index());
            if (relation instanceof ValuesNode v) {
                // a VALUES list counts its lists as its tuples, each a distinct value below the default guess
                if (v.rows().size() >= DEFAULT_NUM_DISTINCT) {
                    return Double.NaN;
                }
                relations.computeIfAbsent(relation, r -> new double[] {v.rows().size()});
                continue;
            }
            ColumnEstimate column = costs.column(j.left(), in.index());
            if (column == null || column.distinctIsDefault() && column.tableRows() >= DEFAULT_NUM_DISTINCT
                    || relation == null) {
                // an unknown number of distinct keys: PostgreSQL assumes no repeats (a table of fewer rows than the
                // default guess has at most one distinct value a row, get_variable_numdistinct)
                return Double.NaN;
            }
            double[] distinct = relations.computeIfAbsent(relation, r -> new double[] {1});
            distinct[0] = Math.min(distinct[0] * (column.distinct() + (column.nullFrac() > 0 ? 1 : 0)),
                    Math.max(1, column.tableRows()));
        }
        double distinct = 1;
        for (var e : relations.entrySet()) {
            double reldistinct = e.getValue()[0];
            // a scan keyed by an outer row returns that row's matches: the relation's rows are its whole table's
            boolean keyed = ParameterizedInner.indexScan(e.getKey()) != null
                    || ParameterizedIndexScans.bitmapScan(e.getKey()) != null;
            double rows = keyed && costs.column(e.getKey(), 0) != null
                    ? costs.column(e.getKey(), 0).tableRows() : costs.estimate(e.getKey()).rows();
            double tuples = Math.max(rows, costs.column(e.getKey(), 0) == null ? rows
                    : costs.column(e.getKey(), 0).tableRows());
            if (rows < tuples && tuples > 0) {
                reldistinct *= 1 - Math.pow((tuples - rows) / tuples, tuples / reldistinct);
            }
            distinct *= PlanEstimate.clampRows(reldistinct);
        }
        distinct = Math.min(distinct, calls);
        PlanEstimate inner = inner(j, costs);
        CostSettings s = costs.settings();
        // cost_memoize_rescan: a hit skips the side; every call pays a lookup, every entry its storing and eviction
        double entryBytes = inner.rows() * (align(inner.width()) + align(HEAP_TUPLE_HEADER)) + ENTRY_OVERHEAD
                + TUPLE_OVERHEAD * inner.rows();
        double entries = Math.max(1, Math.floor(HASH_MEM_BYTES / entryBytes));
        double evictRatio = 1 - Math.min(entries, distinct) / distinct;
        double hitRatio = Math.max(0, (calls - distinct) / calls * (entries / Math.max(distinct, entries)));
        double rescan = inner.total() * (1 - hitRatio) + s.cpuOperatorCost() + s.cpuTupleCost() * evictRatio
                + s.cpuOperatorCost() / 10 * evictRatio * inner.rows() + s.cpuTupleCost()
                + s.cpuOperatorCost() * inner.rows();
        return inner.total() + s.cpuTupleCost() + (calls - 1) * rescan;
    }

    /** Whether the join's inner side is an index scan keyed by the outer row rather than a LATERAL subquery. */
    private static boolean indexed(NestedLoopJoinNode j) {
        return !lateralSide(j.right()) && ParameterizedInner.indexScan(j.right()) != null;
    }

    /** One run of the inner side as the loop prices it. */
    private static PlanEstimate inner(NestedLoopJoinNode j, CostModel costs) {
        return indexed(j) ? costs.loopInner(j) : costs.estimate(j.right());
    }

    /** Whether the scan's conditions pin every column of a unique index: it finds at most one row. */
    private static boolean uniqueScan(IndexScanNode s) {
        return s.index().unique() && s.index().predicate() == null
                && (s.probe() ? s.index().columns().size() == 1 : s.conditions().size() >= s.index().columns().size());
    }

    private static final double DEFAULT_NUM_DISTINCT = 200;
    /** hash_mem: work_mem (4MB) times hash_mem_multiplier (2), in bytes. */
    private static final double HASH_MEM_BYTES = 8.0 * 1024 * 1024;
    /** A heap tuple's header (SizeofHeapTupleHeader) and a cache entry's and cached tuple's bookkeeping. */
    private static final int HEAP_TUPLE_HEADER = 23;
    private static final double ENTRY_OVERHEAD = 64;
    private static final double TUPLE_OVERHEAD = 16;

    private static double align(int bytes) {
        return (bytes + 7) / 8 * 8;
    }

    /**
     * A LATERAL side PostgreSQL plans as its own relation (a function, a subquery): a table scan keyed by the outer
     * row is lakepg's index probe, which carries no Memoize.
     */
    private static boolean lateralSide(PlanNode right) {
        return switch (right) {
            case FunctionScanNode f -> true;
            case LimitNode l -> true;
            case SubqueryScanNode q -> true;
            case FilterNode f -> lateralSide(f.input());
            case ProjectNode p -> lateralSide(p.input());
            default -> false;
        };
    }

    /**
     * The scan (with the filters above it) of the base relation that outputs column {@code index} of {@code p}: its
     * rows are the relation's rows after its restrictions. Null when the column is computed or comes from elsewhere.
     */
    private static PlanNode relation(PlanNode p, int index) {
        return switch (p) {
            case SeqScanNode s -> s;
            case IndexScanNode s -> s;
            case ValuesNode v -> v;
            case SubqueryScanNode q -> relation(q.input(), index);
            case FilterNode f -> relation(f.input(), index) == f.input() ? f : relation(f.input(), index);
            case SortNode s -> relation(s.input(), index);
            case NestedLoopJoinNode j -> index < j.left().width() ? relation(j.left(), index)
                    : relation(j.right(), index - j.left().width());
            case MergeJoinNode j -> index < j.left().width() ? relation(j.left(), index)
                    : relation(j.right(), index - j.left().width());
            case HashLookupNode h -> relation(h.input(), index);
            case ProjectNode x -> index < x.expressions().size()
                    && unwrap(x.expressions().get(index)) instanceof InputRef in ? relation(x.input(), in.index()) : null;
            default -> null;
        };
    }
}
