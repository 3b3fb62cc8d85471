package org.lakepg.server.exec.operator;

import java.util.Iterator;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.ProjectSetNode;

/** Runs a select list's set-returning calls in lockstep for each input row. */
final class ProjectSet {
    private ProjectSet() {}

    static Iterator<Object[]> open(ProjectSetNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                   ExecContext context) {
        int calls = node.calls().size();
        return new RowIterator() {
            Object[] row;
            Iterator<Object[]>[] sources;

            @Override
            @SuppressWarnings("unchecked")
            protected Object[] computeNext() {
                while (true) {
                    context.checkCancelled();
                    if (row != null) {
                        Object[] out = java.util.Arrays.copyOf(row, row.length + calls);
                        boolean any = false;
                        for (int i = 0; i < calls; i++) {
                            if (sources[i].hasNext()) {
                                out[row.length + i] = sources[i].next()[0];
                                any = true;
                            }
                        }
                        if (any) {
                            return out;
                        }
                        row = null;
                    }
                    if (!input.hasNext()) {
                        return null;
                    }
                    row = input.next();
                    sources = new Iterator[calls];
                    for (int i = 0; i < calls; i++) {
                        sources[i] = FunctionScan.call(node.calls().get(i), true, compiler, row, context);
                    }
                }
            }
        };
    }
}
