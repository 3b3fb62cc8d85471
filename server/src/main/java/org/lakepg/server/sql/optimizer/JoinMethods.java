package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;
import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.table.IndexInfo;

/**
 * Chooses how two inputs are joined, by the cost model: a nested loop, a hash join hashing either
 * side (PostgreSQL hashes the cheaper one, usually the smaller), or a nested loop probing an index
 * of one side's table with the other side's value. A join whose sides were swapped is followed by a
 * projection that puts the columns back in the query's order.
 */
final class JoinMethods {
    private final CostModel costs;
    private final IntSupplier paramIds;
    private final java.util.function.Function<org.lakepg.server.table.TableInfo, List<IndexInfo>> indexes;

    private final java.util.function.LongFunction<java.util.Optional<org.lakepg.server.catalog.ProcEntry>> comparisons;

    JoinMethods(CostModel costs, IntSupplier paramIds,
                java.util.function.Function<org.lakepg.server.table.TableInfo, List<IndexInfo>> indexes,
                java.util.function.LongFunction<java.util.Optional<org.lakepg.server.catalog.ProcEntry>> comparisons) {
        this.costs = costs;
        this.paramIds = paramIds;
        this.indexes = indexes;
        this.comparisons = comparisons;
    }

    /** A new parameter id for a value an enclosing nested loop passes in. */
    int newParamId() {
        return paramIds.getAsInt();
    }

    /** The indexes of a table. */
    List<IndexInfo> indexes(org.lakepg.server.table.TableInfo table) {
        return indexes.apply(table);
    }

    CostModel costs() {
        return costs;
    }

    /** Whether values of the type have a btree order (a merge-joinable equality; equivalence classes need one). */
    boolean sortable(long type) {
        return comparisons.apply(type).isPresent();
    }

    /** One way to join, with its estimate. */
    private record Candidate(PlanNode plan, double total, double startup) {}

    PlanNode choose(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right, List<BoundExpr> conditions,
                    int leftWidth) {
        PlanNode plan = chooseFor(kind, left, right, conditions, leftWidth);
        // a filtered table scan driving the loop may be cheaper as an index scan under its filter (a range such as
        // unique2 < 10); as the probed side it stays a table scan, so that the join's equality can key an index
        PlanNode indexedLeft = cheapestScan(left);
        if (indexedLeft != left) {
            plan = cheaper(plan, chooseFor(kind, indexedLeft, right, conditions, leftWidth));
        }
        // the same for the right side, which the loop may drive when swapped or hash (PostgreSQL gives every
        // relation its cheapest unparameterized path too)
        PlanNode indexedRight = cheapestScan(right);
        if (indexedRight != right) {
            plan = cheaper(plan, chooseFor(kind, left, indexedRight, conditions, leftWidth));
            if (indexedLeft != left) {
                plan = cheaper(plan, chooseFor(kind, indexedLeft, indexedRight, conditions, leftWidth));
            }
        }
        return plan;
    }

    /** A filtered sequential scan's cheapest scan under the same filter, else the input itself. */
    private PlanNode cheapestScan(PlanNode input) {
        if (!(input instanceof FilterNode f) || !(f.input() instanceof SeqScanNode scan)) {
            return input;
        }
        PlanNode chosen = IndexSelection.cheapest(scan, f.condition(), indexes.apply(scan.table()), costs.context());
        if (!(chosen instanceof IndexScanNode s) || s.probe()) {
            return input; // the equality probe is already one of the loop's ways
        }
        BoundExpr rest = IndexSelection.remainingCondition(chosen, f.condition(), false);
        return rest == null ? chosen : new FilterNode(chosen, rest);
    }

