package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lakepg.server.catalog.types.UserTypes;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.parser.FrameOptions;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * The outer query's WHERE over a subquery with window functions, as PostgreSQL 15's set_subquery_pathlist treats it:
 * a condition on columns every window partitions by filters the subquery's rows below its WindowAggs
 * (qual_is_pushdown_safe); a comparison of a monotonic window function's result with a constant becomes that
 * WindowAgg's run condition (find_window_run_conditions), dropped from the outer WHERE unless it had to be widened
 * ({@code dr = 1} runs while {@code dr <= 1}); the rest stays above the subquery.
 */
public final class SubqueryQuals {
    /** Builds {@code left op right} for a btree operator of the same operand types. */
    public interface Operators {
        BoundExpr make(String operator, BoundExpr left, BoundExpr right);
    }

    /** The subquery after pushing, and what is left for the outer WHERE (null when nothing). */
    public record Pushed(PlanNode plan, BoundExpr remaining) {}

    private static final int INCREASING = 1;
    private static final int DECREASING = 2;
    private static final int BOTH = INCREASING | DECREASING;

    /** pg_proc OIDs of count(any) and count(*), whose support function reports them monotonic. */
    private static final Set<Long> COUNT = Set.of(2147L, 2803L);

    private SubqueryQuals() {}

    public static Pushed push(SubqueryScanNode scan, BoundExpr where, Operators operators) {
        if (org.lakepg.server.sql.analyzer.SubqueryScans.keptForShape(scan)) {
            return new Pushed(scan.input(), where); // filtered as a pulled-up subquery (no pushdown into it yet)
        }
        if (scan.input() instanceof ProjectNode projection
                && projection.input() instanceof org.lakepg.server.sql.plan.ProjectSetNode set) {
            return SetReturningQuals.push(scan, projection, set, where);
        }
        if (scan.input() instanceof ProjectNode projection && !scan.junkColumns()
                && UnusedSubqueryOutputs.plainlyProjected(projection.input())
                && !(projection.input() instanceof LimitNode)) {
            return pushedBelowProjection(scan, projection, where);
        }
        if (!(scan.input() instanceof ProjectNode projection) || !(projection.input() instanceof WindowAggNode)) {
            return new Pushed(scan, where);
        }
        List<WindowAggNode> windows = new ArrayList<>(); // bottom first
        PlanNode p = projection.input();
        while (p instanceof WindowAggNode w) {
            windows.add(0, w);
            p = w.input();
        }
        PlanNode base = p;
        int baseWidth = base.width();
        List<BoundExpr> below = new ArrayList<>();
        List<BoundExpr> remaining = new ArrayList<>();
        BoundExpr[] runConditions = new BoundExpr[windows.size()];
        for (BoundExpr c : conjuncts(where)) {
            BoundExpr inside = ExprRewriter.map(c, e -> e instanceof InputRef in ? projection.expressions().get(in.index()) : e);
            if (pushable(c) && !ExprRewriter.any(c, e -> e instanceof OuterParam) && !Conjuncts.refs(c).isEmpty()
                    && Conjuncts.refs(c).stream().allMatch(i -> partitionedByAll(projection.expressions().get(i), windows,
                    baseWidth))) {
                below.add(inside);
                continue;
            }
            if (!runCondition(c, projection, windows, baseWidth, runConditions, operators)) {
                remaining.add(c);
            }
        }
        if (below.isEmpty() && java.util.Arrays.stream(runConditions).allMatch(java.util.Objects::isNull)) {
            return new Pushed(scan, where);
        }
        PlanNode plan = below.isEmpty() ? base : filtered(base, below);
        // the run conditions of the WindowAggs below the top one filter the top one's rows (PostgreSQL's topqual)
        List<BoundExpr> topQual = new ArrayList<>();
        java.util.function.Predicate<BoundExpr> fixed = constants(below);
        for (int i = 0; i < windows.size(); i++) {
            WindowAggNode w = windows.get(i).withoutConstantKeys(fixed).withInput(plan);
            if (runConditions[i] != null) {
                w = w.withRunCondition(runConditions[i]);
                if (i < windows.size() - 1) {
                    topQual.addAll(conjuncts(runConditions[i]));
                }
            }
            plan = w;
        }
        if (!topQual.isEmpty()) {
            plan = new FilterNode(plan, and(topQual));
        }
        PlanNode subquery = new ProjectNode(plan, projection.expressions());
        return new Pushed(scan.withInput(subquery), remaining.isEmpty() ? null : and(remaining));
    }

