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
 */
final class NestedLoopJoin {
    private NestedLoopJoin() {}

    static Iterator<Object[]> open(NestedLoopJoinNode node, Iterator<Object[]> left, Iterator<Object[]> rightInput,
                                   CompiledExpr condition, ExecContext context) {
        List<Object[]> right = new ArrayList<>();
        rightInput.forEachRemaining(right::add);
        boolean[] rightMatched = new boolean[right.size()];
        int leftWidth = node.left().width();
        int rightWidth = node.right().width();
        boolean keepLeft = node.kind() == NestedLoopJoinNode.Kind.LEFT || node.kind() == NestedLoopJoinNode.Kind.FULL;
        boolean keepRight = node.kind() == NestedLoopJoinNode.Kind.RIGHT || node.kind() == NestedLoopJoinNode.Kind.FULL;
        return new RowIterator() {
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
                        position = 0;
                        matched = false;
                    }
                    while (position < right.size()) {
                        int i = position++;
                        Object[] row = combine(current, right.get(i));
                        if (condition == null || Boolean.TRUE.equals(condition.eval(row, context))) {
                            matched = true;
                            rightMatched[i] = true;
                            return row;
                        }
                    }
                    Object[] leftRow = current;
                    current = null;
                    if (keepLeft && !matched) {
                        return combine(leftRow, new Object[rightWidth]);
                    }
                }
            }

            private Object[] combine(Object[] l, Object[] r) {
                Object[] out = new Object[leftWidth + rightWidth];
                System.arraycopy(l, 0, out, 0, leftWidth);
                System.arraycopy(r, 0, out, leftWidth, rightWidth);
                return out;
            }
        };
    }
}