    private PlanNode chooseFor(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right, List<BoundExpr> conditions,
                               int leftWidth) {
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, new NestedLoopJoinNode(kind, left, right, and(conditions)));
        int rightWidth = right.width();
        boolean leftFree = PlanExpressions.uncorrelated(left);
        boolean rightFree = PlanExpressions.uncorrelated(right);
        if (kind == NestedLoopJoinNode.Kind.INNER && leftFree && rightFree) {
            // the other side may drive the loop: PostgreSQL puts the side with more rows outside
            add(candidates, restored(new NestedLoopJoinNode(kind, right, left,
                    and(conditions.stream().map(o -> swapSides(o, leftWidth, rightWidth)).toList())), leftWidth, rightWidth));
        }
        // a merge join re-sorts its inputs whenever it is opened, so a recursive term's work table may be one
        PlanNode merged = (leftFree || WorkTableReads.only(left)) && (rightFree || WorkTableReads.only(right))
                && !kind.leftOnly() ? mergeJoin(kind, left, right, conditions, leftWidth) : null;
        if (merged != null) {
            add(candidates, merged);
        }
        if (kind == NestedLoopJoinNode.Kind.FULL && merged != null) {
            // PostgreSQL has no nested loop FULL join (match_unsorted_outer): merge-joinable, it merges or hashes
            candidates.remove(0);
        }
        if (merged != null) {
            orderedMergeJoins(kind, left, right, conditions, leftWidth).forEach(p -> add(candidates, p));
        }
        List<HashClause> clauses = hashClauses(conditions, leftWidth);
        // a right side reading an enclosing loop's parameters (or a work table) is hashed again at every run
        PlanNode direct = clauses.isEmpty() ? null : hashJoin(kind, left, right, clauses, conditions);
        if (direct != null && kind != NestedLoopJoinNode.Kind.RIGHT) {
            add(candidates, direct);
        }
        // the mirror image: the left side hashed, the right side driving (on the equalities of a left column); a LEFT
        // join so becomes a Hash Right Join: PostgreSQL hashes whichever side is cheaper, preserved or not
        List<HashClause> mirrorable = clauses.stream().filter(h -> unwrap(h.probe()) instanceof InputRef column
                && HashLookups.hashable(h.build().type(), column.type())).toList();
        NestedLoopJoinNode.Kind commuted = commuted(kind);
        if (commuted != null && leftFree && (kind == NestedLoopJoinNode.Kind.INNER || rightFree) && !mirrorable.isEmpty()) {
            List<HashClause> mirroredClauses = mirrorable.stream().map(h -> h.mirrored(leftWidth, rightWidth)).toList();
            List<BoundExpr> mirrored = conditions.stream().map(o -> swapSides(o, leftWidth, rightWidth)).toList();
            add(candidates, restored(hashJoin(commuted, right, left, mirroredClauses, mirrored), leftWidth, rightWidth));
        }
        if (direct != null && kind == NestedLoopJoinNode.Kind.RIGHT) {
            add(candidates, direct); // PostgreSQL plans a RIGHT join as the LEFT join of its sides swapped: those first
        }
        if (kind == NestedLoopJoinNode.Kind.RIGHT || kind == NestedLoopJoinNode.Kind.FULL) {
            return cheapest(candidates); // no index nested loop preserves the inner side
        }
        for (HashClause c : clauses) {
            List<BoundExpr> others = new ArrayList<>(conditions);
            others.remove(c.condition());
            if (rightFree) {
                PlanNode indexed = indexLoop(kind, left, right, c.probe(), c.buildColumn(), c.condition(), others);
                if (indexed != null) {
                    add(candidates, indexed);
                }
            }
            // the mirror image: the left side's table probed by the right side's value
            if (kind == NestedLoopJoinNode.Kind.INNER && leftFree && mirrorable.contains(c)) {
                HashClause m = c.mirrored(leftWidth, rightWidth);
                List<BoundExpr> mirrored = others.stream().map(o -> swapSides(o, leftWidth, rightWidth)).toList();
                PlanNode indexed = indexLoop(kind, right, left, m.probe(), m.buildColumn(), m.condition(), mirrored);
                if (indexed != null) {
                    add(candidates, restored(indexed, leftWidth, rightWidth));
                }
            }
        }
        if (rightFree) {
            ParameterizedIndexScans.loops(kind, left, right, conditions, paramIds, indexes).forEach(p -> add(candidates, p));
        }
        if (kind == NestedLoopJoinNode.Kind.INNER && leftFree) {
            List<BoundExpr> mirrored = conditions.stream().map(o -> swapSides(o, leftWidth, rightWidth)).toList();
            ParameterizedIndexScans.loops(kind, right, left, mirrored, paramIds, indexes)
                    .forEach(p -> add(candidates, restored(p, leftWidth, rightWidth)));
        }
        return cheapest(candidates);
    }

    /**
     * create_unique_path for a semi join: its inner side reduced to one row per value of the columns its equalities
     * as written compare (a HashAggregate), then inner-joined to the outer side by the cheapest method, either side outside
     * (JOIN_UNIQUE_INNER and JOIN_UNIQUE_OUTER); the outer side's columns only. Null when a condition is not an
     * equality of an outer and an inner column, or hashing is disabled.
     */
    PlanNode uniquifiedSemiJoin(PlanNode outer, PlanNode inner, List<BoundExpr> conditions, List<BoundExpr> written,
                                int leftWidth) {
        UniqueSide unique = uniqueSide(inner, conditions, written, leftWidth);
        if (unique == null) {
            return null;
        }
        costs.uniquifiedSemiSide(unique.plan());
        PlanNode joined = choose(NestedLoopJoinNode.Kind.INNER, outer, unique.plan(), unique.conditions(), leftWidth);
        List<BoundExpr> outerColumns = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            outerColumns.add(new InputRef(i, 0, -1, null));
        }
        return new ProjectNode(joined, outerColumns);
    }

    /** A semi join's inner side made unique, and the semi join's conditions over the outer row and its row. */
    record UniqueSide(PlanNode plan, List<BoundExpr> conditions) {}

    /**
     * A semi join's inner side made unique on the columns its equalities compare as written (create_unique_path over
     * semi_rhs_exprs: a column compared twice is a key twice): those columns only, one row per value; the semi join's
     * {@code conditions} (its equalities after grouping by equivalence) renumbered to read that row. Null when the
     * written equalities are not all hashable equalities of the outer row and the inner row (columns from
     * {@code leftWidth}), a condition reads an inner column none of them compares, or hashing is disabled.
     */
    UniqueSide uniqueSide(PlanNode inner, List<BoundExpr> conditions, List<BoundExpr> written, int leftWidth) {
        if (!costs.settings().hashAgg() || conditions.isEmpty() || written.isEmpty()
                || !PlanExpressions.uncorrelated(inner)) {
            return null;
        }
        List<Integer> columns = new ArrayList<>();
        List<BoundExpr> projected = new ArrayList<>();
        List<org.lakepg.server.sql.plan.SortKey> keys = new ArrayList<>();
        for (BoundExpr c : written) {
            org.lakepg.server.sql.plan.SortKey[] pair = mergeKeys(c, leftWidth);
            if (pair == null || !(c instanceof FuncExpr f && HashLookups.hashable(f.arguments().get(0).type(),
                    f.arguments().get(1).type()))) {
                return null; // the unique-ified side is hashed
            }
            // mergeKeys found an outer and an inner column under the equality's arguments
            InputRef a = (InputRef) unwrap(f.arguments().get(0));
            InputRef in = a.index() >= leftWidth ? a : (InputRef) unwrap(f.arguments().get(1));
            keys.add(pair[1].withColumn(columns.size()));
            columns.add(pair[1].column());
            projected.add(new InputRef(pair[1].column(), in.type(), in.typmod(), in.name()));
        }
        // the side's row is the compared columns alone (the unique path's target list)
        boolean[] unknown = new boolean[1];
        List<BoundExpr> renumbered = new ArrayList<>();
        for (BoundExpr c : conditions) {
            renumbered.add(ExprRewriter.map(c, e -> {
                if (e instanceof InputRef in && in.index() >= leftWidth) {
                    int k = columns.indexOf(in.index() - leftWidth);
                    if (k < 0) {
                        unknown[0] = true;
                        return e;
                    }
                    return new InputRef(leftWidth + k, in.type(), in.typmod(), in.name());
                }
                return e;
            }));
        }
        if (unknown[0]) {
            return null;
        }
        PlanNode row = new ProjectNode(inner, projected);
        return new UniqueSide(new org.lakepg.server.sql.plan.DistinctNode(row, keys), renumbered);
    }

    /** The cheaper of two ways to the same rows (by total cost; the first on a tie). */
    PlanNode cheaper(PlanNode first, PlanNode second) {
        // plain against indexed scans of the inputs: PostgreSQL picks those per relation, by their own costs
        return costs.estimate(second).total() < costs.estimate(first).total() ? second : first;
    }

    /** The join kind with its sides swapped; null for semi and anti joins, which cannot swap. */
    private static NestedLoopJoinNode.Kind commuted(NestedLoopJoinNode.Kind kind) {
        return switch (kind) {
            case INNER, FULL -> kind;
            case LEFT -> NestedLoopJoinNode.Kind.RIGHT;
            case RIGHT -> NestedLoopJoinNode.Kind.LEFT;
            case SEMI, ANTI -> null;
        };
    }

    /**
     * The path add_path keeps of the candidates, taken in order: a candidate replaces the one kept so far when it
     * beats it on fuzzily compared costs (FuzzyCosts), or on the exact total when they are the same. Sort orders are
     * not compared: a join's order counts only where a merge or ORDER BY above uses it (truncate_useless_pathkeys),
     * which the candidates of one join do not know, and the plain lowest total ignored them before too.
     */
    private static PlanNode cheapest(List<Candidate> candidates) {
        Candidate best = candidates.get(0);
        for (Candidate c : candidates.subList(1, candidates.size())) {
            var cmp = FuzzyCosts.compare(c.startup(), c.total(), best.startup(), best.total());
            if (cmp == FuzzyCosts.Comparison.FIRST_BETTER
                    || cmp == FuzzyCosts.Comparison.EQUAL && c.total() < best.total()) {
                best = c;
            }
        }
        return best.plan();
    }

    /**
     * Both sides sorted on the columns that equalities pair across them (same type, one btree order), then
     * merged; the other conditions are checked on the merged pairs.
     */
    private PlanNode mergeJoin(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right, List<BoundExpr> conditions,
                               int leftWidth) {
        List<BoundExpr> others = new ArrayList<>();
        List<OrderedMergeJoins.Clause> clauses = mergeClauses(conditions, leftWidth, others);
        if (clauses.isEmpty()) {
            return null;
        }
        List<org.lakepg.server.sql.plan.SortKey> leftKeys = clauses.stream().map(OrderedMergeJoins.Clause::left).toList();
        List<org.lakepg.server.sql.plan.SortKey> rightKeys = clauses.stream().map(OrderedMergeJoins.Clause::right)
                .toList();
        return new org.lakepg.server.sql.plan.MergeJoinNode(kind, new org.lakepg.server.sql.plan.SortNode(left, leftKeys),
                new org.lakepg.server.sql.plan.SortNode(right, rightKeys), leftKeys, rightKeys, and(others));
    }

    /** The merge joins over an ordered path of either side (OrderedMergeJoins), merging the clauses it delivers. */
    private List<PlanNode> orderedMergeJoins(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right,
                                             List<BoundExpr> conditions, int leftWidth) {
        List<BoundExpr> others = new ArrayList<>();
        List<OrderedMergeJoins.Clause> clauses = mergeClauses(conditions, leftWidth, others);
        return OrderedMergeJoins.of(kind, left, right, clauses, others, indexes, costs.settings().indexOnlyScan());
    }

    /** The conditions a merge join can merge on, in order; the others go to {@code others}. */
    private List<OrderedMergeJoins.Clause> mergeClauses(List<BoundExpr> conditions, int leftWidth,
                                                        List<BoundExpr> others) {
        List<OrderedMergeJoins.Clause> clauses = new ArrayList<>();
        for (BoundExpr c : conditions) {
            org.lakepg.server.sql.plan.SortKey[] pair = mergeKeys(c, leftWidth);
            if (pair == null) {
                others.add(c);
            } else {
                clauses.add(new OrderedMergeJoins.Clause(c, pair[0], pair[1]));
            }
        }
        return clauses;
    }

    /** {@code left column = right column} of one type with a btree order: the pair of ascending sort keys. */
    private org.lakepg.server.sql.plan.SortKey[] mergeKeys(BoundExpr c, int leftWidth) {
        if (!(c instanceof FuncExpr f) || !isEquality(f) || !(unwrap(f.arguments().get(0)) instanceof InputRef a)
                || !(unwrap(f.arguments().get(1)) instanceof InputRef b) || a.type() != b.type()) {
            return null;
        }
        InputRef l = a.index() < leftWidth ? a : b;
        InputRef r = a.index() < leftWidth ? b : a;
        if (l.index() >= leftWidth || r.index() < leftWidth) {
            return null;
        }
        var compare = comparisons.apply(l.type());
        // record_eq agrees with btrecordcmp (record_ops merges though lakepg does not hash records)
        if (compare.isEmpty() || !HashLookups.hashable(a.type(), b.type())
                && !"btrecordcmp".equals(compare.get().source())) {
            return null;
        }
        long oid = compare.get().oid();
        String source = compare.get().source();
        return new org.lakepg.server.sql.plan.SortKey[] {
            new org.lakepg.server.sql.plan.SortKey(l.index(), oid, source, false, false),
            new org.lakepg.server.sql.plan.SortKey(r.index() - leftWidth, oid, source, false, false)};
    }

    private void add(List<Candidate> out, PlanNode plan) {
        PlanEstimate estimate = costs.estimate(plan);
        out.add(new Candidate(plan, estimate.total(), estimate.startup()));
    }

    /**
     * An equality {@code condition} of the join that a hash table of the inner side answers: the outer side's value
     * {@code probe} (reading outer columns only) against the inner column {@code buildColumn}.
     */
    private record HashClause(BoundExpr condition, BoundExpr probe, int buildColumn, InputRef build) {

        /** The clause with the sides swapped: the probe's column is hashed, the build column probes. */
        HashClause mirrored(int leftWidth, int rightWidth) {
            InputRef column = (InputRef) unwrap(probe);
            return new HashClause(swapSides(condition, leftWidth, rightWidth),
                    new InputRef(buildColumn, build.type(), build.typmod(), build.name()), column.index(), column);
        }
    }

    /**
     * The join's hash clauses, in the order of its conditions: each {@code outer value = inner column} of a type
     * with value equality (PostgreSQL hashes on all of them at once; the other conditions filter the matches).
     */
    private static List<HashClause> hashClauses(List<BoundExpr> conditions, int leftWidth) {
        List<HashClause> clauses = new ArrayList<>();
        for (BoundExpr c : conditions) {
            if (!(c instanceof FuncExpr f) || !isEquality(f)) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                BoundExpr probe = f.arguments().get(side);
                BoundExpr build = unwrap(f.arguments().get(1 - side));
                // (a value of an enclosing loop alone is no hash key: it filters the inner rows)
                if (build instanceof InputRef in && in.index() >= leftWidth && refs(probe).nextSetBit(leftWidth) < 0
                        && !refs(probe).isEmpty() && pushable(probe) && HashLookups.hashable(probe.type(), in.type())) {
                    clauses.add(new HashClause(c, probe, in.index() - leftWidth, in));
                    break;
                }
            }
        }
        return clauses;
    }

    /** A hash join on {@code clauses}: one outer parameter per clause probes the inner side's table. */
    private PlanNode hashJoin(NestedLoopJoinNode.Kind kind, PlanNode outer, PlanNode inner, List<HashClause> clauses,
                              List<BoundExpr> conditions) {
        List<Integer> keyColumns = new ArrayList<>();
        List<BoundExpr> keys = new ArrayList<>();
        List<Correlation> probes = new ArrayList<>();
        List<BoundExpr> others = new ArrayList<>(conditions);
        for (HashClause c : clauses) {
            int id = paramIds.getAsInt();
            keyColumns.add(c.buildColumn());
            keys.add(new OuterParam(id, c.probe().type(), c.probe().typmod(), null));
            probes.add(new Correlation(id, c.probe()));
            others.remove(c.condition());
        }
        return new NestedLoopJoinNode(kind, outer, new HashLookupNode(inner, keyColumns, keys), and(others), probes);
    }

    /**
     * A nested loop whose inner side is an index scan of the inner table keyed by the outer row's value, when
     * the inner side is a (filtered) table scan with a plain index on the column. The equality stays as a
     * re-check unless both sides are of one type (or both strings, or both integers), where the index finds exactly
     * the equal rows.
     */
    private PlanNode indexLoop(NestedLoopJoinNode.Kind kind, PlanNode outer, PlanNode inner, BoundExpr probe,
                               int innerColumn, BoundExpr equality, List<BoundExpr> others) {
        SeqScanNode scan = inner instanceof SeqScanNode s ? s
                : inner instanceof FilterNode f && f.input() instanceof SeqScanNode s ? s : null;
        if (scan == null || innerColumn >= scan.table().columns().size()) {
            return null;
        }
        long columnType = scan.table().columns().get(innerColumn).type();
        if (!IndexSelection.sameKeyFamily(columnType, probe.type())) {
            return null;
        }
        short attnum = (short) (innerColumn + 1);
        IndexInfo index = indexes.apply(scan.table()).stream()
                .filter(i -> i.plain() && !i.gin() && i.columns().size() == 1 && i.columns().get(0) == attnum).findFirst().orElse(null);
        if (index == null) {
            return null;
        }
        int id = paramIds.getAsInt();
        PlanNode probeScan = new IndexScanNode(scan.table(), index,
                new OuterParam(id, probe.type(), probe.typmod(), null), scan.withTid(), scan.alias());
        if (inner instanceof FilterNode f) {
            probeScan = new FilterNode(probeScan, f.condition());
        }
        List<BoundExpr> condition = new ArrayList<>(others);
        if (columnType != probe.type() && !(textual(columnType) && textual(probe.type()))
                && !(integral(columnType) && integral(probe.type()))) {
            condition.add(equality); // a probe of another type: the equality re-checks the conversion
        }
        return new NestedLoopJoinNode(kind, outer, probeScan, and(condition), List.of(new Correlation(id, probe)));
    }

    /** Integers of any width: their index keys are all encoded as 64-bit values, so an int8 probe of an int4 key is exact. */
    private static boolean integral(long type) {
        return type == org.lakepg.server.catalog.TypeOids.INT2 || type == org.lakepg.server.catalog.TypeOids.INT4
                || type == org.lakepg.server.catalog.TypeOids.INT8;
    }

    /** Strings compared as strings whichever of these types holds them (not bpchar: its trailing blanks differ). */
    private static boolean textual(long type) {
        return type == org.lakepg.server.catalog.TypeOids.TEXT || type == org.lakepg.server.catalog.TypeOids.VARCHAR
                || type == org.lakepg.server.catalog.TypeOids.NAME;
    }

    /** A join of (right, left) followed by the projection back to (left, right) columns. */
    static PlanNode restored(PlanNode swapped, int leftWidth, int rightWidth) {
        List<BoundExpr> row = new ArrayList<>();
        List<InputRef> columns = columns(swapped);
        for (int i = 0; i < leftWidth; i++) {
            row.add(columns.get(rightWidth + i));
        }
        for (int i = 0; i < rightWidth; i++) {
            row.add(columns.get(i));
        }
        return new ProjectNode(swapped, row);
    }

    private static List<InputRef> columns(PlanNode p) {
        List<InputRef> out = new ArrayList<>();
        for (int i = 0; i < p.width(); i++) {
            out.add(new InputRef(i, 0, -1, null));
        }
        return out;
    }

    /** An expression over (left, right) columns rewritten over (right, left) columns. */
    static BoundExpr swapSides(BoundExpr e, int leftWidth, int rightWidth) {
        return ExprRewriter.map(e, x -> x instanceof InputRef in
                ? new InputRef(in.index() < leftWidth ? in.index() + rightWidth : in.index() - leftWidth, in.type(),
                in.typmod(), in.name()) : x);
    }

    private static boolean isEquality(FuncExpr f) {
        return f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=") && f.arguments().size() == 2;
    }

    private static BoundExpr and(List<BoundExpr> conjuncts) {
        return conjuncts.isEmpty() ? null : conjuncts.size() == 1 ? conjuncts.get(0)
                : new BoolExpr(BoolExpr.Kind.AND, conjuncts);
    }
}
