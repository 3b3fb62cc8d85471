package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserTypes;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * PostgreSQL's planagg.c: a query over one table whose only aggregates are min() and max() of indexed columns,
 * without GROUP BY, computes each as a one-row subquery run once (an InitPlan): the first non-null value in index
 * order, forward for min and backward for max, under the query's WHERE — {@code Limit -> Index [Only] Scan} with
 * {@code x IS NOT NULL} among the index conditions. Taken when the cost model prices these below aggregating the
 * scanned rows.
 */
public final class MinMaxAggregates {
    private MinMaxAggregates() {}

    /**
     * The aggregation {@code aggregate} (over {@code scan}, filtered by {@code where} when not null) as a Result whose
     * columns are one subquery per aggregate, or null when it does not qualify or would cost more.
     */
    public static PlanNode plan(AggregateNode aggregate, SeqScanNode scan, BoundExpr where, PlannerContext planner) {
        if (!aggregate.groupKeys().isEmpty() || !aggregate.groupingSets().isEmpty() || aggregate.aggregates().isEmpty()
                || scan.withTid() || where != null && ExprRewriter.any(where, e -> e instanceof SubqueryExpr)) {
            return null;
        }
        List<BoundExpr> conjuncts = where == null ? List.of() : Conjuncts.conjuncts(where);
        List<IndexInfo> indexes = planner.indexes(scan.table());
        CostModel costs = new CostModel(planner);
        List<BoundExpr> subqueries = new ArrayList<>();
        double total = 0;
        for (AggregateCall call : aggregate.aggregates()) {
            Const constant = constantArgument(call);
            if (constant != null) {
                // no index orders a constant: the first row of the scan that passes (PostgreSQL's plain path)
                PlanNode first = constantFirstValue(where == null ? scan : new FilterNode(scan, where), constant);
                total += costs.estimate(first).total();
                subqueries.add(new SubqueryExpr(SubqueryExpr.Kind.SCALAR, first, null, null, call.resultType(), List.of()));
                continue;
            }
            Optional<Integer> column = minMaxColumn(call, scan.table());
            if (column.isEmpty()) {
                return null;
            }
            boolean max = call.name().equals("max");
            PlanNode best = null;
            double bestCost = Double.MAX_VALUE;
            for (IndexInfo index : indexes) {
                PlanNode first = firstValue(scan, index, column.get(), max, conjuncts, costs.settings().indexOnlyScan());
                if (first != null && costs.estimate(first).total() < bestCost) {
                    best = first;
                    bestCost = costs.estimate(first).total();
                }
            }
            PlanNode scanned = equatedFirstValue(scan, column.get(), conjuncts);
            if (scanned != null && costs.estimate(scanned).total() < bestCost) {
                best = scanned;
                bestCost = costs.estimate(scanned).total();
            }
            if (best == null) {
                return null;
            }
            total += bestCost;
            subqueries.add(new SubqueryExpr(SubqueryExpr.Kind.SCALAR, best, null, null, call.resultType(), List.of()));
        }
        PlanNode input = where == null ? scan : new FilterNode(scan, where);
        if (total >= costs.estimate(aggregate.withInput(input)).total()) {
            return null;
        }
        return new ProjectNode(new ResultNode(), subqueries);
    }

    /**
     * The select list over {@code plan}: over the Result of {@link #plan} the subqueries take the place of the
     * aggregates' columns, so one Result computes the list (as PostgreSQL shows it), else a projection of the plan.
     */
    public static PlanNode project(PlanNode plan, List<BoundExpr> projected) {
        if (plan instanceof ProjectNode x && x.input() instanceof ResultNode && x.expressions().stream().allMatch(
                MinMaxAggregates::firstValueSubquery) && !x.expressions().isEmpty()) {
            return new ProjectNode(x.input(), projected.stream().map(e -> ExprRewriter.map(e,
                    y -> y instanceof InputRef in && in.index() < x.expressions().size()
                            ? x.expressions().get(in.index()) : y)).toList());
        }
        return new ProjectNode(plan, projected);
    }

    /** Whether the plan is (or its top computes) min()/max() aggregates as {@link #plan} makes them: an aggregation. */
    public static boolean computes(PlanNode plan) {
        return plan instanceof ProjectNode x && x.input() instanceof ResultNode
                && x.expressions().stream().anyMatch(e -> ExprRewriter.any(e, MinMaxAggregates::firstValueSubquery));
    }

    private static boolean firstValueSubquery(BoundExpr e) {
        return e instanceof SubqueryExpr q && !q.correlated() && q.kind() == SubqueryExpr.Kind.SCALAR
                && q.plan() instanceof ProjectNode p && p.input() instanceof LimitNode l
                && (l.input() instanceof IndexScanNode || l.input() instanceof org.lakepg.server.sql.plan.MergeAppendNode || l.input() instanceof FilterNode f && (f.input() instanceof IndexScanNode
                        || f.input() instanceof SeqScanNode
                        || f.condition() instanceof NullTest n && n.argument() instanceof Const));
    }

    /** The non-null constant a built-in min()/max() aggregates ({@code max(100)}), or null. */
    private static Const constantArgument(AggregateCall call) {
        return plainMinMaxArgument(call) instanceof Const c && c.value() != null ? c : null;
    }

    /**
     * The argument of a built-in min()/max() of one argument without DISTINCT, ORDER BY or FILTER, relabelings
     * taken off; null for any other aggregate.
     */
    static BoundExpr plainMinMaxArgument(AggregateCall call) {
        if (!(call.name().equals("min") || call.name().equals("max")) || call.function() >= UserTypes.FIRST_USER_OID
                || call.arguments().size() != 1 || call.distinct() || call.sortsInput() || call.filter() != null) {
            return null;
        }
        BoundExpr argument = call.arguments().get(0);
        while (argument instanceof RelabelType r) {
            argument = r.argument();
        }
        return argument;
    }

