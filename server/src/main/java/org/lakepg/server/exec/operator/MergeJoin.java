package org.lakepg.server.exec.operator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Merges two inputs sorted on the join keys (PostgreSQL's nodeMergejoin): the right rows are kept in
 * order and a window of them whose keys equal the current left row's is joined with it; right rows
 * the merge has passed without a partner are emitted as it passes them (RIGHT/FULL joins), so the
 * output stays in key order.
 */
final class MergeJoin {
    private MergeJoin() {}

    static Iterator<Object[]> open(MergeJoinNode node, Iterator<Object[]> left, Iterator<Object[]> rightInput,
                                   CompiledExpr condition, FunctionRegistry functions, ExecContext context) {
        List<Object[]> right = new ArrayList<>();
        rightInput.forEachRemaining(right::add);
        boolean[] matched = new boolean[right.size()];
        int leftWidth = node.left().width();
        int rightWidth = node.right().width();
        boolean keepLeft = node.kind() == NestedLoopJoinNode.Kind.LEFT || node.kind() == NestedLoopJoinNode.Kind.FULL;
        boolean keepRight = node.kind() == NestedLoopJoinNode.Kind.RIGHT || node.kind() == NestedLoopJoinNode.Kind.FULL;
        ScalarFunction[] compare = new ScalarFunction[node.leftKeys().size()];
        for (int i = 0; i < compare.length; i++) {
            String source = node.leftKeys().get(i).comparisonSource();
            compare[i] = functions.lookup(source).orElseThrow(() -> PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "comparison function %s is not implemented in lakepg yet", source));
        }
        return new RowIterator() {
            final ArrayDeque<Object[]> pending = new ArrayDeque<>();
            int start;
            boolean leftDone;
            int tail = -1;

            @Override
            protected Object[] computeNext() {
                while (pending.isEmpty()) {
                    context.checkCancelled();
                    if (leftDone) {
                        if (!keepRight) {
                            return null;
                        }
                        if (tail < 0) {
                            tail = start;
                        }
                        while (tail < right.size() && matched[tail]) {
                            tail++;
                        }
                        if (tail >= right.size()) {
                            return null;
                        }
                        return combine(new Object[leftWidth], right.get(tail++));
                    }
                    if (!left.hasNext()) {
                        leftDone = true;
                        continue;
                    }
                    join(left.next());
                }
                return pending.poll();
            }

            private void join(Object[] row) {
                boolean any = false;
                if (!hasNullKey(row)) {
                    while (start < right.size() && compareKeys(row, right.get(start)) > 0) {
                        if (keepRight && !matched[start]) {
                            pending.add(combine(new Object[leftWidth], right.get(start)));
                        }
                        start++;
                    }
                    for (int j = start; j < right.size() && compareKeys(row, right.get(j)) == 0; j++) {
                        Object[] out = combine(row, right.get(j));
                        if (condition == null || Boolean.TRUE.equals(condition.eval(out, context))) {
                            matched[j] = true;
                            any = true;
                            pending.add(out);
                        }
                    }
                }
                if (!any && keepLeft) {
                    pending.add(combine(row, new Object[rightWidth]));
                }
            }

            private boolean hasNullKey(Object[] row) {
                for (SortKey k : node.leftKeys()) {
                    if (row[k.column()] == null) {
                        return true;
                    }
                }
                return false;
            }

            /**
             * The left row's keys against the right row's. A right row with a NULL key matches nothing: it counts as
             * passed once the merge reaches it, so an outer join emits it then, as PostgreSQL's merge join does.
             */
            private int compareKeys(Object[] l, Object[] r) {
                for (int i = 0; i < compare.length; i++) {
                    Object x = l[node.leftKeys().get(i).column()];
                    Object y = r[node.rightKeys().get(i).column()];
                    if (y == null) {
                        return 1;
                    }
                    int c = ((Number) compare[i].apply(new Object[] {x, y}, context)).intValue();
                    if (c != 0) {
                        return Integer.signum(c);
                    }
                }
                return 0;
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
