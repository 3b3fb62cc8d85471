package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * PostgreSQL puts a pulled-up subquery's output expressions into the expressions that read them, except where an
 * outer join may null them: there they become PlaceHolderVars, evaluated at the subquery's relation and read from its
 * output (prepjointree.c's pullup_replace_vars). A LEFT JOIN of constant rows ({@link ConstantRelations#joinedConstantRows})
 * is therefore kept as {@code Project(Project(Result, placeholders), outputs)}: the nullable side's values are
 * placeholders, the outputs are the preserved side's plain values and references to the placeholders. After join
 * planning, a nested loop reading such a row as its preserved (left) input computes the plain values above itself, so
 * EXPLAIN shows {@code Output: 1, (2), ((2))} over a {@code Result} whose output is {@code 2}; a row anywhere else
 * is shown as one Result of all its values.
 */
final class SubstitutedConstants {
    private SubstitutedConstants() {}

    /** The constant row {@code left} LEFT JOIN a constant row of the values {@code nullable}, ON a true condition. */
    static PlanNode joinedRow(PlanNode left, List<BoundExpr> nullable) {
        List<BoundExpr> placeholders = new ArrayList<>();
        List<BoundExpr> outputs = new ArrayList<>();
        if (left instanceof ProjectNode x && x.input() instanceof ProjectNode y && y.input() instanceof ResultNode) {
            placeholders.addAll(y.expressions());
            outputs.addAll(x.expressions());
        } else {
            outputs.addAll(ConstantRelations.values(left));
        }
        for (BoundExpr value : nullable) {
            outputs.add(new InputRef(placeholders.size(), value.type(), value.typmod(), null));
            placeholders.add(value);
        }
        return new ProjectNode(new ProjectNode(new ResultNode(), placeholders), outputs);
    }

    /** Whether {@code p} is a constant row with PlaceHolderVars (a LEFT JOIN of constant rows). */
    static boolean placeholders(PlanNode p) {
        return p instanceof ProjectNode x && x.input() instanceof ProjectNode y && y.input() instanceof ResultNode;
    }

    /** The values of a projection of a Result (either form), null for other nodes or no values. */
    static List<BoundExpr> resultValues(PlanNode p) {
        if (p instanceof ProjectNode x && x.input() instanceof ProjectNode y && y.input() instanceof ResultNode) {
            return outputs(x, y);
        }
        return p instanceof ProjectNode x && x.input() instanceof ResultNode && !x.expressions().isEmpty()
                ? x.expressions() : null;
    }

    /** The planned join tree with each such row's plain values computed above the nested loop it is the left of. */
    static PlanNode hoisted(PlanNode p) {
        return switch (p) {
            case FilterNode f -> {
                PlanNode input = hoisted(f.input());
                yield input == f.input() ? f : new FilterNode(input, f.condition());
            }
            case ProjectNode x -> {
                PlanNode input = hoisted(x.input());
                yield input == x.input() ? x : new ProjectNode(input, x.expressions());
            }
            case SubqueryScanNode q -> {
                PlanNode input = hoisted(q.input());
                yield input == q.input() ? q : q.withInput(input);
            }
            case HashLookupNode h -> {
                PlanNode input = hoisted(h.input());
                yield input == h.input() ? h : h.withInput(input);
            }
            case NestedLoopJoinNode j -> {
                PlanNode right = hoisted(j.right());
                if (preservesLeft(j) && !j.hashed() && j.left() instanceof ProjectNode x
                        && x.input() instanceof ProjectNode y && y.input() instanceof ResultNode) {
                    yield above(j, x, y, right);
                }
                PlanNode left = hoisted(j.left());
                yield left == j.left() && right == j.right() ? j
                        : new NestedLoopJoinNode(j.kind(), left, right, j.condition(), j.lateral());
            }
            default -> p;
        };
    }

    private static boolean preservesLeft(NestedLoopJoinNode j) {
        return switch (j.kind()) {
            case INNER, LEFT, SEMI, ANTI -> true;
            case RIGHT, FULL -> false;
        };
    }

    /** The join of the placeholders' Result, under a projection that computes the plain values. */
    private static PlanNode above(NestedLoopJoinNode j, ProjectNode outputs, ProjectNode placeholders, PlanNode right) {
        int leftWidth = outputs.expressions().size();
        int kept = placeholders.expressions().size();
        List<BoundExpr> row = new ArrayList<>(outputs.expressions());
        for (int i = 0; i < right.width(); i++) {
            row.add(new InputRef(kept + i, 0, -1, null));
        }
        List<Correlation> lateral = j.lateral().stream()
                .map(c -> new Correlation(c.id(), over(c.value(), row))).toList();
        BoundExpr condition = j.condition() == null ? null : over(j.condition(), row);
        PlanNode join = new NestedLoopJoinNode(j.kind(), placeholders, right, condition, lateral);
        return new ProjectNode(join, j.kind().leftOnly() ? row.subList(0, leftWidth) : row);
    }

    /** {@code e}, which reads the join's row, over the row {@code row} describes. */
    private static BoundExpr over(BoundExpr e, List<BoundExpr> row) {
        return ExprRewriter.map(e, r -> r instanceof InputRef in && in.index() < row.size() ? typed(row.get(in.index()), in) : r);
    }

    /** A reference keeps the type it was read with. */
    private static BoundExpr typed(BoundExpr target, InputRef read) {
        return target instanceof InputRef in ? new InputRef(in.index(), read.type(), read.typmod(), read.name()) : target;
    }

    /** The row's values: its outputs with the placeholders put in. */
    private static List<BoundExpr> outputs(ProjectNode x, ProjectNode y) {
        return x.expressions().stream().map(e -> ExprRewriter.map(e, r -> r instanceof InputRef in
                && in.index() < y.expressions().size() ? y.expressions().get(in.index()) : r)).toList();
    }
}