    /** {@code Limit 1} over the rows, gated by {@code constant IS NOT NULL}, returning the constant. */
    private static PlanNode constantFirstValue(PlanNode rows, Const constant) {
        PlanNode plan = new FilterNode(rows, new NullTest(constant, true));
        plan = new LimitNode(plan, null, new Const(TypeOids.INT8, -1, 1L));
        return new ProjectNode(plan, List.of(constant));
    }

    /** The table column a built-in min()/max() of one plain argument reads. */
    private static Optional<Integer> minMaxColumn(AggregateCall call, TableInfo table) {
        if (!(call.name().equals("min") || call.name().equals("max")) || call.function() >= UserTypes.FIRST_USER_OID
                || call.arguments().size() != 1 || call.distinct() || call.sortsInput() || call.filter() != null) {
            return Optional.empty();
        }
        BoundExpr argument = call.arguments().get(0);
        while (argument instanceof RelabelType r) {
            argument = r.argument();
        }
        if (!(argument instanceof InputRef in) || in.index() >= table.columns().size()) {
            return Optional.empty();
        }
        long type = table.columns().get(in.index()).type();
        return org.lakepg.server.table.IndexKeys.indexable(type) && type != TypeOids.BOOL
                && org.lakepg.server.catalog.types.UserTypeRegistry.find(type) == null
                ? Optional.of(in.index()) : Optional.empty();
    }

    /**
     * {@code Limit 1} over a scan of {@code index} giving the column's first non-null value in the wanted order, or
     * null when the index cannot give that order: the column must follow key columns the conditions hold equal.
     */
    private static PlanNode firstValue(SeqScanNode scan, IndexInfo index, int column, boolean max,
                                       List<BoundExpr> conjuncts, boolean indexOnly) {
        TableInfo table = scan.table();
        int position = index.columns().indexOf((short) (column + 1));
        if (position < 0 || !index.plain() || !IndexInfo.BTREE.equals(index.method())) {
            return null;
        }
        var columnInfo = table.columns().get(column);
        BoundExpr notNull = new NullTest(new InputRef(column, columnInfo.type(), columnInfo.typmod(), columnInfo.name()), true);
        List<BoundExpr> candidates = new ArrayList<>();
        candidates.add(notNull);
        candidates.addAll(conjuncts);
        IndexPaths.Split split = IndexPaths.split(table, index, candidates);
        if (split.equal().nextClearBit(0) < position) {
            return null;
        }
        List<BoundExpr> conditions = split.indexed();
        List<BoundExpr> rest = split.rest();
        boolean backward = max != org.lakepg.server.table.IndexKeys.descending(index, position);
        PlanNode plan = IndexScanNode.ordered(table, index, conditions, backward,
                indexOnly && covered(index, candidates), scan.alias());
        if (!rest.isEmpty()) {
            plan = new FilterNode(plan, Conjuncts.and(rest));
        }
        plan = new LimitNode(plan, null, new Const(TypeOids.INT8, -1, 1L));
        return new ProjectNode(plan, List.of(new InputRef(column, columnInfo.type(), columnInfo.typmod(), columnInfo.name())));
    }

    /**
     * With the column held equal to a constant (or an outer value) by the conditions every row has the same value, so
     * the order wanted is no order at all (a redundant path key): {@code Limit 1} over the filtered table scan.
     */
    private static PlanNode equatedFirstValue(SeqScanNode scan, int column, List<BoundExpr> conjuncts) {
        if (conjuncts.stream().noneMatch(c -> equatedToConstant(c, column))) {
            return null;
        }
        var columnInfo = scan.table().columns().get(column);
        InputRef ref = new InputRef(column, columnInfo.type(), columnInfo.typmod(), columnInfo.name());
        List<BoundExpr> conditions = new ArrayList<>();
        conditions.add(new NullTest(ref, true));
        conditions.addAll(conjuncts);
        PlanNode plan = new FilterNode(scan, Conjuncts.and(conditions));
        plan = new LimitNode(plan, null, new Const(TypeOids.INT8, -1, 1L));
        return new ProjectNode(plan, List.of(ref));
    }

    /** {@code column = x} where x reads no column of the row and calls nothing volatile. */
    private static boolean equatedToConstant(BoundExpr c, int column) {
        if (!(c instanceof org.lakepg.server.sql.plan.expr.FuncExpr f) || f.form() != org.lakepg.server.sql.plan.expr.FuncExpr.Form.OPERATOR
                || !f.name().equals("=") || f.arguments().size() != 2) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            if (Conjuncts.unwrap(f.arguments().get(side)) instanceof InputRef in && in.index() == column) {
                BoundExpr other = f.arguments().get(1 - side);
                return Conjuncts.refs(other).isEmpty() && !ExprRewriter.any(other, e -> e instanceof SubqueryExpr
                        || e instanceof org.lakepg.server.sql.plan.expr.FuncExpr g && g.volatility() == 'v');
            }
        }
        return false;
    }

    /** Whether every column the expressions read is stored in the index (an index-only scan can answer them). */
    static boolean covered(IndexInfo index, List<BoundExpr> expressions) {
        for (BoundExpr e : expressions) {
            BitSet refs = Conjuncts.refs(e);
            for (int i = refs.nextSetBit(0); i >= 0; i = refs.nextSetBit(i + 1)) {
                if (!index.allColumns().contains((short) (i + 1))) {
                    return false;
                }
            }
        }
        return true;
    }
}
