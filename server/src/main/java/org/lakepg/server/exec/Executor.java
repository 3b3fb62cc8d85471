package org.lakepg.server.exec;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ResultNode;

/** Runs plans as pull-based operator trees: each node becomes an iterator of rows. */
public final class Executor {
    private final ExprCompiler compiler;

    public Executor(ExprCompiler compiler) {
        this.compiler = compiler;
    }

    public Iterator<Object[]> open(PlanNode plan, ExecContext context) {
        return switch (plan) {
            case ResultNode r -> result(r, context);
        };
    }

    private Iterator<Object[]> result(ResultNode node, ExecContext context) {
        List<CompiledExpr> targets = node.targets().stream().map(compiler::compile).toList();
        CompiledExpr filter = node.filter() == null ? null : compiler.compile(node.filter());
        return new Iterator<>() {
            private boolean done;
            private Object[] next;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    done = true;
                    if (filter == null || Boolean.TRUE.equals(filter.eval(new Object[0], context))) {
                        Object[] row = new Object[targets.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = targets.get(i).eval(new Object[0], context);
                        }
                        next = row;
                    }
                }
                return next != null;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = next;
                next = null;
                return row;
            }
        };
    }
}
