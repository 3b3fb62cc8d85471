package org.lakepg.server.exec.expr;

import org.lakepg.server.exec.ExecContext;

/** An expression ready to run on one input row; returns the value, null for SQL NULL. */
@FunctionalInterface
public interface CompiledExpr {

    Object eval(Object[] row, ExecContext context);
}
