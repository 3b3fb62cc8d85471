package org.lakepg.server.exec;

import java.util.Iterator;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.operator.Operators;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.PlanNode;

/** Runs plans as pull-based operator trees: each node becomes an iterator of rows. */
public final class Executor {
    private final Operators operators;

    public Executor(ExprCompiler compiler, FunctionRegistry functions) {
        this.operators = new Operators(compiler, functions);
    }

    public Iterator<Object[]> open(PlanNode plan, ExecContext context) {
        context.setSubplanRunner(p -> operators.open(p, context));
        return operators.open(plan, context);
    }
}
