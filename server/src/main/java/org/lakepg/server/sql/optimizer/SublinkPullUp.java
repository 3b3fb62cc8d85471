package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.scalar.RowFunctions;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's pull_up_sublinks: a WHERE conjunct {@code EXISTS (subquery)}, {@code NOT EXISTS (subquery)} or
 * {@code x IN (subquery)} becomes a semi or anti join of the query's FROM rows with the subquery's rows, which the
 * planner may then hash or probe by index instead of running the subquery per row. Only top-level AND parts qualify
 * (there a NULL and a false comparison both drop the row); {@code NOT IN} never does, as its NULL semantics are not
 * an anti join's. EXISTS needs a plain subquery (no aggregates, set operations, OFFSET or LIMIT 0) whose outer
 * references are all in its WHERE; IN needs an uncorrelated subquery compared by an equality the join can hash.
 */
public final class SublinkPullUp {
    private SublinkPullUp() {}

    /**
     * One pulled-up sublink: the subquery's rows, a filter over them alone (null: none) and the join's conditions
     * over the query's FROM row followed by the subquery's row.
     */
    public record SemiJoin(NestedLoopJoinNode.Kind kind, PlanNode inner, BoundExpr innerFilter,
                           List<BoundExpr> conditions, List<BoundExpr> written) {

        /**
         * @param written the equalities as the sublink wrote them, whose inner sides the inner rows are made unique
         *     on when the join runs as an inner join over them (semi_rhs_exprs)
         */
        public SemiJoin {
            conditions = List.copyOf(conditions);
            written = List.copyOf(written);
        }

        SemiJoin(NestedLoopJoinNode.Kind kind, PlanNode inner, BoundExpr innerFilter, List<BoundExpr> conditions) {
            this(kind, inner, innerFilter, conditions, conditions);
        }
    }

    /** The WHERE split into the conjuncts that stay (null: none) and the joins made of the others. */
    public record Split(BoundExpr remaining, List<SemiJoin> joins) {}

    /** @param fromWidth the width of the FROM row the WHERE reads */
    public static Split split(BoundExpr where, int fromWidth) {
        List<BoundExpr> remaining = new ArrayList<>();
        List<SemiJoin> joins = new ArrayList<>();
        for (BoundExpr c : conjuncts(where)) {
            SemiJoin j = pullUp(c, fromWidth);
            if (j == null) {
                remaining.add(c);
            } else if (j.kind() == NestedLoopJoinNode.Kind.SEMI) {
                // a semi join's equalities join equivalence classes, whose other members each side compares
                var classes = SemiJoinEquivalences.reduce(j.conditions(), fromWidth);
                remaining.addAll(classes.outerFilters());
                List<BoundExpr> innerFilters = new ArrayList<>();
                if (j.innerFilter() != null) {
                    innerFilters.add(j.innerFilter());
                }
                innerFilters.addAll(classes.innerFilters());
                joins.add(new SemiJoin(j.kind(), j.inner(), innerFilters.isEmpty() ? null : Conjuncts.and(innerFilters),
                        classes.conditions(), j.conditions()));
            } else {
                joins.add(j);
            }
        }
        return new Split(remaining.isEmpty() ? null : Conjuncts.and(remaining), joins);
    }

    private static SemiJoin pullUp(BoundExpr c, int fromWidth) {
        if (c instanceof SubqueryExpr q && q.kind() == SubqueryExpr.Kind.EXISTS) {
            return exists(q, NestedLoopJoinNode.Kind.SEMI, fromWidth);
        }
        if (c instanceof BoolExpr b && b.kind() == BoolExpr.Kind.NOT && b.arguments().size() == 1
                && b.arguments().get(0) instanceof SubqueryExpr q && q.kind() == SubqueryExpr.Kind.EXISTS) {
            return exists(q, NestedLoopJoinNode.Kind.ANTI, fromWidth);
        }
        if (c instanceof SubqueryExpr q && q.kind() == SubqueryExpr.Kind.ANY) {
            return any(q, fromWidth);
        }
        return null;
    }

    /** convert_EXISTS_sublink_to_join, after simplify_EXISTS_query dropped what cannot change the answer. */
    private static SemiJoin exists(SubqueryExpr q, NestedLoopJoinNode.Kind kind, int fromWidth) {
        ExistsBody body = existsBody(q, false);
        if (body == null) {
            return null;
        }
        Map<Integer, BoundExpr> outerValues = new HashMap<>();
        for (Correlation k : q.correlations()) {
            outerValues.put(k.id(), k.value());
        }
        List<BoundExpr> conditions = new ArrayList<>();
        for (BoundExpr part : body.correlated()) {
            if (!Conjuncts.pushable(part) || ExprRewriter.any(part,
                    x -> x instanceof OuterParam p && !outerValues.containsKey(p.id()))) {
                return null;
            }
            conditions.add(ExprRewriter.map(part, x -> switch (x) {
                case InputRef in -> new InputRef(in.index() + fromWidth, in.type(), in.typmod(), in.name());
                case OuterParam p -> outerValues.get(p.id());
                default -> x;
            }));
        }
        return new SemiJoin(kind, body.below(), body.innerOnly().isEmpty() ? null : Conjuncts.and(body.innerOnly()),
                conditions);
    }

