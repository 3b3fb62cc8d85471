package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PlanNodes;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Estimated rows and costs of plan nodes, following PostgreSQL's costsize.c: pages read at
 * seq_page_cost / random_page_cost, cpu_tuple_cost per row handled, cpu_operator_cost per operator
 * evaluated, cpu_index_tuple_cost per index entry. Estimates order alternative plans; they do not
 * predict times.
 */
public final class CostModel {
    private static final double DEFAULT_FUNCTION_ROWS = 1000;
    private static final double HASH_BUCKETS_MIN = 1.0 / 1024;

    private final PlannerContext context;
    private final CostSettings settings;
    private final Map<PlanNode, PlanEstimate> estimates = new IdentityHashMap<>();
    /** The inner sides that a semi join's unique-ification made (create_unique_path), see {@link #uniquifiedSemiSide}. */
    private final java.util.Set<PlanNode> semiSides = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The semi join sides that take part in a join search, see {@link #searchedSemiSide}. */
    private final java.util.Set<PlanNode> searchedSemiSides =
            java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    public CostModel(PlannerContext context) {
        this.context = context;
        this.settings = CostSettings.of(context::setting);
    }

    /**
     * Marks {@code unique} as a semi join's inner side made unique: joined as the inner side, its join keeps the semi
     * join's estimates (PostgreSQL computes a JOIN_UNIQUE_INNER path's factors under the semi join's own sjinfo).
     */
    void uniquifiedSemiSide(PlanNode unique) {
        semiSides.add(unique);
    }

    /**
     * Marks {@code side} as a semi join's right side made unique (or unique already) that takes part in the join
     * search: an inner join of it with other items keeps the semi join's rows, the matched rows of the other side
     * (PostgreSQL sizes such a join relation under the semi join's sjinfo), priced as a plain inner join.
     */
    void searchedSemiSide(PlanNode side) {
        searchedSemiSides.add(side);
    }

    /** {@code plain} with the rows of a semi join when one side of the inner join is a searched semi side. */
    private PlanEstimate searchedSemiSideRows(NestedLoopJoinNode j, PlanEstimate plain) {
        if (searchedSemiSides.isEmpty() || j.kind() != NestedLoopJoinNode.Kind.INNER) {
            return plain;
        }
        PlanNode right = j.hashed() ? ((HashLookupNode) j.right()).input() : j.right();
        boolean sideRight = searchedSemiSides.contains(right);
        if (!sideRight && !searchedSemiSides.contains(j.left())) {
            return plain;
        }
        List<ColumnEstimate> sideColumns = new ArrayList<>();
        List<ColumnEstimate> otherColumns = new ArrayList<>();
        int leftWidth = j.left().width();
        if (j.hashed()) {
            HashLookupNode h = (HashLookupNode) j.right();
            for (int k = 0; k < h.keyColumns().size(); k++) {
                ColumnEstimate probe = unwrap(j.lateral().get(k).value()) instanceof InputRef in
                        ? column(j.left(), in.index()) : null;
                ColumnEstimate key = column(h.input(), h.keyColumns().get(k));
                sideColumns.add(sideRight ? key : probe);
                otherColumns.add(sideRight ? probe : key);
            }
        } else if (j.condition() != null) {
            for (BoundExpr c : Conjuncts.conjuncts(j.condition())) {
                if (c instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=")
                        && f.arguments().size() == 2 && unwrap(f.arguments().get(0)) instanceof InputRef a
                        && unwrap(f.arguments().get(1)) instanceof InputRef b
                        && a.index() < leftWidth != b.index() < leftWidth) {
                    ColumnEstimate l = column(j.left(), Math.min(a.index(), b.index()));
                    ColumnEstimate r = column(j.right(), Math.max(a.index(), b.index()) - leftWidth);
                    sideColumns.add(sideRight ? r : l);
                    otherColumns.add(sideRight ? l : r);
                }
            }
        }
        if (sideColumns.isEmpty()) {
            return plain;
        }
        PlanEstimate side = estimate(sideRight ? right : j.left());
        PlanEstimate other = estimate(sideRight ? j.left() : right);
        SemiFactors f = semiFactors(otherColumns, sideColumns, side.rows());
        return new PlanEstimate(plain.startup(), plain.total(), semiRows(NestedLoopJoinNode.Kind.SEMI, other, f),
                plain.width());
    }

    public CostSettings settings() {
        return settings;
    }

    /** The planner's view of the catalog these estimates read. */
    PlannerContext context() {
        return context;
    }

    /** An enable_* switch CostSettings does not carry (enable_memoize). */
    boolean enabled(String name) {
        return CostSettings.flag(context::setting, name);
    }

    public PlanEstimate estimate(PlanNode p) {
        PlanEstimate known = estimates.get(p);
        if (known == null) {
            known = compute(p);
            estimates.put(p, known);
        }
        return known;
    }

    private PlanEstimate compute(PlanNode p) {
        double cpuOp = settings.cpuOperatorCost();
        double cpuTuple = settings.cpuTupleCost();
        return switch (p) {
            case ResultNode r -> new PlanEstimate(0, 0.01, 1, 0);
            case ValuesNode v -> new PlanEstimate(0, 0.0125 * v.rows().size(), v.rows().size(),
                    v.rows().isEmpty() ? 0 : v.rows().get(0).stream().mapToInt(this::width).sum());
            case SeqScanNode s -> seqScan(s.table());
            case IndexScanNode s when !s.probe() -> conditionScan(s);
            case IndexScanNode s -> indexScan(s.table(), s.index(), equalitySelectivity(s.table(), s.index()));
            case FilterNode f -> filter(f);
            case ProjectNode x -> {
                PlanEstimate in = estimate(x.input());
                yield new PlanEstimate(in.startup(), in.total(), in.rows(),
                        x.expressions().stream().mapToInt(this::width).sum());
            }
            case HashLookupNode h -> {
                PlanEstimate in = estimate(h.input());
                yield new PlanEstimate(in.total(), in.total(), in.rows(), in.width()); // built before the first probe
            }
            case org.lakepg.server.sql.plan.LockRowsNode l -> estimate(l.input());
            // an ordered scan needs no sorting (the Sort is neither shown nor run)
            case SortNode s when org.lakepg.server.sql.plan.PresortedInputs.presorted(s) -> estimate(s.input());
            case SortNode s -> sort(estimate(s.input()));
            case org.lakepg.server.sql.plan.MergeAppendNode m -> mergeAppend(m);
            case LimitNode l -> limit(l);
            case AggregateNode a -> aggregate(a);
            // cost_unique: a comparison per key and row over the sorted input
            case DistinctNode d when d.input() instanceof SortNode -> {
                PlanEstimate in = estimate(d.input());
                double groups = groups(d.input(), d.keys().stream().map(k -> (BoundExpr) new InputRef(k.column(), 0, -1, null))
                        .toList(), in.rows());
                yield new PlanEstimate(in.startup(), in.total() + cpuOp * d.keys().size() * in.rows(), groups, in.width());
            }
            case DistinctNode d -> {
                PlanEstimate in = estimate(d.input());
                double groups = groups(d.input(), d.keys().stream().map(k -> (BoundExpr) new InputRef(k.column(), 0, -1, null))
                        .toList(), in.rows());
                double startup = in.total() + cpuOp * d.keys().size() * in.rows();
                yield new PlanEstimate(startup, startup + cpuTuple * groups, groups, in.width());
            }
            case NestedLoopJoinNode j -> searchedSemiSideRows(j, join(j));
            case org.lakepg.server.sql.plan.MergeJoinNode m -> mergeJoin(m);
            case FunctionScanNode f -> new PlanEstimate(0, cpuOp * DEFAULT_FUNCTION_ROWS * f.functions().size()
                    + cpuTuple * DEFAULT_FUNCTION_ROWS, DEFAULT_FUNCTION_ROWS, 4 * Math.max(1, f.width()));
            // cost_ctescan: a tuple cost for the tuplestore and one for the scan, per row
            case CteScanNode c -> {
                PlanEstimate in = estimate(c.cte());
                yield new PlanEstimate(0, 2 * cpuTuple * in.rows(), in.rows(), in.width());
            }
            // cost_ctescan over set_worktable_pathlist's guess: ten times the non-recursive term's rows
            case org.lakepg.server.sql.plan.WorkTableScanNode w -> {
                PlanEstimate start = w.nonRecursive() == null ? new PlanEstimate(0, 0, 1, 4 * w.width())
                        : estimate(w.nonRecursive());
                double rows = PlanEstimate.clampRows(10 * start.rows());
                yield new PlanEstimate(0, 2 * cpuTuple * rows, rows, start.width());
            }
            // cost_recursive_union: the recursive term is guessed to run ten times
            case org.lakepg.server.sql.plan.RecursiveUnionNode r -> {
                PlanEstimate start = estimate(r.nonRecursive());
                PlanEstimate step = estimate(r.recursive());
                double rows = start.rows() + 10 * step.rows();
                double total = start.total() + 10 * step.total() + cpuTuple * rows;
                yield new PlanEstimate(start.startup(), total, rows, Math.max(start.width(), step.width()));
            }
            case AppendNode a -> {
                double startup = 0, total = 0, rows = 0;
                int width = 0;
                for (PlanNode in : a.inputs()) {
                    PlanEstimate e = estimate(in);
                    startup = startup == 0 ? e.startup() : startup;
                    total += e.total();
                    rows += e.rows();
                    width = Math.max(width, e.width());
                }
                // cost_append: not free, half a cpu_tuple_cost per row (APPEND_CPU_COST_MULTIPLIER)
                yield new PlanEstimate(startup, total + cpuTuple * 0.5 * rows, rows, width);
            }
            case SetOpNode s -> {
                PlanEstimate l = estimate(s.left());
                PlanEstimate r = estimate(s.right());
                double rows = s.kind() == SetOpNode.Kind.UNION ? l.rows() + r.rows() : l.rows();
                double startup = l.total() + r.total() + cpuOp * s.width() * (l.rows() + r.rows());
                yield new PlanEstimate(startup, startup + cpuTuple * rows, rows, Math.max(l.width(), r.width()));
            }
            case org.lakepg.server.sql.plan.ProjectSetNode x -> {
                PlanEstimate in = estimate(x.input());
                double rows = PlanEstimate.clampRows(in.rows() * SetReturningRows.perInputRow(x.calls()));
                yield new PlanEstimate(in.startup(), in.total() + cpuTuple * rows, rows, 4 * x.width());
            }
            // setrefs.c removes a trivial Subquery Scan; a kept one adds little, so it is priced as its subquery
            case org.lakepg.server.sql.plan.SubqueryScanNode q -> estimate(q.input());
            case WindowAggNode w -> {
                PlanEstimate in = estimate(w.input());
                PlanEstimate sorted = w.sortKeys().isEmpty() ? in : sort(in);
                yield new PlanEstimate(sorted.startup(), sorted.total() + cpuOp * in.rows(), in.rows(), in.width() + 8);
            }
            default -> {
                double startup = 0, total = 0, rows = 1;
                boolean first = true;
                for (PlanNode c : PlanNodes.children(p)) {
                    PlanEstimate e = estimate(c);
                    if (first) {
                        startup = e.startup();
                        rows = e.rows();
                        first = false;
                    }
                    total += e.total();
                }
                yield new PlanEstimate(startup, total + cpuTuple * rows, rows, 4 * p.width());
            }
        };
    }

    // ---- scans ----

    public TableSize size(TableInfo table) {
        return TableSize.estimate(context.currentPages(table), context.measured(table), tupleWidth(table, null));
    }

    private PlanEstimate seqScan(TableInfo table) {
        TableSize size = size(table);
        double total = settings.seqPageCost() * size.pages() + settings.cpuTupleCost() * size.tuples();
        double disabled = settings.seqScan() ? 0 : CostSettings.DISABLE_COST;
        return new PlanEstimate(disabled, disabled + total, size.tuples(), tupleWidth(table, context.measured(table)));
    }

    /** The fraction of the table one value of the index's first column matches. */
    private double equalitySelectivity(TableInfo table, IndexInfo index) {
        int column = index.columns().isEmpty() ? -1 : index.columns().get(0) - 1;
        ColumnEstimate c = tableColumn(table, column);
        if (c == null) {
            return Selectivity.DEFAULT_EQ_SEL;
        }
        return c.unique() ? 1.0 / Math.max(1, c.tableRows()) : (1.0 - c.nullFrac()) / c.distinct();
    }

    /** One probe of a btree index (PostgreSQL's btcostestimate and cost_index, without correlation). */
    public PlanEstimate indexScan(TableInfo table, IndexInfo index, double selectivity) {
        return indexScan(table, index, selectivity, 1);
    }

    /**
     * One of {@code loops} probes of a btree index: repeated probes of an inner index scan find many pages
     * already read, so page reads are counted for all the loops together and shared out (cost_index).
     */
    public PlanEstimate indexScan(TableInfo table, IndexInfo index, double selectivity, double loops) {
        return indexScan(table, index, selectivity, loops, 0, 1);
    }

    /** With {@code allVisible} of the heap pages not read (index-only) and {@code quals} index conditions per entry. */
    private PlanEstimate indexScan(TableInfo table, IndexInfo index, double selectivity, double loops,
                                   double allVisible, int quals) {
        return indexScan(table, index, selectivity, selectivity, loops, allVisible, quals, 1);
    }

    /**
     * With the entries read from the index taken as {@code indexSelectivity} of the table (btcostestimate: only the
     * conditions that bound the scan's range choose the entries; the others are checked on each of them), descending
     * the tree {@code arrayScans} times (genericcostestimate's num_sa_scans: once per element of = ANY arrays).
     */
    private PlanEstimate indexScan(TableInfo table, IndexInfo index, double selectivity, double indexSelectivity,
                                   double loops, double allVisible, int quals, double arrayScans) {
        TableSize size = size(table);
        double tuples = Math.max(1, size.tuples());
        double indexPages = Math.max(1, context.indexPages(index));
        double fetched = PlanEstimate.clampRows(selectivity * tuples);
        double entries = PlanEstimate.clampRows(Math.max(selectivity, indexSelectivity) * tuples);
        double cpuOp = settings.cpuOperatorCost();
        loops = Math.max(1, loops);
        int height = indexPages <= 1 ? 0 : (int) Math.ceil(Math.log(indexPages) / Math.log(256));
        double startup = Math.ceil(Math.log(tuples) / Math.log(2)) * cpuOp + (height + 1) * 50 * cpuOp;
        // genericcostestimate: the leaf pages one scan reads; repeated scans share them (index_pages_fetched of
        // all the scans' pages together, shared out)
        double scanLeafPages = indexPages > 1 && tuples > 1 ? Math.ceil(entries / arrayScans * indexPages / tuples) : 1;
        double leafPages = loops > 1 || arrayScans > 1
                ? pagesFetched(scanLeafPages * loops * arrayScans, indexPages) / loops : scanLeafPages;
        double indexCost = settings.randomPageCost() * leafPages
                + (settings.cpuIndexTupleCost() + cpuOp * quals) * entries + (arrayScans - 1) * startup;
        double pages = Math.max(1, size.pages());
        double heapPages = loops > 1 ? Math.ceil(pagesFetched(fetched * loops, pages) * (1 - allVisible)) / loops
                : Math.ceil(pagesFetched(fetched, pages) * (1 - allVisible));
        double maxIo = settings.randomPageCost() * heapPages;
        // rows in index order lie on neighbouring pages as far as the column's order follows the table's:
        // cost_index interpolates between random reads and a sequential run by the correlation squared
        double correlation = indexCorrelation(table, index);
        double ioCost = maxIo;
        if (correlation != 0) {
            double runPages = Math.ceil(selectivity * pages * (1 - allVisible));
            double minIo = loops > 1 ? settings.randomPageCost() * pagesFetched(runPages * loops, pages) / loops
                    : runPages <= 0 ? 0 : settings.randomPageCost() + (runPages - 1) * settings.seqPageCost();
            ioCost = maxIo + correlation * correlation * (minIo - maxIo);
        }
        double heapCost = ioCost + settings.cpuTupleCost() * fetched;
        double disabled = settings.indexScan() ? 0 : CostSettings.DISABLE_COST;
        return new PlanEstimate(disabled + startup, disabled + startup + indexCost + heapCost, fetched,
                tupleWidth(table, context.measured(table)));
    }

    /**
     * An index scan under index conditions (the whole index without any): the conditions' selectivity over the
     * table decides the entries and rows read. An index-only scan reads only the heap pages not known all-visible
     * (cost_index); lakepg has no visibility map and counts a table's pages as of its last VACUUM/ANALYZE as
     * all-visible, as a freshly vacuumed table's are in PostgreSQL.
     */
    private PlanEstimate conditionScan(IndexScanNode s) {
        if (s.or() != null) {
            return bitmapOrScan(s);
        }
        List<BoundExpr> quals = withPredicate(s);
        double selectivity = quals.isEmpty() ? 1.0
                : Selectivity.ofOneTable(i -> tableColumn(s.table(), i)).of(Conjuncts.and(quals));
        if (s.bitmap()) {
            return bitmapScan(s, selectivity);
        }
        List<BoundExpr> bounding = withPredicate(s, boundaryConditions(s));
        double indexSelectivity = bounding.isEmpty() ? 1.0
                : Selectivity.ofOneTable(i -> tableColumn(s.table(), i)).of(Conjuncts.and(bounding));
        PlanEstimate e = indexScan(s.table(), s.index(), selectivity, indexSelectivity, 1,
                s.indexOnly() ? allVisibleFraction(s.table()) : 0, s.conditions().size(), arrayScans(s.conditions()));
        double disabled = s.indexOnly() && !settings.indexOnlyScan() ? CostSettings.DISABLE_COST : 0;
        return new PlanEstimate(e.startup() + disabled, e.total() + disabled, e.rows(), e.width());
    }

    /**
     * The scan's index conditions with a partial index's predicate terms that they do not repeat, unless they imply the
     * predicate: its entries are only the rows the predicate keeps (genericcostestimate's add_predicate_to_index_quals).
     */
    private static List<BoundExpr> withPredicate(IndexScanNode s) {
        return withPredicate(s, s.conditions());
    }

    private static List<BoundExpr> withPredicate(IndexScanNode s, List<BoundExpr> conditions) {
        // a predicate the conditions already imply selects nothing more (add_predicate_to_index_quals)
        if (!s.index().partial() || IndexMatching.predicateImplied(s.table(), s.index(), conditions)) {
            return conditions;
        }
        BoundExpr predicate;
        try {
            predicate = org.lakepg.server.index.IndexExpressions.of(s.index(), s.table()).predicate();
        } catch (RuntimeException e) {
            return s.conditions(); // a predicate lakepg cannot bind on its own
        }
        List<BoundExpr> quals = new ArrayList<>(conditions);
        if (predicate != null) {
            Conjuncts.conjuncts(predicate).stream().filter(t -> !conditions.contains(t)).forEach(quals::add);
        }
        return quals;
    }

    /** The times an index scan descends the tree: the product of its = ANY arrays' lengths (estimate_array_length). */
    private static double arrayScans(List<BoundExpr> conditions) {
        double scans = 1;
        for (BoundExpr c : conditions) {
            if (c instanceof org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr x && x.any()) {
                double length = switch (x.array()) {
                    case org.lakepg.server.sql.plan.expr.Const k when k.value() instanceof org.lakepg.wire.types.PgArray a
                            -> a.elements().length;
                    case org.lakepg.server.sql.plan.expr.Const k when k.value() instanceof Object[] a -> a.length;
                    case org.lakepg.server.sql.plan.expr.ArrayExpr a -> a.elements().size();
                    default -> 10;
                };
                scans *= Math.max(1, length);
            }
        }
        return scans;
    }

    /**
     * The index conditions that bound the range a B-tree scan reads (btcostestimate's indexBoundQuals): those on the
     * leading key columns held equal (or NULL), then those on the next column; the rest are checked entry by entry.
     */
    private static List<BoundExpr> boundaryConditions(IndexScanNode s) {
        if (!IndexInfo.BTREE.equals(s.index().method())) {
            return s.conditions();
        }
        List<BoundExpr> bounding = new ArrayList<>();
        for (int position = 0; ; position++) {
            boolean any = false;
            boolean equal = false;
            for (BoundExpr c : s.conditions()) {
                var condition = org.lakepg.server.index.IndexCondition.of(c, s.index(), s.table());
                if (condition.isEmpty()) {
                    return s.conditions(); // a condition of another form: counted as PostgreSQL's own estimate would
                }
                if (condition.get().position() == position) {
                    bounding.add(c);
                    any = true;
                    var operator = condition.get().operator();
                    equal |= operator == org.lakepg.server.index.IndexCondition.Operator.EQ
                            || operator == org.lakepg.server.index.IndexCondition.Operator.EQ_ANY
                            || operator == org.lakepg.server.index.IndexCondition.Operator.IS_NULL;
                }
            }
            if (!any || !equal) {
                return bounding;
            }
        }
    }

    /**
     * A Bitmap Heap Scan over a Bitmap Index Scan (cost_bitmap_heap_scan): the index part is read first, then each
     * heap page holding a match once, in page order, costed between a random and a sequential read by how much of
     * the table that is.
     */
    private PlanEstimate bitmapScan(IndexScanNode s, double selectivity) {
        return bitmapScan(s, selectivity, -1);
    }

    /**
     * A Bitmap Heap Scan over a BitmapOr (cost_bitmap_or_node): its arms' index costs added up, their selectivities
     * too (at most the whole table).
     */
    private PlanEstimate bitmapOrScan(IndexScanNode s) {
        double indexCost = 0;
        double selectivity = 0;
        for (IndexScanNode arm : s.or().arms()) {
            PlanEstimate e = estimate(arm);
            indexCost += e.startup();
            selectivity += e.rows() / Math.max(1, size(arm.table()).tuples());
        }
        return bitmapScan(s, Math.min(1, selectivity), indexCost);
    }

    /** {@link #bitmapScan(IndexScanNode, double)} with the index part's cost given ({@code indexCost} >= 0). */
    private PlanEstimate bitmapScan(IndexScanNode s, double selectivity, double givenIndexCost) {
        return bitmapScan(s, selectivity, givenIndexCost, 1);
    }

    /**
     * One of {@code loops} runs of a bitmap scan keyed by an outer row: the runs share the index and heap pages they
     * read (index_pages_fetched over all of them, shared out, as compute_bitmap_pages and genericcostestimate do
     * with loop_count).
     */
    private PlanEstimate bitmapScan(IndexScanNode s, double selectivity, double givenIndexCost, double loops) {
        loops = Math.max(1, loops);
        TableSize size = size(s.table());
        double tuples = Math.max(1, size.tuples());
        double pages = Math.max(1, size.pages());
        double fetched = PlanEstimate.clampRows(selectivity * tuples);
        double cpuOp = settings.cpuOperatorCost();
        double indexPages = Math.max(1, context.indexPages(s.index()));
        int height = indexPages <= 1 ? 0 : (int) Math.ceil(Math.log(indexPages) / Math.log(256));
        double descent = Math.ceil(Math.log(tuples) / Math.log(2)) * cpuOp + (height + 1) * 50 * cpuOp;
        int quals = s.conditions().size();
        double indexCost = givenIndexCost >= 0 ? givenIndexCost : s.index().gin() ? GinCosts.indexCost(s, fetched, indexPages, settings)
                : descent + settings.randomPageCost() * leafPages(fetched, indexPages, tuples, loops)
                + (settings.cpuIndexTupleCost() + cpuOp * quals) * fetched + 0.1 * cpuOp * fetched;
        double heapPages = loops > 1 ? Math.min(pages, Math.ceil(pagesFetched(fetched * loops, pages) / loops))
                : pagesFetched(fetched, pages);
        double perPage = heapPages >= 2 ? settings.randomPageCost()
                - (settings.randomPageCost() - settings.seqPageCost()) * Math.sqrt(heapPages / pages)
                : settings.randomPageCost();
        double run = heapPages * perPage + (settings.cpuTupleCost() + cpuOp * quals) * fetched;
        double disabled = settings.bitmapScan() ? 0 : CostSettings.DISABLE_COST;
        return new PlanEstimate(disabled + indexCost, disabled + indexCost + run, fetched,
                tupleWidth(s.table(), context.measured(s.table())));
    }

    /** The index leaf pages one of {@code loops} scans reads ({@code fetched} entries each), shared out. */
    private static double leafPages(double fetched, double indexPages, double tuples, double loops) {
        double scanLeafPages = Math.ceil(fetched * indexPages / tuples);
        return loops > 1 ? pagesFetched(scanLeafPages * loops, indexPages) / loops : scanLeafPages;
    }

    /** The fraction of the table's pages counted all-visible: those its last VACUUM/ANALYZE measured. */
    private double allVisibleFraction(TableInfo table) {
        RelationStatistics measured = context.measured(table);
        double pages = Math.max(1, context.currentPages(table));
        return measured == null ? 0 : Math.min(1, measured.pages() / pages);
    }

    /** ANALYZE's correlation of the index's first column (btcostestimate's indexCorrelation), 0 when unknown. */
    private double indexCorrelation(TableInfo table, IndexInfo index) {
        int column = index.columns().isEmpty() ? -1 : index.columns().get(0) - 1;
        RelationStatistics measured = context.measured(table);
        ColumnStatistics s = measured == null || column < 0 ? null : measured.column(column);
        return s == null || s.correlation() == null ? 0 : s.correlation();
    }

    /** Mackert and Lohman (index_pages_fetched, with a cache that holds the table): pages read fetching N tuples. */
    private static double pagesFetched(double tuples, double pages) {
        double fetched = 2.0 * pages * tuples / (2.0 * pages + tuples);
        return fetched >= pages ? pages : Math.ceil(fetched);
    }

    /** The fraction of {@code input}'s rows a condition over its columns keeps (clause_selectivity, unclamped). */
    double selectivity(PlanNode input, BoundExpr condition) {
        return new Selectivity(i -> column(input, i)).of(condition);
    }

    private PlanEstimate filter(FilterNode f) {
        PlanEstimate in = estimate(f.input());
        double selectivity = (f.input() instanceof SeqScanNode || f.input() instanceof IndexScanNode
                ? Selectivity.ofOneTable(i -> column(f.input(), i)) : new Selectivity(i -> column(f.input(), i)))
                .of(f.condition());
        double base = in.rows();
        if (f.input() instanceof IndexScanNode s && s.probe()) {
            base = size(s.table()).tuples(); // the condition repeats the index's equality: count it once
        }
        double rows = Math.min(in.rows(), base * selectivity);
        double qual = operators(f.condition()) * settings.cpuOperatorCost() * in.rows();
        return new PlanEstimate(in.startup(), in.total() + qual, rows, in.width());
    }

    private PlanEstimate sort(PlanEstimate in) {
        double n = Math.max(2, in.rows());
        double cpuOp = settings.cpuOperatorCost();
        double startup = in.total() + 2 * cpuOp * n * (Math.log(n) / Math.log(2));
        double disabled = settings.sort() ? 0 : CostSettings.DISABLE_COST;
        return new PlanEstimate(disabled + startup, disabled + startup + cpuOp * in.rows(), in.rows(), in.width());
    }

    /**
     * cost_merge_append: the inputs' costs, a heap of the N inputs built (2 * cpu_operator_cost per comparison, N log2 N
     * of them) and kept (log2 N comparisons per row), and half a cpu_tuple_cost per row (APPEND_CPU_COST_MULTIPLIER).
     */
    private PlanEstimate mergeAppend(org.lakepg.server.sql.plan.MergeAppendNode m) {
        double startup = 0, total = 0, rows = 0;
        int width = 0;
        for (PlanNode in : m.inputs()) {
            PlanEstimate e = estimate(in);
            startup += e.startup();
            total += e.total();
            rows += e.rows();
            width = Math.max(width, e.width());
        }
        double n = Math.max(2, m.inputs().size());
        double logN = Math.log(n) / Math.log(2);
        double comparison = 2 * settings.cpuOperatorCost();
        double heap = comparison * n * logN;
        double run = rows * comparison * logN + settings.cpuTupleCost() * 0.5 * rows;
        return new PlanEstimate(heap + startup, heap + run + total, rows, width);
    }

    private PlanEstimate limit(LimitNode l) {
        PlanEstimate in = estimate(l.input());
        double rows = in.rows();
        double offset = constant(l.offset()) instanceof Const c && c.value() instanceof Number n ? n.doubleValue() : 0;
        double startup = in.startup();
        double total = in.total();
        if (offset > 0 && rows > 0) {
            startup += (total - startup) * Math.min(1, offset / rows);
            rows = Math.max(0, rows - offset);
        }
        if (constant(l.count()) instanceof Const c && c.value() instanceof Number n) {
            double count = n.doubleValue();
            if (count < rows && in.rows() > 0) {
                total = startup + (total - in.startup()) * count / in.rows();
                rows = count;
            }
        } else if (l.count() != null && !(l.count() instanceof Const)) {
            rows = rows * 0.1; // LIMIT of an unknown value: PostgreSQL assumes 10%
        }
        return new PlanEstimate(startup, total, rows, in.width());
    }

    private PlanEstimate aggregate(AggregateNode a) {
        PlanEstimate in = estimate(a.input());
        double cpuOp = settings.cpuOperatorCost();
        double cpuTuple = settings.cpuTupleCost();
        double aggCost = cpuOp * Math.max(1, a.aggregates().size()) * in.rows();
        int width = a.groupKeys().stream().mapToInt(this::width).sum() + 8 * a.aggregates().size();
        if (a.groupKeys().isEmpty()) {
            double total = in.total() + aggCost + cpuTuple;
            return new PlanEstimate(total, total, 1, width);
        }
        double groups = groups(a.input(), a.groupKeys(), in.rows());
        // with keys, only the aggregates' transition calls cost per row (none for a plain Group)
        double transitions = cpuOp * a.aggregates().size() * in.rows();
        double comparisons = cpuOp * a.groupKeys().size() * in.rows();
        if (a.sorted()) {
            // cost_agg(AGG_SORTED) / cost_group over the input sorted on the keys: rows stream out as groups end
            PlanEstimate sorted = estimate(new SortNode(new ProjectNode(a.input(), a.groupKeys()), a.keyOrder()));
            double total = sorted.total() + comparisons + transitions
                    + (a.aggregates().isEmpty() ? 0 : cpuTuple * groups);
            return new PlanEstimate(sorted.startup(), total, groups, width);
        }
        double startup = in.total() + comparisons + transitions;
        return new PlanEstimate(startup, startup + cpuTuple * groups, groups, width);
    }

    /** estimate_num_groups: the product of the keys' distinct counts, at most the input's rows. */
    public double groups(PlanNode input, List<BoundExpr> keys, double inputRows) {
        double groups = 1;
        java.util.Set<Object> counted = new java.util.HashSet<>();
        for (BoundExpr k : keys) {
            BoundExpr computed = unwrap(k) instanceof InputRef in ? computed(input, in.index()) : k;
            Object key = computed != null ? unwrap(computed) : ((InputRef) unwrap(k)).index();
            if (!counted.add(key)) {
                continue; // a value grouped on twice counts once (add_unique_group_var)
            }
            if (computed != null && Conjuncts.refs(computed).isEmpty()) {
                // a key of no column: a constant, one group, unless it calls something volatile, each input row
                // a group of its own
                if (ExprRewriter.any(computed, x -> x instanceof FuncExpr f && f.volatility() == 'v')) {
                    return PlanEstimate.clampRows(Math.max(1, inputRows));
                }
                continue;
            }
            ColumnEstimate c = unwrap(k) instanceof InputRef in ? column(input, in.index()) : null;
            groups *= c == null ? 200 : c.distinct() + (c.nullFrac() > 0 ? 1 : 0);
        }
        return PlanEstimate.clampRows(Math.min(groups, Math.max(1, inputRows)));
    }

    /**
     * fix_alternative_subplan: whether a correlated EXISTS's hashed form costs no more than its probes over
     * {@code calls} evaluations, each priced as cost_subplan does (a probe reads until its first row and pays its
     * startup each time; the hashed form runs once, a cpu_operator_cost per row loaded, then one per comparison).
     */
    public boolean hashedAlternativeCheaper(org.lakepg.server.sql.plan.expr.SubqueryExpr exists, double calls) {
        PlanEstimate probe = estimate(exists.plan());
        double perProbe = (probe.total() - probe.startup()) / PlanEstimate.clampRows(probe.rows()) + probe.startup();
        PlanEstimate rows = estimate(exists.hashedAlternative());
        double cpuOp = settings.cpuOperatorCost();
        double hashedStartup = rows.total() + cpuOp * rows.rows();
        double perLookup = cpuOp * exists.hashedAlternative().width();
        return hashedStartup + calls * perLookup <= calls * perProbe;
    }

    /** The expression a projection below the (sorted) input computes as its output column, or null. */
    private static BoundExpr computed(PlanNode input, int index) {
        PlanNode p = input instanceof SortNode s ? s.input() : input;
        return p instanceof ProjectNode x && index < x.expressions().size() ? x.expressions().get(index) : null;
    }

    // ---- joins ----

    private PlanEstimate join(NestedLoopJoinNode j) {
        PlanEstimate outer = estimate(j.left());
        if (j.hashed()) {
            HashLookupNode h = (HashLookupNode) j.right();
            PlanEstimate inner = estimate(h.input());
            List<ColumnEstimate> probeColumns = new ArrayList<>();
            List<ColumnEstimate> keyColumns = new ArrayList<>();
            double selectivity = 1;
            double bucket = 1;
            for (int k = 0; k < h.keyColumns().size(); k++) {
                BoundExpr probe = j.lateral().get(k).value();
                ColumnEstimate probeColumn = unwrap(probe) instanceof InputRef in ? column(j.left(), in.index()) : null;
                ColumnEstimate keyColumn = column(h.input(), h.keyColumns().get(k));
                probeColumns.add(probeColumn);
                keyColumns.add(keyColumn);
                selectivity *= equiJoinSelectivity(probeColumn, keyColumn);
                // the most selective clause decides (final_cost_hashjoin)
                bucket = Math.min(bucket, bucketFraction(keyColumn, keptFraction(h.input(), h.keyColumns().get(k),
                        keyColumn)));
            }
            int clauses = h.keyColumns().size();
            if (j.kind().leftOnly()) {
                SemiFactors f = semiFactors(probeColumns, keyColumns, inner.rows());
                return semiHashJoin(j.kind(), outer, inner, bucket, clauses, f, j.condition());
            }
            double joinSelectivity = selectivity * otherSelectivity(j);
            double rows = outer.rows() * inner.rows() * joinSelectivity;
            if (semiSides.contains(h.input()) && j.kind() == NestedLoopJoinNode.Kind.INNER) {
                SemiFactors f = semiFactors(probeColumns, keyColumns, inner.rows());
                return firstMatchHashJoin(outer, inner, bucket, clauses, f, false, j.condition(),
                        semiRows(NestedLoopJoinNode.Kind.SEMI, outer, f), outer.width() + inner.width());
            }
            if (innerUnique(j)) {
                return outerJoinRows(j.kind(), firstMatchHashJoin(outer, inner, bucket, clauses,
                        uniqueFactors(joinSelectivity, inner), false, j.condition(), rows,
                        outer.width() + inner.width()), outer, inner);
            }
            return outerJoinRows(j.kind(), hashJoin(outer, inner, bucket, clauses, rows, j.condition()), outer, inner);
        }
        PlanEstimate inner = loopInner(j);
        if (j.kind().leftOnly()) {
            return semiNestLoop(j, outer, inner,
                    !j.lateral().isEmpty() && ParameterizedInner.indexScan(j.right()) != null);
        }
        if (!j.lateral().isEmpty()) {
            double rows = outer.rows() * inner.rows() * otherSelectivity(j);
            double startup = outer.startup() + inner.startup();
            // the keyed inner side runs once per outer row, at least once (PostgreSQL's relation rows are clamped)
            double innerRuns = PlanEstimate.clampRows(outer.rows()) * inner.total();
            if (ParameterizedInner.indexScan(j.right()) != null) {
                // a Memoize above the index scan when the outer key repeats (get_memoize_path's competing path)
                double memoized = Memoization.memoizedRuns(j, this);
                innerRuns = Double.isNaN(memoized) ? innerRuns : Math.min(innerRuns, memoized);
            }
            double total = outer.total() + innerRuns + settings.cpuTupleCost() * rows;
            return outerJoinRows(j.kind(), disabled(settings.nestLoop(), new PlanEstimate(startup, total, rows,
                    outer.width() + inner.width())), outer, inner);
        }
        double selectivity = joinSelectivity(j);
        double rows = outer.rows() * inner.rows() * selectivity;
        boolean materialized = Materialization.chosen(j, outer, inner, settings);
        if (semiSides.contains(j.right()) && j.kind() == NestedLoopJoinNode.Kind.INNER) {
            ColumnEstimate[] pair = equalityColumns(j);
            SemiFactors f = semiFactors(pair[0], pair[1], inner.rows());
            return firstMatchNestLoop(j, outer, inner, false, materialized, f,
                    semiRows(NestedLoopJoinNode.Kind.SEMI, outer, f), outer.width() + inner.width());
        }
        if (innerUnique(j)) {
            return outerJoinRows(j.kind(), firstMatchNestLoop(j, outer, inner, false, materialized,
                    uniqueFactors(selectivity, inner), rows, outer.width() + inner.width()), outer, inner);
        }
        return outerJoinRows(j.kind(), nestLoop(outer, inner, rows, j.condition(), materialized), outer, inner);
    }

    /**
     * Whether at most one inner row matches each outer row (innerrel_is_unique), so that the executor stops at the
     * first match: inner, left and full joins only (a semi or anti join stops there anyway).
     */
    private boolean innerUnique(NestedLoopJoinNode j) {
        return switch (j.kind()) {
            case INNER, LEFT, FULL -> InnerUnique.of(j, context::indexes);
            case RIGHT, SEMI, ANTI -> false;
        };
    }

    /**
     * compute_semi_anti_join_factors of a join whose inner side is unique: PostgreSQL 15 estimates its clauses with
     * the join's own (inner or outer) selectivity, so the matched fraction is the join selectivity and one outer row
     * is taken to meet all the inner rows.
     */
    private static SemiFactors uniqueFactors(double joinSelectivity, PlanEstimate inner) {
        return new SemiFactors(Math.max(0, Math.min(1, joinSelectivity)), Math.max(1, inner.rows()));
    }

    /**
     * One run of a nested loop's inner side: an index scan keyed by the outer row is cheaper than a lone one, as the
     * loops share the index and heap pages they read (cost_index with loop_count = outer rows).
     */
    public PlanEstimate loopInner(NestedLoopJoinNode j) {
        PlanEstimate inner = estimate(j.right());
        IndexScanNode scan = j.lateral().isEmpty() ? null : ParameterizedInner.indexScan(j.right());
        IndexScanNode bitmap = j.lateral().isEmpty() ? null : ParameterizedIndexScans.bitmapScan(j.right());
        if (bitmap != null) {
            double selectivity = Selectivity.ofOneTable(i -> tableColumn(bitmap.table(), i)).of(Conjuncts.and(bitmap.conditions()));
            PlanEstimate once = bitmapScan(bitmap, selectivity, -1, loopCount(j));
            double filterCost = j.right() instanceof FilterNode f
                    ? operators(f.condition()) * settings.cpuOperatorCost() * once.rows() : 0;
            return new PlanEstimate(once.startup(), once.total() + filterCost, inner.rows(), inner.width());
        }
        if (scan == null) {
            return inner;
        }
        double loops = loopCount(j);
        PlanEstimate once;
        if (scan.probe()) {
            once = indexScan(scan.table(), scan.index(), equalitySelectivity(scan.table(), scan.index()), loops);
        } else {
            double selectivity = Selectivity.ofOneTable(i -> tableColumn(scan.table(), i)).of(Conjuncts.and(scan.conditions()));
            once = indexScan(scan.table(), scan.index(), selectivity, loops,
                    scan.indexOnly() ? allVisibleFraction(scan.table()) : 0, scan.conditions().size());
        }
        double filterCost = j.right() instanceof FilterNode f
                ? operators(f.condition()) * settings.cpuOperatorCost() * once.rows() : 0;
        return new PlanEstimate(once.startup(), once.total() + filterCost, inner.rows(), inner.width());
    }

    private static boolean materializes(PlanNode inner) {
        // a projection of the scan is the scan's own target list in PostgreSQL
        PlanNode p = inner instanceof ProjectNode x ? x.input() : inner;
        return p instanceof SeqScanNode || p instanceof FilterNode f && f.input() instanceof SeqScanNode;
    }

    private static PlanEstimate outerJoinRows(NestedLoopJoinNode.Kind kind, PlanEstimate e, PlanEstimate outer,
                                              PlanEstimate inner) {
        double rows = switch (kind) {
            case INNER -> e.rows();
            case LEFT -> Math.max(e.rows(), outer.rows());
            case RIGHT -> Math.max(e.rows(), inner.rows());
            case FULL -> Math.max(e.rows(), outer.rows() + inner.rows());
            case SEMI, ANTI -> e.rows();
        };
        return new PlanEstimate(e.startup(), e.total(), rows, e.width());
    }

    /**
     * compute_semi_anti_join_factors: the fraction of outer rows that find a match (eqjoinsel_semi without MCV
     * lists) and how many inner rows one matched outer row meets on average.
     */
    record SemiFactors(double outerMatchFraction, double matchCount) {}

    SemiFactors semiFactors(ColumnEstimate outerColumn, ColumnEstimate innerColumn, double innerRows) {
        return semiFactors(java.util.Arrays.asList(outerColumn), java.util.Arrays.asList(innerColumn), innerRows);
    }

    /** The factors of a join on several equalities: the matched fractions multiply, as the selectivities do. */
    SemiFactors semiFactors(List<ColumnEstimate> outerColumns, List<ColumnEstimate> innerColumns, double innerRows) {
        double fraction = 1;
        double inner = 1;
        for (int k = 0; k < outerColumns.size(); k++) {
            double selectivity = equiJoinSelectivity(outerColumns.get(k), innerColumns.get(k));
            // a semi join keeps no more rows than the inner join would (eqjoinsel's clamp Ssemi <= N2 * Sinner)
            fraction *= Math.min(matchedFraction(outerColumns.get(k), innerColumns.get(k), innerRows),
                    Math.max(1, innerRows) * selectivity);
            inner *= selectivity;
        }
        double matches = fraction > 0 ? Math.max(1, inner * innerRows / fraction) : 1;
        return new SemiFactors(fraction, matches);
    }

    /** eqjoinsel_semi without MCV lists: the fraction of outer rows whose value the inner rows hold. */
    private static double matchedFraction(ColumnEstimate outerColumn, ColumnEstimate innerColumn, double innerRows) {
        double nullFrac = outerColumn == null ? 0 : outerColumn.nullFrac();
        double fraction;
        boolean guessed = outerColumn == null || innerColumn == null || outerColumn.distinctIsDefault()
                || innerColumn.distinctIsDefault();
        if (guessed) {
            fraction = 0.5 * (1 - nullFrac);
        } else {
            double nd1 = outerColumn.distinct();
            double nd2 = Math.min(innerColumn.distinct(), Math.max(1, innerRows));
            fraction = nd1 <= nd2 ? 1 - nullFrac : nd2 / nd1 * (1 - nullFrac);
        }
        return Math.max(0, Math.min(1, fraction));
    }

    /** The rows a semi join keeps (the matched outer rows) or an anti join (the others). */
    private static double semiRows(NestedLoopJoinNode.Kind kind, PlanEstimate outer, SemiFactors f) {
        double matched = outer.rows() * f.outerMatchFraction();
        return PlanEstimate.clampRows(kind == NestedLoopJoinNode.Kind.ANTI ? outer.rows() - matched : matched);
    }

    /** final_cost_hashjoin of a semi or anti join: a matched outer row stops at its first match. */
    private PlanEstimate semiHashJoin(NestedLoopJoinNode.Kind kind, PlanEstimate outer, PlanEstimate inner,
                                      double bucket, int clauses, SemiFactors f, BoundExpr otherConditions) {
        return firstMatchHashJoin(outer, inner, bucket, clauses, f, kind == NestedLoopJoinNode.Kind.ANTI,
                otherConditions, semiRows(kind, outer, f), outer.width());
    }

    /**
     * final_cost_hashjoin when an outer row stops at its first match (a semi or anti join, or a unique inner side):
     * {@code rows} and {@code width} are the join's output; an anti join emits the unmatched rows.
     */
    private PlanEstimate firstMatchHashJoin(PlanEstimate outer, PlanEstimate inner, double bucket, int clauses,
                                            SemiFactors f, boolean anti, BoundExpr otherConditions, double rows,
                                            int width) {
        double hashQuals = settings.cpuOperatorCost() * clauses;
        double cpuTuple = settings.cpuTupleCost();
        double startup = outer.startup() + inner.total() + (hashQuals + cpuTuple) * inner.rows();
        double run = outer.total() - outer.startup() + hashQuals * outer.rows();
        double matched = Math.rint(outer.rows() * f.outerMatchFraction());
        double scanFraction = 2.0 / (f.matchCount() + 1.0);
        double buckets = Math.max(1024, Integer.highestOneBit((int) Math.min(1 << 30, Math.max(1, inner.rows()))) * 2.0);
        run += hashQuals * matched * PlanEstimate.clampRows(inner.rows() * bucket * scanFraction) * 0.5;
        run += hashQuals * (outer.rows() - matched) * PlanEstimate.clampRows(inner.rows() / buckets) * 0.05;
        double tuples = anti ? outer.rows() - matched : matched;
        run += (cpuTuple + operators(otherConditions) * settings.cpuOperatorCost()) * tuples;
        return disabled(settings.hashJoin(), new PlanEstimate(startup, startup + run, rows, width));
    }

    /**
     * final_cost_nestloop of a semi or anti join: matched outer rows scan the inner side only until their first
     * match; an index probe finds the matches (or their absence) at once.
     */
    private PlanEstimate semiNestLoop(NestedLoopJoinNode j, PlanEstimate outer, PlanEstimate inner, boolean indexed) {
        ColumnEstimate[] pair = equalityColumns(j);
        SemiFactors f = semiFactors(pair[0], pair[1], inner.rows());
        double rows = semiRows(j.kind(), outer, f);
        boolean materialized = !indexed && materialCheaper(j, outer, inner, f, rows);
        return firstMatchNestLoop(j, outer, inner, indexed, materialized, f, rows, outer.width());
    }

    /** Whether a nested loop reads its inner side through a Materialize, as {@link #estimate} costs it. */
    public boolean innerMaterialized(NestedLoopJoinNode j) {
        if (j.hashed()) {
            return false;
        }
        if (!j.kind().leftOnly() || !j.lateral().isEmpty() || !materializes(j.right())) {
            return Materialization.chosen(j, estimate(j.left()), estimate(j.right()), settings);
        }
        PlanEstimate outer = estimate(j.left());
        PlanEstimate inner = loopInner(j);
        ColumnEstimate[] pair = equalityColumns(j);
        SemiFactors f = semiFactors(pair[0], pair[1], inner.rows());
        return materialCheaper(j, outer, inner, f, semiRows(j.kind(), outer, f));
    }

    /**
     * match_unsorted_outer offers a semi or anti join over the inner path and over a material path of it and keeps
     * the cheaper: an outer row that stops at its first match may read so little of the inner side that
     * materializing all of it costs more than scanning it again.
     */
    private boolean materialCheaper(NestedLoopJoinNode j, PlanEstimate outer, PlanEstimate inner, SemiFactors f,
                                    double rows) {
        if (!j.lateral().isEmpty() || !materializes(j.right()) || !settings.material()) {
            return false;
        }
        return firstMatchNestLoop(j, outer, inner, false, true, f, rows, outer.width()).total()
                < firstMatchNestLoop(j, outer, inner, false, false, f, rows, outer.width()).total();
    }

    /**
     * final_cost_nestloop when an outer row stops at its first match (a semi or anti join, or a unique inner side);
     * {@code rows} and {@code width} are the join's output.
     */
    private PlanEstimate firstMatchNestLoop(NestedLoopJoinNode j, PlanEstimate outer, PlanEstimate inner,
                                            boolean indexed, boolean materialized, SemiFactors f, double rows,
                                            int width) {
        double cpuOp = settings.cpuOperatorCost();
        double innerRun = inner.total() - inner.startup();
        double rescanRun = innerRun;
        double firstRun = innerRun;
        if (materialized) {
            firstRun = innerRun + 2 * cpuOp * inner.rows();
            rescanRun = cpuOp * inner.rows();
        }
        double matched = Math.rint(outer.rows() * f.outerMatchFraction());
        double unmatched = outer.rows() - matched;
        double scanFraction = 2.0 / (f.matchCount() + 1.0);
        double innerRows = Math.max(1, inner.rows());
        double tuples = matched * innerRows * scanFraction;
        double startup = outer.startup() + inner.startup();
        double run = outer.total() - outer.startup() + Math.max(0, outer.rows() - 1) * inner.startup();
        if (indexed) {
            run += innerRun * scanFraction + Math.max(0, matched - 1) * rescanRun * scanFraction
                    + unmatched * rescanRun / innerRows;
        } else {
            tuples += unmatched * innerRows;
            run += firstRun;
            if (unmatched >= 1) {
                unmatched -= 1;
            } else {
                matched -= 1;
            }
            run += Math.max(0, matched) * rescanRun * scanFraction + Math.max(0, unmatched) * rescanRun;
        }
        run += (settings.cpuTupleCost() + operators(j.condition()) * cpuOp) * tuples;
        return disabled(settings.nestLoop(), new PlanEstimate(startup, startup + run, rows, width));
    }

    /** The columns of the first {@code outer column = inner column} equality of a join (or an index probe's). */
    private ColumnEstimate[] equalityColumns(NestedLoopJoinNode j) {
        int leftWidth = j.left().width();
        IndexScanNode probe = j.right() instanceof IndexScanNode s ? s
                : j.right() instanceof FilterNode f && f.input() instanceof IndexScanNode s ? s : null;
        if (probe != null && !j.lateral().isEmpty()
                && unwrap(j.lateral().get(0).value()) instanceof InputRef outerRef) {
            return new ColumnEstimate[] {column(j.left(), outerRef.index()),
                tableColumn(probe.table(), probe.index().columns().get(0) - 1)};
        }
        IndexScanNode parameterized = j.lateral().isEmpty() ? null : ParameterizedIndexScans.scan(j.right());
        if (parameterized != null && unwrap(j.lateral().get(0).value()) instanceof InputRef outerRef) {
            return new ColumnEstimate[] {column(j.left(), outerRef.index()),
                tableColumn(parameterized.table(), parameterized.index().columns().get(0) - 1)};
        }
        if (j.condition() != null) {
            for (BoundExpr c : Conjuncts.conjuncts(j.condition())) {
                if (c instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=")
                        && f.arguments().size() == 2 && unwrap(f.arguments().get(0)) instanceof InputRef a
                        && unwrap(f.arguments().get(1)) instanceof InputRef b
                        && a.index() < leftWidth != b.index() < leftWidth) {
                    InputRef o = a.index() < leftWidth ? a : b;
                    InputRef i = a.index() < leftWidth ? b : a;
                    return new ColumnEstimate[] {column(j.left(), o.index()), column(j.right(), i.index() - leftWidth)};
                }
            }
            for (BoundExpr c : Conjuncts.conjuncts(j.condition())) {
                ColumnEstimate[] pair = expressionEquality(j, c);
                if (pair != null) {
                    return pair;
                }
            }
        }
        return new ColumnEstimate[] {null, null};
    }

    /**
     * The two sides of {@code outer expression = inner expression} where one side is not a plain column: each side
     * is estimated as examine_variable does an expression of one relation without statistics.
     */
    private ColumnEstimate[] expressionEquality(NestedLoopJoinNode j, BoundExpr c) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2) {
            return null;
        }
        int leftWidth = j.left().width();
        java.util.BitSet a = Conjuncts.refs(f.arguments().get(0));
        java.util.BitSet b = Conjuncts.refs(f.arguments().get(1));
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        boolean aOuter = a.previousSetBit(a.length()) < leftWidth;
        boolean bOuter = b.previousSetBit(b.length()) < leftWidth;
        boolean aInner = a.nextSetBit(0) >= leftWidth;
        boolean bInner = b.nextSetBit(0) >= leftWidth;
        if (!(aOuter && bInner) && !(bOuter && aInner)) {
            return null;
        }
        BoundExpr outerSide = aOuter ? f.arguments().get(0) : f.arguments().get(1);
        BoundExpr innerSide = aOuter ? f.arguments().get(1) : f.arguments().get(0);
        return new ColumnEstimate[] {sideColumn(j.left(), outerSide),
            sideColumn(j.right(), Conjuncts.shift(innerSide, -leftWidth))};
    }

    /** A join side's value: its column, or an expression of the one table the side scans (else unknown). */
    private ColumnEstimate sideColumn(PlanNode side, BoundExpr e) {
        if (unwrap(e) instanceof InputRef in) {
            return column(side, in.index());
        }
        PlanNode scan = side instanceof FilterNode f ? f.input() : side;
        TableInfo table = scan instanceof SeqScanNode s ? s.table() : scan instanceof IndexScanNode s ? s.table() : null;
        return table == null ? null : ColumnEstimate.ofExpression(size(table).tuples(), e.type());
    }

    /** final_cost_mergejoin: both sorted inputs read once, inner rows re-read for each duplicate outer key. */
    private PlanEstimate mergeJoin(org.lakepg.server.sql.plan.MergeJoinNode m) {
        PlanEstimate outer = estimate(m.left());
        PlanEstimate inner = estimate(m.right());
        double selectivity = mergeKeySelectivity(m);
        int leftWidth = m.left().width();
        double other = m.condition() == null ? 1.0 : new Selectivity(i -> i < leftWidth ? column(m.left(), i)
                : column(m.right(), i - leftWidth)).of(m.condition());
        double rows = PlanEstimate.clampRows(outer.rows() * inner.rows() * selectivity * other);
        double matched = PlanEstimate.clampRows(outer.rows() * inner.rows() * selectivity);
        double cpuOp = settings.cpuOperatorCost();
        double rescanRatio = rescanRatio(m, matched, inner);
        double innerRun = materializesInner(m, inner, rescanRatio) ? materialInner(inner, rescanRatio)
                : (inner.total() - inner.startup()) * rescanRatio;
        double mergeQuals = cpuOp * m.leftKeys().size();
        double startup = outer.startup() + inner.startup();
        double run = outer.total() - outer.startup() + innerRun
                + mergeQuals * (outer.rows() + inner.rows() * rescanRatio)
                + (settings.cpuTupleCost() + operators(m.condition()) * cpuOp) * matched;
        PlanEstimate e = disabled(settings.mergeJoin(), new PlanEstimate(startup, startup + run, rows,
                outer.width() + inner.width()));
        return outerJoinRows(m.kind(), e, outer, inner);
    }

    /** The selectivity of a merge join's key equalities, each estimated as an equi-join. */
    private double mergeKeySelectivity(org.lakepg.server.sql.plan.MergeJoinNode m) {
        double selectivity = 1;
        for (int i = 0; i < m.leftKeys().size(); i++) {
            selectivity *= equiJoinSelectivity(column(m.left(), m.leftKeys().get(i).column()),
                    column(m.right(), m.rightKeys().get(i).column()));
        }
        return selectivity;
    }

    /**
     * How many times over the merge reads its inner rows: once, plus the rows it goes back to for each outer row that
     * repeats a key (none when the inner side is unique on every condition: skip_mark_restore).
     */
    private double rescanRatio(org.lakepg.server.sql.plan.MergeJoinNode m, double matched, PlanEstimate inner) {
        boolean skipMarkRestore = m.condition() == null && m.kind() != NestedLoopJoinNode.Kind.RIGHT
                && InnerUnique.of(m, context::indexes);
        double innerRows = Math.max(1, inner.rows());
        return skipMarkRestore ? 1.0 : 1.0 + Math.max(0, matched - innerRows) / innerRows;
    }

    /** The inner side's run read through a Materialize: once, then each re-read row from memory (final_cost_mergejoin). */
    private double materialInner(PlanEstimate inner, double rescanRatio) {
        return inner.total() - inner.startup() + settings.cpuOperatorCost() * Math.max(1, inner.rows()) * rescanRatio;
    }

    private boolean materializesInner(org.lakepg.server.sql.plan.MergeJoinNode m, PlanEstimate inner, double rescanRatio) {
        return rescanRatio > 1.0 && settings.material()
                && materialInner(inner, rescanRatio) < (inner.total() - inner.startup()) * rescanRatio;
    }

    /**
     * Whether a merge join reads its inner side through a Materialize (final_cost_mergejoin's materialize_inner): when
     * re-reading the rows that duplicate outer keys come back to costs more from the inner plan than from memory.
     */
    public boolean materializesInner(org.lakepg.server.sql.plan.MergeJoinNode m) {
        PlanEstimate outer = estimate(m.left());
        PlanEstimate inner = estimate(m.right());
        double selectivity = mergeKeySelectivity(m);
        double matched = PlanEstimate.clampRows(outer.rows() * inner.rows() * selectivity);
        return materializesInner(m, inner, rescanRatio(m, matched, inner));
    }

    /**
     * final_cost_hashjoin: build a hash table of the inner rows, probe it with each outer row; every hash clause is
     * computed for each row on both sides and compared for each bucket entry a probe meets.
     */
    public PlanEstimate hashJoin(PlanEstimate outer, PlanEstimate inner, double bucket, int clauses, double rows,
                                 BoundExpr otherConditions) {
        double cpuOp = settings.cpuOperatorCost();
        double cpuTuple = settings.cpuTupleCost();
        double hashQuals = cpuOp * clauses;
        double startup = outer.startup() + inner.total() + (hashQuals + cpuTuple) * inner.rows();
        double run = outer.total() - outer.startup() + hashQuals * outer.rows();
        run += hashQuals * outer.rows() * PlanEstimate.clampRows(inner.rows() * bucket) * 0.5;
        run += (cpuTuple + operators(otherConditions) * cpuOp) * rows;
        return disabled(settings.hashJoin(), new PlanEstimate(startup, startup + run, rows,
                outer.width() + inner.width()));
    }

    /**
     * estimate_hash_bucket_stats: the fraction of the inner rows one probe meets; a key whose distinct count is a
     * guess is assumed to put a tenth of the rows in one bucket, and a skewed key's commonest value weighs in. The
     * distinct values shrink with the rows its relation's conditions keep ({@code kept}, assumed uniform).
     */
    private static double bucketFraction(ColumnEstimate key, double kept) {
        if (key == null || key.distinctIsDefault()) {
            return 0.1;
        }
        double distinct = key.distinct();
        double fraction = Math.max(HASH_BUCKETS_MIN, 1.0 / PlanEstimate.clampRows(distinct * kept));
        ColumnStatistics s = key.statistics();
        if (s != null && !s.mcvFrequencies().isEmpty()) {
            double average = (1.0 - s.nullFrac()) / distinct;
            double top = s.mcvFrequencies().get(0);
            if (average > 0 && top > average) {
                fraction *= top / average;
            }
        }
        return Math.max(1.0e-6, Math.min(1.0, fraction));
    }

    /**
     * The fraction of its table's rows that the relation providing {@code column} of {@code p} keeps (its scan's
     * conditions), as estimate_hash_bucket_stats scales the distinct values by rel->rows / rel->tuples; 1 when unknown.
     */
    private double keptFraction(PlanNode p, int column, ColumnEstimate key) {
        double rows = relationRows(p, column);
        if (key == null || Double.isNaN(rows) || key.tableRows() <= 0) {
            return 1;
        }
        return Math.min(1, rows / key.tableRows());
    }

    /**
     * get_loop_count: how often the inner scan of {@code j}, keyed by its outer row, is expected to run - the fewest
     * rows among the relations its parameters come from, each counted as a base relation under its own conditions
     * (not the outer side's joined rows); the outer side's rows when no such relation is found.
     */
    double loopCount(NestedLoopJoinNode j) {
        double fewest = Double.NaN;
        for (org.lakepg.server.sql.plan.expr.Correlation c : j.lateral()) {
            java.util.BitSet read = Conjuncts.refs(c.value());
            for (int i = read.nextSetBit(0); i >= 0; i = read.nextSetBit(i + 1)) {
                double rows = baseRelationRows(j.left(), i);
                if (!Double.isNaN(rows) && (Double.isNaN(fewest) || rows < fewest)) {
                    fewest = rows;
                }
            }
        }
        return Double.isNaN(fewest) ? estimate(j.left()).rows() : PlanEstimate.clampRows(fewest);
    }

    /**
     * {@link #relationRows} where a scan keyed by an enclosing loop counts as its relation unparameterized (its
     * table's rows under its filter), as PostgreSQL's rel->rows of a base relation.
     */
    private double baseRelationRows(PlanNode p, int column) {
        IndexScanNode keyed = ParameterizedInner.indexScan(p) != null ? ParameterizedInner.indexScan(p)
                : ParameterizedIndexScans.bitmapScan(p);
        if (keyed != null) {
            double rows = size(keyed.table()).tuples();
            return p instanceof FilterNode f ? rows * new Selectivity(i -> column(keyed, i)).of(f.condition()) : rows;
        }
        return switch (p) {
            case FilterNode f when !(f.input() instanceof SeqScanNode || f.input() instanceof IndexScanNode) ->
                    baseRelationRows(f.input(), column);
            case SortNode s -> baseRelationRows(s.input(), column);
            case HashLookupNode h -> baseRelationRows(h.input(), column);
            case ProjectNode x -> column < x.expressions().size()
                    && unwrap(x.expressions().get(column)) instanceof InputRef in ? baseRelationRows(x.input(), in.index())
                    : Double.NaN;
            case NestedLoopJoinNode j -> column < j.left().width() ? baseRelationRows(j.left(), column)
                    : baseRelationRows(j.right(), column - j.left().width());
            case org.lakepg.server.sql.plan.MergeJoinNode j -> column < j.left().width()
                    ? baseRelationRows(j.left(), column) : baseRelationRows(j.right(), column - j.left().width());
            default -> relationRows(p, column);
        };
    }

    /** The estimated rows of the scan (with its conditions) that provides {@code column} of {@code p}; NaN if none. */
    private double relationRows(PlanNode p, int column) {
        return switch (p) {
            case SeqScanNode s -> estimate(s).rows();
            case IndexScanNode s -> estimate(s).rows();
            case FilterNode f when f.input() instanceof SeqScanNode || f.input() instanceof IndexScanNode ->
                    estimate(f).rows();
            case FilterNode f -> relationRows(f.input(), column);
            case SortNode s -> relationRows(s.input(), column);
            case HashLookupNode h -> relationRows(h.input(), column);
            case ProjectNode x -> column < x.expressions().size()
                    && unwrap(x.expressions().get(column)) instanceof InputRef in ? relationRows(x.input(), in.index())
                    : Double.NaN;
            case NestedLoopJoinNode j -> column < j.left().width() ? relationRows(j.left(), column)
                    : relationRows(j.right(), column - j.left().width());
            case org.lakepg.server.sql.plan.MergeJoinNode j -> column < j.left().width() ? relationRows(j.left(), column)
                    : relationRows(j.right(), column - j.left().width());
            default -> Double.NaN;
        };
    }

    /** final_cost_nestloop: the inner side rescanned for every outer row (from memory when materialized). */
    public PlanEstimate nestLoop(PlanEstimate outer, PlanEstimate inner, double rows, BoundExpr conditions,
                                 boolean materialized) {
        double cpuOp = settings.cpuOperatorCost();
        double innerRun = inner.total() - inner.startup();
        double rescan = innerRun;
        double first = innerRun;
        if (materialized && settings.material()) {
            first = innerRun + 2 * cpuOp * inner.rows();
            rescan = cpuOp * inner.rows();
        }
        double startup = outer.startup() + inner.startup();
        double run = outer.total() - outer.startup() + first + Math.max(0, outer.rows() - 1) * rescan;
        run += (settings.cpuTupleCost() + operators(conditions) * cpuOp) * outer.rows() * inner.rows();
        return disabled(settings.nestLoop(), new PlanEstimate(startup, startup + run, rows,
                outer.width() + inner.width()));
    }

    /** An index nested loop: the inner side is one index probe per outer row. */
    public PlanEstimate indexNestLoop(PlanEstimate outer, PlanEstimate probe, double rows) {
        double startup = outer.startup() + probe.startup();
        double total = outer.total() + outer.rows() * probe.total() + settings.cpuTupleCost() * rows;
        return disabled(settings.nestLoop(), new PlanEstimate(startup, total, rows, outer.width() + probe.width()));
    }

    private static PlanEstimate disabled(boolean enabled, PlanEstimate e) {
        return enabled ? e : new PlanEstimate(e.startup() + CostSettings.DISABLE_COST,
                e.total() + CostSettings.DISABLE_COST, e.rows(), e.width());
    }

    /** eqjoinsel without MCV matching: 1 / the larger number of distinct values, less the NULLs. */
    public static double equiJoinSelectivity(ColumnEstimate a, ColumnEstimate b) {
        if (a == null && b == null) {
            return Selectivity.DEFAULT_EQ_SEL;
        }
        double da = a == null ? 200 : a.distinct();
        double db = b == null ? 200 : b.distinct();
        double nulls = (1 - (a == null ? 0 : a.nullFrac())) * (1 - (b == null ? 0 : b.nullFrac()));
        return nulls / Math.max(da, db);
    }

    private double joinSelectivity(NestedLoopJoinNode j) {
        int leftWidth = j.left().width();
        return new Selectivity(i -> i < leftWidth ? column(j.left(), i) : column(j.right(), i - leftWidth))
                .of(j.condition());
    }

    private double otherSelectivity(NestedLoopJoinNode j) {
        return j.condition() == null ? 1.0 : joinSelectivity(j);
    }

    // ---- columns ----

    /** The table column behind a node's output column, or null when it is computed. */
    public ColumnEstimate column(PlanNode p, int index) {
        return switch (p) {
            case SeqScanNode s -> tableColumn(s.table(), index);
            case IndexScanNode s -> tableColumn(s.table(), index);
            case FilterNode f -> column(f.input(), index);
            case SortNode s -> column(s.input(), index);
            case LimitNode l -> column(l.input(), index);
            case HashLookupNode h -> column(h.input(), index);
            case DistinctNode d -> column(d.input(), index);
            case org.lakepg.server.sql.plan.LockRowsNode l -> column(l.input(), index);
            case CteScanNode c -> column(c.cte(), index);
            case NestedLoopJoinNode j -> index < j.left().width() ? column(j.left(), index)
                    : column(j.right(), index - j.left().width());
            case org.lakepg.server.sql.plan.MergeJoinNode j -> index < j.left().width() ? column(j.left(), index)
                    : column(j.right(), index - j.left().width());
            case ProjectNode x -> index < x.expressions().size() && unwrap(x.expressions().get(index)) instanceof InputRef in
                    ? column(x.input(), in.index()) : null;
            case AggregateNode a -> index < a.groupKeys().size() && unwrap(a.groupKeys().get(index)) instanceof InputRef in
                    ? column(a.input(), in.index()) : null;
            default -> null;
        };
    }

    private ColumnEstimate tableColumn(TableInfo table, int index) {
        if (index < 0 || index >= table.columns().size()) {
            return null;
        }
        RelationStatistics measured = context.measured(table);
        ColumnStatistics stats = measured == null ? null : measured.column(index);
        short attnum = (short) (index + 1);
        boolean unique = context.indexes(table).stream().anyMatch(i -> i.unique() && i.columns().size() == 1
                && i.columns().get(0) == attnum && i.predicate() == null);
        return new ColumnEstimate(stats, size(table).tuples(), unique, table.columns().get(index).type());
    }

    private int tupleWidth(TableInfo table, RelationStatistics measured) {
        int width = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnInfo c = table.columns().get(i);
            ColumnStatistics s = measured == null ? null : measured.column(i);
            int typeWidth = TypeWidths.of(c.type(), c.typmod());
            width += s != null && TypeWidths.variable(c.type()) ? s.avgWidth() : typeWidth;
        }
        return width;
    }

    private int width(BoundExpr e) {
        return TypeWidths.of(e.type(), e.typmod());
    }

    /** The number of operators and functions a condition evaluates per row (its cpu_operator_cost multiple). */
    static int operators(BoundExpr e) {
        if (e == null) {
            return 0;
        }
        int[] count = {0};
        ExprRewriter.any(e, x -> {
            if (x instanceof FuncExpr f && f.form() != FuncExpr.Form.CAST || x instanceof ScalarArrayOpExpr) {
                count[0]++;
            }
            return false;
        });
        return count[0];
    }

    /** A constant under casts (LIMIT 10 is an int4 constant cast to int8). */
    private static BoundExpr constant(BoundExpr e) {
        if (e instanceof FuncExpr f && f.form() == FuncExpr.Form.CAST && f.arguments().size() >= 1
                && f.arguments().get(0) instanceof Const c && c.value() instanceof Number n) {
            return new Const(f.type(), -1, n);
        }
        return unwrap(e);
    }

}
