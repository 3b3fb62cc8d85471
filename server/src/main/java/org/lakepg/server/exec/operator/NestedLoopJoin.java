package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;

/**
 * Joins by nested loops over a materialized right side; outer joins emit unmatched rows padded
 * with NULLs (right/full unmatched right rows after all left rows, as PostgreSQL's hash join would).
 * A LATERAL right side is rerun for each left row (only inner and left joins can be lateral).
 */
final class NestedLoopJoin {
    private NestedLoopJoin() {}

    /** Opens the right side, for one left row when the right side is LATERAL. */
    interface RightSide {
        Iterator<Object[]> open(Object[] leftRow);
    }

    static Iterator<Object[]> open(NestedLoopJoinNode node, Iterator<Object[]> left, RightSide rightSide,
                                   CompiledExpr condition, ExecContext context) {
        boolean lateral = !node.lateral().isEmpty();
        List<Object[]> materialized = new ArrayList<>();
        if (!lateral) {
            rightSide.open(null).forEachRemaining(materialized::add);
        }
        boolean[] rightMatched = new boolean[materialized.size()];
        int leftWidth = node.left().width();
        int rightWidth = node.right().width();
        boolean keepLeft = node.kind() == NestedLoopJoinNode.Kind.LEFT || node.kind() == NestedLoopJoinNode.Kind.FULL;
        boolean keepRight = node.kind() == NestedLoopJoinNode.Kind.RIGHT || node.kind() == NestedLoopJoinNode.Kind.FULL;
        if (node.kind() == NestedLoopJoinNode.Kind.FULL && !lateral
                && node.condition() instanceof org.lakepg.server.sql.plan.expr.Const c && !Boolean.TRUE.equals(c.value())) {
            return constantFalseFullJoin(left, materialized, leftWidth, rightWidth);
        }
        boolean semi = node.kind() == NestedLoopJoinNode.Kind.SEMI;
        boolean anti = node.kind() == NestedLoopJoinNode.Kind.ANTI;
        return new RowIterator() {
            List<Object[]> right = materialized;
            Object[] current;
            int position;
            boolean matched;
            int unmatchedRight = -1;

            @Override
            protected Object[] computeNext() {
                while (true) {
                    context.checkCancelled();
                    if (unmatchedRight >= 0) {
                        while (unmatchedRight < right.size()) {
                            int i = unmatchedRight++;
                            if (!rightMatched[i]) {
                                return combine(new Object[leftWidth], right.get(i));
                            }
                        }
                        return null;
                    }
                    if (current == null) {
                        if (!left.hasNext()) {
                            if (keepRight) {
                                unmatchedRight = 0;
                                continue;
                            }
                            return null;
                        }
                        current = left.next();
                        if (lateral) {
                            right = new ArrayList<>();
                            rightSide.open(current).forEachRemaining(right::add);
                        }
                        position = 0;
                        matched = false;
                    }
                    while (position < right.size()) {
                        int i = position++;
                        Object[] row = combine(current, right.get(i));
                        if (condition == null || Boolean.TRUE.equals(condition.eval(row, context))) {
                            if (semi || anti) {
                                // the first match decides: a semi join keeps the left row once, an anti join drops it
                                matched = true;
                                position = right.size();
                                break;
                            }
                            matched = true;
                            if (keepRight) {
                                rightMatched[i] = true;
                            }
                            return row;
                        }
                    }
                    Object[] leftRow = current;
                    current = null;
                    if (keepLeft && !matched) {
                        return combine(leftRow, new Object[rightWidth]);
                    }
                    if (semi && matched || anti && !matched) {
                        return leftRow;
                    }
                }
            }

            private Object[] combine(Object[] l, Object[] r) {
                return NestedLoopJoin.combine(l, r, leftWidth, rightWidth);
            }
        };
    }

    /**
     * FULL JOIN ON false: no pair matches, so every right row and every left row comes out padded. PostgreSQL runs
     * it as a merge join whose constant-false qual makes each outer row compare greater than every inner row
     * (mj_ConstFalseJoin), so the inner rows are filled first as the merge passes them, then the outer ones.
     */
    private static Iterator<Object[]> constantFalseFullJoin(Iterator<Object[]> left, List<Object[]> right,
                                                           int leftWidth, int rightWidth) {
        Iterator<Object[]> rights = right.iterator();
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                if (rights.hasNext()) {
                    return combine(new Object[leftWidth], rights.next(), leftWidth, rightWidth);
                }
                return left.hasNext() ? combine(left.next(), new Object[rightWidth], leftWidth, rightWidth) : null;
            }
        };
    }

    private static Object[] combine(Object[] l, Object[] r, int leftWidth, int rightWidth) {
        Object[] out = new Object[leftWidth + rightWidth];
        System.arraycopy(l, 0, out, 0, leftWidth);
        System.arraycopy(r, 0, out, leftWidth, rightWidth);
        return out;
    }
}