    /**
     * A correlated EXISTS subquery as simplify_EXISTS_query leaves it: its FROM rows (uncorrelated), the WHERE
     * conjuncts over them alone and the conjuncts that read outer values (at least one); null for other shapes.
     * With {@code probes}, an index probe keyed by an outer value counts as the table scan it stands for.
     */
    record ExistsBody(PlanNode below, List<BoundExpr> innerOnly, List<BoundExpr> correlated) {}

    static ExistsBody existsBody(SubqueryExpr q, boolean probes) {
        if (!q.correlated()) {
            return null; // no outer reference: PostgreSQL keeps it as an InitPlan
        }
        PlanNode body = q.plan();
        while (true) {
            if (body instanceof LimitNode l && l.offset() == null && positiveOrNone(l.count())) {
                body = l.input();
            } else if (body instanceof ProjectNode x) {
                body = x.input();
            } else if (body instanceof SortNode s) {
                body = s.input();
            } else if (body instanceof DistinctNode d) {
                body = d.input();
            } else {
                break;
            }
        }
        body = unkeyed(body);
        if (!(body instanceof FilterNode f)) {
            return null;
        }
        PlanNode below = f.input() instanceof HashLookupNode h ? h.input() : f.input();
        if (probes && below instanceof IndexScanNode s && s.key() != null
                && ExprRewriter.any(s.key(), x -> x instanceof OuterParam)) {
            below = new SeqScanNode(s.table(), s.withTid(), s.alias()); // the probe's condition is kept above it
        }
        if (!PlanExpressions.uncorrelated(below) || !plain(below)) {
            return null;
        }
        List<BoundExpr> innerOnly = new ArrayList<>();
        List<BoundExpr> correlated = new ArrayList<>();
        for (BoundExpr part : conjuncts(f.condition())) {
            (ExprRewriter.any(part, x -> x instanceof OuterParam) ? correlated : innerOnly).add(part);
        }
        return correlated.isEmpty() ? null : new ExistsBody(below, innerOnly, correlated);
    }

    /**
     * A subquery body whose table scan its own planning keyed by the outer row (index conditions on outer values, as
     * for {@code where t.a = o.x and t.b = o.y} over an index on (a, b)) as the filtered table scan it stands for, so
     * that its conditions can join; any other body unchanged.
     */
    private static PlanNode unkeyed(PlanNode body) {
        FilterNode above = body instanceof FilterNode f ? f : null;
        PlanNode scan = above == null ? body : above.input();
        if (!(scan instanceof IndexScanNode s) || s.key() != null || s.bitmap() || s.or() != null || s.backward()
                || s.conditions().stream().noneMatch(c -> ExprRewriter.any(c, x -> x instanceof OuterParam))) {
            return body;
        }
        List<BoundExpr> conditions = new ArrayList<>(s.conditions());
        if (above != null) {
            conditions.addAll(conjuncts(above.condition()));
        }
        return new FilterNode(new SeqScanNode(s.table(), s.withTid(), s.alias()), Conjuncts.and(conditions));
    }

    /** convert_ANY_sublink_to_join: an uncorrelated subquery compared with values of the query's own rows. */
    private static SemiJoin any(SubqueryExpr q, int fromWidth) {
        if (q.test() != null && q.test().type() == TypeOids.RECORD) {
            return rowAny(q, fromWidth);
        }
        if (q.correlated() || q.test() == null || q.plan().width() != 1
                || !PlanExpressions.uncorrelated(q.plan()) || volatileTest(q.test())
                || Conjuncts.refs(q.test()).isEmpty()) {
            return null;
        }
        // only an equality the join can hash: other comparisons keep the subplan, which hashes any type
        if (!(q.comparison() instanceof FuncExpr eq) || eq.form() != FuncExpr.Form.OPERATOR || !eq.name().equals("=")
                || eq.arguments().size() != 2
                || !HashLookups.hashable(q.test().type(), q.plan().width() == 1 ? eq.arguments().get(1).type() : 0)
                || !(Conjuncts.unwrap(eq.arguments().get(0)) instanceof InputRef)
                || !(Conjuncts.unwrap(eq.arguments().get(1)) instanceof InputRef)) {
            return null;
        }
        BoundExpr condition = ExprRewriter.map(q.comparison(), x -> x instanceof InputRef in
                ? in.index() == 0 ? q.test() : new InputRef(fromWidth, in.type(), in.typmod(), in.name()) : x);
        return new SemiJoin(NestedLoopJoinNode.Kind.SEMI, q.plan(), null, List.of(condition));
    }

