package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * PostgreSQL's remove_useless_result_rtes for inner joins: a FROM item that is one row of constants (a pulled-up
 * {@code (select 1 as x)}, a single-row VALUES, a function of constants evaluated while planning) takes no part in
 * the join; its columns are replaced by their values in the conditions ({@code i2.q1 = x} filters i2 as
 * {@code q1 = 123}), the other items are joined without it, and a projection puts its values back at its
 * columns' positions for the nodes above.
 */
final class ConstantRelations {
    private ConstantRelations() {}

    /**
     * The inner join of {@code inputs} (flattened, the conditions over their concatenated row) planned without
     * its constant items by {@code plan}; null when there are none to remove or nothing else would be left.
     */
    static PlanNode without(List<JoinOrder.Input> inputs, List<BoundExpr> conjuncts, UnaryOperator<BoundExpr> folding,
                            Function<PlanNode, PlanNode> plan) {
        List<JoinOrder.Input> kept = new ArrayList<>();
        for (JoinOrder.Input input : inputs) {
            if (!constantRow(input.plan())) {
                kept.add(input);
            }
        }
        if (kept.size() == inputs.size() || kept.isEmpty()) {
            return null;
        }
        int width = inputs.stream().mapToInt(JoinOrder.Input::width).sum();
        BoundExpr[] columns = new BoundExpr[width];
        long[] types = typesFrom(conjuncts, width);
        int position = 0;
        for (JoinOrder.Input input : inputs) {
            if (kept.contains(input)) {
                List<Long> own = tableTypes(input.plan());
                own = own != null && own.size() == input.width() ? own : null;
                for (int i = 0; i < input.width(); i++) {
                    long type = own != null ? own.get(i) : types[input.offset() + i];
                    columns[input.offset() + i] = new InputRef(position + i, type, -1, null);
                }
                position += input.width();
            } else {
                List<BoundExpr> values = values(input.plan());
                for (int i = 0; i < input.width(); i++) {
                    columns[input.offset() + i] = values.get(i);
                }
            }
        }
        PlanNode joined = kept.get(0).plan();
        for (int i = 1; i < kept.size(); i++) {
            joined = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, joined, kept.get(i).plan(), null);
        }
        List<BoundExpr> substituted = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            BoundExpr folded = folding.apply(ExprRewriter.map(c, e -> e instanceof InputRef in ? columns[in.index()] : e));
            if (folded instanceof Const k) {
                if (!Boolean.TRUE.equals(k.value())) {
                    return GatingQuals.emptyRows(width); // a constant-false condition: no rows at all
                }
                continue; // always true
            }
            substituted.add(folded);
        }
        PlanNode planned = plan.apply(substituted.isEmpty() ? joined : new FilterNode(joined, and(substituted)));
        return new ProjectNode(planned, List.of(columns));
    }

    /**
     * A join condition over (left ++ right) whose right side is a constant row (a LEFT join's, a semi join's), with
     * the row's values in place of its columns, folded: what is left reads the left side only, so it is no hash or
     * merge condition (PostgreSQL's clause of one relation) and a semi join becomes a filter.
     */
    static BoundExpr rightValues(BoundExpr condition, PlanNode right, int leftWidth, UnaryOperator<BoundExpr> folding) {
        List<BoundExpr> values = values(right);
        return folding.apply(ExprRewriter.map(condition, e -> e instanceof InputRef in && in.index() >= leftWidth
                ? values.get(in.index() - leftWidth) : e));
    }

    /**
     * A condition over {@code plan}'s row with the columns {@code plan} projects as constants (a removed constant
     * FROM item's values put back by {@link #without}) replaced by those values, folded: {@code x in (select 17)}
     * over {@code f_immutable_int4(1) x} is {@code 1 = 17}, false, as PostgreSQL's substituted quals are.
     */
    static BoundExpr projectedValues(BoundExpr condition, PlanNode plan, UnaryOperator<BoundExpr> folding) {
        if (!(plan instanceof ProjectNode p)) {
            return condition;
        }
        List<BoundExpr> out = p.expressions();
        boolean[] constant = new boolean[out.size()];
        boolean any = false;
        for (int i = 0; i < out.size(); i++) {
            BoundExpr e = out.get(i);
            constant[i] = pushable(e) && refs(e).isEmpty() && !ExprRewriter.any(e, y -> y instanceof OuterParam);
            any |= constant[i];
        }
        if (!any || !ExprRewriter.any(condition, e -> e instanceof InputRef in && in.index() < constant.length
                && constant[in.index()])) {
            return condition;
        }
        return folding.apply(ExprRewriter.map(condition, e -> e instanceof InputRef in && in.index() < constant.length
                && constant[in.index()] ? out.get(in.index()) : e));
    }

    /** As {@link #rightValues} for a constant row on the left of (left ++ right): a LEFT join's outer row. */
    static BoundExpr leftValues(BoundExpr condition, PlanNode left, UnaryOperator<BoundExpr> folding) {
        List<BoundExpr> values = values(left);
        int width = values.size();
        return folding.apply(ExprRewriter.map(condition, e -> e instanceof InputRef in && in.index() < width
                ? values.get(in.index()) : e));
    }

    /** One row of values that read no column, parameter or subquery and call nothing volatile. */
    static boolean constantRow(PlanNode p) {
        return values(p) != null;
    }

    /** The values of a constant row, seen through the projections and subquery scans above it; null for others. */
    static List<BoundExpr> values(PlanNode p) {
        if (p instanceof SubqueryScanNode s && s.width() == s.input().width()) {
            return values(s.input());
        }
        if (p instanceof org.lakepg.server.sql.plan.ValuesNode v && v.rows().size() == 1 && v.width() > 0) {
            // a one-row VALUES in FROM is a Result of its values (pull_up_simple_values)
            return constants(v.rows().get(0));
        }
        if (!(p instanceof ProjectNode x) || x.expressions().isEmpty()) {
            return null;
        }
        List<BoundExpr> out = x.expressions();
        if (!(x.input() instanceof ResultNode)) {
            List<BoundExpr> below = values(x.input());
            if (below == null) {
                return null;
            }
            out = out.stream().map(e -> ExprRewriter.map(e, y -> y instanceof InputRef in ? below.get(in.index()) : y))
                    .toList();
        }
        return constants(out);
    }

    private static List<BoundExpr> constants(List<BoundExpr> out) {
        return out.stream().allMatch(e -> pushable(e) && refs(e).isEmpty()
                && !ExprRewriter.any(e, y -> y instanceof OuterParam)) ? out : null;
    }

    private static long[] typesFrom(List<BoundExpr> conjuncts, int width) {
        long[] types = new long[width];
        java.util.Arrays.fill(types, TypeOids.UNKNOWN);
        for (BoundExpr c : conjuncts) {
            ExprRewriter.any(c, e -> {
                if (e instanceof InputRef in && in.index() < width) {
                    types[in.index()] = in.type();
                }
                return false;
            });
        }
        return types;
    }

    /**
     * remove_useless_result_rtes for a LEFT JOIN of two constant rows whose ON condition, with their values put in,
     * folds to true ({@code (values (1, 0)) v1 left join (values (3, 1)) v2 on v1.x1 = v2.y2}): the join is the one
     * row of both sides' values, a constant row itself, which joins above can then drop (the right side's values are
     * PlaceHolderVars: {@link SubstitutedConstants}). Applied through the FROM tree (joins, filters, projections and
     * subquery scans over them), bottom up.
     */
    static PlanNode joinedConstantRows(PlanNode p, UnaryOperator<BoundExpr> folding) {
        return switch (p) {
            case NestedLoopJoinNode j when j.lateral().isEmpty() -> {
                PlanNode left = joinedConstantRows(j.left(), folding);
                PlanNode right = joinedConstantRows(j.right(), folding);
                if (j.kind() == NestedLoopJoinNode.Kind.LEFT && constantRow(left) && constantRow(right)) {
                    BoundExpr on = j.condition() == null ? new Const(TypeOids.BOOL, -1, true)
                            : leftValues(rightValues(j.condition(), right, left.width(), folding), left, folding);
                    if (on instanceof Const k && Boolean.TRUE.equals(k.value())) {
                        yield SubstitutedConstants.joinedRow(left, values(right));
                    }
                }
                yield left == j.left() && right == j.right() ? j
                        : new NestedLoopJoinNode(j.kind(), left, right, j.condition(), j.lateral());
            }
            case FilterNode f -> {
                PlanNode input = joinedConstantRows(f.input(), folding);
                yield input == f.input() ? f : new FilterNode(input, f.condition());
            }
            case ProjectNode x -> {
                PlanNode input = joinedConstantRows(x.input(), folding);
                yield input == x.input() ? x : new ProjectNode(input, x.expressions());
            }
            case SubqueryScanNode q -> {
                PlanNode input = joinedConstantRows(q.input(), folding);
                yield input == q.input() ? q : new SubqueryScanNode(input, q.alias(), q.columns(), q.junkColumns());
            }
            default -> p;
        };
    }

    /** The column types of a table scan's row, null for other inputs. */
    private static List<Long> tableTypes(PlanNode p) {
        var table = p instanceof SeqScanNode s ? s.table() : p instanceof IndexScanNode s ? s.table() : null;
        return table == null ? null : table.columns().stream().map(c -> c.type()).toList();
    }
}
