package org.lakepg.server.exec.operator;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.srf.SetReturningFunctions;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Runs the functions of a FROM item and zips their rows (PostgreSQL's FunctionScan). */
final class FunctionScan {
    private FunctionScan() {}

    /** The rows of one set-returning call: its arguments evaluated once, then its code; a strict one gives no rows for a NULL. */
    static Iterator<Object[]> call(BoundExpr call, boolean returnsSet, ExprCompiler compiler, Object[] row,
                                   ExecContext context) {
        if (!returnsSet) {
            Object value = compiler.compile(call).eval(row, context);
            // a function with several OUT parameters gives its row as an array of their values
            return Collections.singletonList(value instanceof Object[] columns ? columns : new Object[] {value}).iterator();
        }
        FuncExpr f = (FuncExpr) call;
        // built-in SQL-language functions (BEGIN ATOMIC bodies, prosrc empty) that lakepg runs natively go by OID
        String source = f.source().isEmpty() ? "oid:" + f.function() : f.source();
        var code = SetReturningFunctions.builtins().lookup(source).orElseThrow(() -> PgException.of(
                SqlState.FEATURE_NOT_SUPPORTED, "function %s is not implemented in lakepg yet", f.name()));
        Object[] args = new Object[f.arguments().size()];
        for (int i = 0; i < args.length; i++) {
            CompiledExpr arg = compiler.compile(f.arguments().get(i));
            args[i] = arg.eval(row, context);
            if (args[i] == null && f.strict()) {
                return Collections.emptyIterator();
            }
        }
        return code.rows(args, context);
    }

    /** A row value's fields as the function's columns (a NULL row: all NULL). */
    private static Object[] spread(Object[] r, int columns) {
        if (r.length != 1 || !(r[0] == null || r[0] instanceof org.lakepg.server.catalog.types.RowValue)) {
            return r;
        }
        Object[] out = new Object[columns];
        if (r[0] instanceof org.lakepg.server.catalog.types.RowValue row) {
            System.arraycopy(row.values(), 0, out, 0, Math.min(columns, row.size()));
        }
        return out;
    }

    static Iterator<Object[]> open(FunctionScanNode node, ExprCompiler compiler, ExecContext context) {
        List<FunctionScanNode.Function> functions = node.functions();
        @SuppressWarnings("unchecked")
        Iterator<Object[]>[] sources = new Iterator[functions.size()];
        Object[] none = new Object[0];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = call(functions.get(i).call(), functions.get(i).returnsSet(), compiler, none, context);
        }
        int width = node.width();
        return new RowIterator() {
            long ordinal;

            @Override
            protected Object[] computeNext() {
                context.checkCancelled();
                Object[] out = new Object[width];
                boolean any = false;
                int at = 0;
                for (int i = 0; i < sources.length; i++) {
                    int columns = functions.get(i).columns();
                    if (sources[i].hasNext()) {
                        Object[] r = sources[i].next();
                        if (functions.get(i).spreadsRow()) {
                            r = spread(r, columns);
                        }
                        System.arraycopy(r, 0, out, at, columns);
                        any = true;
                    }
                    at += columns;
                }
                if (!any) {
                    return null;
                }
                if (node.ordinality()) {
                    out[at] = ++ordinal;
                }
                return out;
            }
        };
    }
}