    /**
     * {@code (a, b) IN (SELECT x, y ...)}: the subquery's records compared field by field become one join condition
     * per field, {@code a = x AND b = y}, as convert_ANY_sublink_to_join makes of a multi-column sublink.
     */
    private static SemiJoin rowAny(SubqueryExpr q, int fromWidth) {
        if (q.correlated() || !(q.test() instanceof FuncExpr tests) || !RowFunctions.ROW.equals(tests.source())
                || !(q.plan() instanceof ProjectNode records) || records.expressions().size() != 1
                || !(records.expressions().get(0) instanceof FuncExpr row) || !RowFunctions.ROW.equals(row.source())
                || !PlanExpressions.uncorrelated(records.input()) || volatileTest(q.test())
                || Conjuncts.refs(q.test()).isEmpty()) {
            return null;
        }
        int n = tests.arguments().size();
        if (row.arguments().size() != n || records.input().width() != n) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (!(row.arguments().get(i) instanceof InputRef in) || in.index() != i) {
                return null; // the records are the subquery's columns as they are
            }
        }
        // a subquery column that is a column of its FROM is compared as that column, as once the subquery is
        // pulled up (so two outputs of one column are one member of an equivalence class)
        PlanNode inner = records.input();
        List<BoundExpr> columns = new ArrayList<>(row.arguments());
        if (inner instanceof ProjectNode p && p.expressions().stream().allMatch(e -> e instanceof InputRef)) {
            inner = p.input();
            columns = new ArrayList<>(p.expressions());
        }
        List<BoundExpr> innerColumns = columns;
        List<BoundExpr> conditions = new ArrayList<>();
        for (BoundExpr c : conjuncts(q.comparison())) {
            if (!(c instanceof FuncExpr eq) || eq.form() != FuncExpr.Form.OPERATOR || !eq.name().equals("=")
                    || eq.arguments().size() != 2) {
                return null;
            }
            Integer left = fieldOf(Conjuncts.unwrap(eq.arguments().get(0)), 0);
            Integer right = fieldOf(Conjuncts.unwrap(eq.arguments().get(1)), 1);
            if (left == null || right == null || !left.equals(right)
                    || !HashLookups.hashable(tests.arguments().get(left).type(), row.arguments().get(right).type())) {
                return null;
            }
            conditions.add(ExprRewriter.map(eq, x -> {
                Integer test = fieldOf(x, 0);
                if (test != null) {
                    return tests.arguments().get(test);
                }
                Integer column = fieldOf(x, 1);
                if (column != null) {
                    InputRef in = (InputRef) innerColumns.get(column);
                    return new InputRef(fromWidth + in.index(), in.type(), in.typmod(), in.name());
                }
                return x;
            }));
        }
        return conditions.size() == n ? new SemiJoin(NestedLoopJoinNode.Kind.SEMI, inner, null, conditions) : null;
    }

    /** The field number when {@code e} reads a field of the compared pair's record {@code side} (0: test, 1: row). */
    private static Integer fieldOf(BoundExpr e, int side) {
        return e instanceof FuncExpr f && RowFunctions.FIELD.equals(f.source()) && f.arguments().size() == 2
                && f.arguments().get(0) instanceof InputRef r && r.index() == side
                && f.arguments().get(1) instanceof Const k && k.value() instanceof Integer i ? i : null;
    }

    /**
     * The compared values call something volatile (contain_volatile_functions); a sublink among them does not stop
     * the pull-up, it stays a subplan of the join's condition.
     */
    private static boolean volatileTest(BoundExpr test) {
        return ExprRewriter.any(test, x -> x instanceof FuncExpr f && f.volatility() == 'v'
                || x instanceof SubqueryExpr q && VolatileCalls.in(q.plan()));
    }

    /** What a subquery's FROM may be for its WHERE to join: no aggregation, window or set-returning step on top. */
    private static boolean plain(PlanNode p) {
        return switch (p) {
            case org.lakepg.server.sql.plan.AggregateNode a -> false;
            case org.lakepg.server.sql.plan.WindowAggNode w -> false;
            case org.lakepg.server.sql.plan.ProjectSetNode s -> false;
            case LimitNode l -> false;
            case org.lakepg.server.sql.plan.ModifyingCtesNode m -> false;
            default -> true;
        };
    }

    /** A LIMIT that keeps at least one row: none, NULL, or a positive constant. */
    private static boolean positiveOrNone(BoundExpr count) {
        if (count == null) {
            return true;
        }
        BoundExpr e = count instanceof FuncExpr f && f.form() == FuncExpr.Form.CAST && f.arguments().size() >= 1
                ? f.arguments().get(0) : Conjuncts.unwrap(count);
        return e instanceof Const c && (c.value() == null || c.value() instanceof Number n && n.doubleValue() > 0);
    }
}