    /**
     * A subquery kept apart only for its WITH clause (a plain select list over its FROM and WHERE): each condition
     * that calls nothing volatile and reads no subquery output computed by a subquery or volatile call filters its rows
     * below the select list, as subquery_push_qual does; the rest stays above.
     */
    private static Pushed pushedBelowProjection(SubqueryScanNode scan, ProjectNode projection, BoundExpr where) {
        List<BoundExpr> below = new ArrayList<>();
        List<BoundExpr> remaining = new ArrayList<>();
        for (BoundExpr c : conjuncts(where)) {
            BoundExpr inside = ExprRewriter.map(c, e -> e instanceof InputRef in ? projection.expressions().get(in.index()) : e);
            if (Conjuncts.pushable(c) && Conjuncts.pushable(inside)) {
                below.add(inside);
            } else {
                remaining.add(c);
            }
        }
        if (below.isEmpty()) {
            return new Pushed(scan, where);
        }
        PlanNode subquery = new ProjectNode(filtered(projection.input(), below), projection.expressions());
        return new Pushed(scan.withInput(subquery), remaining.isEmpty() ? null : and(remaining));
    }

    /** The plan under the conditions, added to its own filter if it has one. */
    static PlanNode filtered(PlanNode plan, List<BoundExpr> conditions) {
        if (plan instanceof FilterNode f) {
            List<BoundExpr> all = conjuncts(f.condition());
            all.addAll(conditions);
            return new FilterNode(f.input(), and(all));
        }
        return new FilterNode(plan, and(conditions));
    }

    /**
     * The expressions the pushed conditions equate with a constant: every row below has the same value there, so
     * PostgreSQL's equivalence classes drop them from the windows' sort keys.
     */
    private static java.util.function.Predicate<BoundExpr> constants(List<BoundExpr> pushed) {
        Set<BoundExpr> fixed = new java.util.HashSet<>();
        for (BoundExpr c : pushed) {
            if (c instanceof FuncExpr eq && eq.form() == FuncExpr.Form.OPERATOR && eq.name().equals("=")
                    && eq.arguments().size() == 2) {
                for (int side = 0; side < 2; side++) {
                    BoundExpr value = eq.arguments().get(1 - side);
                    if (Conjuncts.refs(value).isEmpty() && pushable(value)
                            && !Conjuncts.refs(eq.arguments().get(side)).isEmpty()) {
                        fixed.add(withoutNames(unwrap(eq.arguments().get(side))));
                    }
                }
            }
        }
        return k -> fixed.contains(withoutNames(unwrap(k)));
    }

    /** Whether a subquery output is a plain input expression every window partitions by (targetIsInAllPartitionLists). */
    private static boolean partitionedByAll(BoundExpr output, List<WindowAggNode> windows, int baseWidth) {
        if (!pushable(output) || Conjuncts.refs(output).stream().anyMatch(i -> i >= baseWidth)) {
            return false;
        }
        BoundExpr plain = withoutNames(output);
        for (WindowAggNode w : windows) {
            if (w.keys().subList(0, w.partitionCount()).stream().noneMatch(k -> withoutNames(k).equals(plain))) {
                return false;
            }
        }
        return true;
    }

    /** The expression with its column references' names left out, to compare expressions written differently. */
    public static BoundExpr withoutNames(BoundExpr e) {
        return ExprRewriter.map(e, x -> x instanceof InputRef in ? new InputRef(in.index(), in.type(), in.typmod(), null) : x);
    }

