package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;
import static org.lakepg.server.sql.optimizer.Conjuncts.shift;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntSupplier;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * Join conditions of an inner or LEFT join whose right side is LATERAL, checked inside that side. Its paths are
 * parameterized by the left row anyway, so PostgreSQL enforces every join clause that reads the right relation at
 * the parameterized scan (get_baserel_parampathinfo with join_clause_is_movable_into) rather than at the join: the
 * plan shows them as the scan's {@code Filter}. For a LEFT join this only narrows which right rows match, so the
 * null-extended rows stay the same.
 */
final class LateralQuals {
    private LateralQuals() {}

    /**
     * The join with the conjuncts of {@code conditions} that read the right side moved into it (left columns become
     * parameters set per left row); the others are returned in {@code kept}. The join is returned unchanged when its
     * right side is no plain scan (a subquery scan, an aggregate, a UNION) that such a filter could sit on.
     */
    static NestedLoopJoinNode pushDown(NestedLoopJoinNode j, BoundExpr conditions, IntSupplier paramIds,
                                       List<BoundExpr> kept) {
        List<BoundExpr> all = conditions == null ? List.of() : conjuncts(conditions);
        int leftWidth = j.left().width();
        List<BoundExpr> moved = new ArrayList<>();
        for (BoundExpr c : all) {
            if (pushable(c) && refs(c).nextSetBit(leftWidth) >= 0 && !j.kind().leftOnly()) {
                moved.add(c);
            } else {
                kept.add(c);
            }
        }
        if (moved.isEmpty() || !scanBelow(j.right())) {
            kept.clear();
            kept.addAll(all);
            return j;
        }
        List<Correlation> lateral = new ArrayList<>(j.lateral());
        BoundExpr overRight = ExprRewriter.map(and(moved), e -> {
            if (!(e instanceof InputRef in)) {
                return e;
            }
            if (in.index() >= leftWidth) {
                return new InputRef(in.index() - leftWidth, in.type(), in.typmod(), in.name());
            }
            for (Correlation c : lateral) {
                if (c.value() instanceof InputRef v && v.index() == in.index()) {
                    return new OuterParam(c.id(), in.type(), in.typmod(), in.name());
                }
            }
            int id = paramIds.getAsInt();
            lateral.add(new Correlation(id, in));
            return new OuterParam(id, in.type(), in.typmod(), in.name());
        });
        PlanNode right = filtered(j.right(), overRight);
        if (right == null) {
            kept.clear();
            kept.addAll(all);
            return j;
        }
        return new NestedLoopJoinNode(j.kind(), j.left(), right, null, lateral);
    }

    /** Whether the plan is a scan, under filters and projections, that a pushed condition can filter. */
    private static boolean scanBelow(PlanNode p) {
        return switch (p) {
            case SeqScanNode s -> true;
            case FunctionScanNode f -> true;
            case IndexScanNode i -> !i.indexOnly(); // the keyed scan of an index nested loop: its row has every column
            case FilterNode f -> scanBelow(f.input());
            case ProjectNode x -> scanBelow(x.input());
            case NestedLoopJoinNode n -> n.kind() == NestedLoopJoinNode.Kind.INNER
                    || n.kind() == NestedLoopJoinNode.Kind.LEFT;
            default -> false;
        };
    }

    /**
     * A join inside the lateral side: each condition that reads one input alone filters that input's scan, as
     * join_clause_is_movable_into lets PostgreSQL move a join clause into the parameterized base relation it reads.
     * A LEFT join's inner input is nullable, so conditions on it cannot move there. Null (nothing moved) when a
     * condition reads both inputs or the nullable one: it stays the lateral join's own. The join's inputs are
     * opened again for each run of the lateral side, so a filtered inner input is materialized or hashed per run.
     */
    private static PlanNode intoJoin(NestedLoopJoinNode n, BoundExpr condition) {
        int leftWidth = n.left().width();
        List<BoundExpr> left = new ArrayList<>();
        List<BoundExpr> right = new ArrayList<>();
        for (BoundExpr c : conjuncts(condition)) {
            BitSet read = refs(c);
            if (read.nextSetBit(leftWidth) < 0) {
                left.add(c);
            } else if (read.nextSetBit(0) >= leftWidth && n.kind() == NestedLoopJoinNode.Kind.INNER) {
                right.add(shift(c, -leftWidth));
            } else {
                return null;
            }
        }
        PlanNode l = left.isEmpty() ? n.left() : scanBelow(n.left()) ? filtered(n.left(), and(left)) : null;
        PlanNode r = right.isEmpty() ? n.right() : filteredInner(n.right(), and(right));
        return l == null || r == null ? null : new NestedLoopJoinNode(n.kind(), l, r, n.condition(), n.lateral());
    }

    /** A join's inner input with the condition pushed into its scan (under the hash table of a hash join). */
    private static PlanNode filteredInner(PlanNode p, BoundExpr condition) {
        if (p instanceof HashLookupNode h) {
            PlanNode input = scanBelow(h.input()) ? filtered(h.input(), condition) : null;
            return input == null ? null : new HashLookupNode(input, h.keyColumns(), h.keys());
        }
        return scanBelow(p) ? filtered(p, condition) : null;
    }

    /** The condition (over {@code p}'s row) applied right above the scan, or null when a projection blocks it. */
    private static PlanNode filtered(PlanNode p, BoundExpr condition) {
        return switch (p) {
            case ProjectNode x -> {
                if (!refs(condition).stream().allMatch(i -> pushable(x.expressions().get(i)))) {
                    yield null;
                }
                BoundExpr below = ExprRewriter.map(condition,
                        e -> e instanceof InputRef in ? x.expressions().get(in.index()) : e);
                PlanNode input = filtered(x.input(), below);
                yield input == null ? null : new ProjectNode(input, x.expressions());
            }
            case FilterNode f -> new FilterNode(f.input(), and(List.of(f.condition(), condition)));
            case NestedLoopJoinNode n when n.kind() == NestedLoopJoinNode.Kind.INNER
                    || n.kind() == NestedLoopJoinNode.Kind.LEFT -> intoJoin(n, condition);
            default -> new FilterNode(p, condition);
        };
    }
}