    /**
     * Adds {@code c} to a WindowAgg's run condition when it compares a monotonic window function's result with a
     * constant; returns whether the outer WHERE no longer needs it.
     */
    private static boolean runCondition(BoundExpr c, ProjectNode projection, List<WindowAggNode> windows, int baseWidth,
                                        BoundExpr[] runConditions, Operators operators) {
        if (!(c instanceof FuncExpr op) || op.form() != FuncExpr.Form.OPERATOR || op.arguments().size() != 2
                || !op.strict() || op.function() >= UserTypes.FIRST_USER_OID) {
            return false;
        }
        for (int side = 0; side < 2; side++) {
            if (!(op.arguments().get(side) instanceof InputRef in)) {
                continue;
            }
            BoundExpr other = op.arguments().get(1 - side);
            if (!Conjuncts.refs(other).isEmpty() || !pushable(other)) {
                continue;
            }
            if (!(unwrap(projection.expressions().get(in.index())) instanceof InputRef column) || column.index() < baseWidth) {
                continue;
            }
            // which WindowAgg computes that column
            int start = baseWidth;
            for (int w = 0; w < windows.size(); w++) {
                WindowAggNode window = windows.get(w);
                int count = window.calls().size();
                if (column.index() >= start + count) {
                    start += count;
                    continue;
                }
                WindowCall call = window.calls().get(column.index() - start);
                int monotonic = monotonic(call, window);
                if (monotonic == 0) {
                    return false;
                }
                boolean callLeft = side == 0;
                InputRef result = new InputRef(column.index(), call.type(), -1, null);
                BoundExpr condition;
                boolean keep;
                switch (op.name()) {
                    case "<", "<=" -> {
                        if (!(callLeft ? (monotonic & INCREASING) != 0 : (monotonic & DECREASING) != 0)) {
                            return false;
                        }
                        condition = rebuilt(op, op.name(), result, other, callLeft, operators);
                        keep = false;
                    }
                    case ">", ">=" -> {
                        if (!(callLeft ? (monotonic & DECREASING) != 0 : (monotonic & INCREASING) != 0)) {
                            return false;
                        }
                        condition = rebuilt(op, op.name(), result, other, callLeft, operators);
                        keep = false;
                    }
                    case "=" -> {
                        if (monotonic == BOTH) {
                            condition = rebuilt(op, "=", result, other, callLeft, operators);
                            keep = false;
                        } else {
                            // the rows up to the first one past the value: keep the equality above
                            boolean lessOrEqual = (monotonic & INCREASING) != 0 == callLeft;
                            condition = rebuilt(op, lessOrEqual ? "<=" : ">=", result, other, callLeft, operators);
                            keep = true;
                        }
                    }
                    default -> {
                        return false;
                    }
                }
                if (condition == null) {
                    return false;
                }
                runConditions[w] = runConditions[w] == null ? condition : and(List.of(runConditions[w], condition));
                return !keep;
            }
            return false;
        }
        return false;
    }

    private static BoundExpr rebuilt(FuncExpr op, String name, InputRef result, BoundExpr other, boolean callLeft,
                                     Operators operators) {
        if (name.equals(op.name())) {
            List<BoundExpr> args = callLeft ? List.of(result, other) : List.of(other, result);
            return new FuncExpr(op.function(), op.name(), op.source(), op.form(), args, op.strict(), op.volatility(),
                    op.type(), op.typmod());
        }
        return callLeft ? operators.make(name, result, other) : operators.make(name, other, result);
    }

    /**
     * PostgreSQL 15's SupportRequestWFuncMonotonic answers: row_number, rank and dense_rank only grow within a
     * partition; count(*) or count(constant) grows when its frame starts at the partition start and shrinks when it
     * ends at the partition end, and is constant without ORDER BY (all rows are peers).
     */
    private static int monotonic(WindowCall call, WindowAggNode window) {
        if (call.aggregate() == null) {
            return call.source() != null && switch (call.source()) {
                case "window_row_number", "window_rank", "window_dense_rank" -> true;
                default -> false;
            } ? INCREASING : 0;
        }
        if (!COUNT.contains(call.aggregate().function())) {
            return 0;
        }
        List<BoundExpr> args = call.aggregate().arguments();
        if (args.size() > 1 || args.size() == 1 && !(unwrap(args.get(0)) instanceof Const)) {
            return 0;
        }
        if (window.sortKeys().size() == window.partitionCount()) {
            return BOTH;
        }
        int result = 0;
        if ((window.frameOptions() & FrameOptions.START_UNBOUNDED_PRECEDING) != 0) {
            result |= INCREASING;
        }
        if ((window.frameOptions() & FrameOptions.END_UNBOUNDED_FOLLOWING) != 0) {
            result |= DECREASING;
        }
        return result;
    }
}
