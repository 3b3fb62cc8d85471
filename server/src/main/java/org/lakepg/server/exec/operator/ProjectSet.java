package org.lakepg.server.exec.operator;

import java.util.Iterator;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.ProjectSetNode;

/** Runs a select list's set-returning calls in lockstep for each input row. */
final class ProjectSet {
    private ProjectSet() {}

    private static final org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog BUILTIN_TYPES =
            new org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog();

    /** A row of a built-in function's OUT columns as one record value, as a select list shows it. */
    private static Object recordOf(org.lakepg.server.sql.plan.expr.FuncExpr call, Object[] columns) {
        var proc = org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().proc(call.function()).orElseThrow();
        long[] types = java.util.Arrays.copyOf(org.lakepg.server.catalog.OutParameters.types(proc,
                call.arguments().stream().mapToLong(org.lakepg.server.sql.plan.expr.BoundExpr::type).toArray(),
                BUILTIN_TYPES::type), columns.length);
        // the OUT parameters' names name the fields (row_to_json(jsonb_each(..)) gives "key" and "value")
        java.util.List<String> names = org.lakepg.server.catalog.OutParameters.names(proc);
        if (names != null && names.size() != columns.length) {
            names = null;
        }
        return new org.lakepg.server.catalog.types.RowValue(call.type(), types, columns, names);
    }

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
                                Object[] r = sources[i].next();
                                out[row.length + i] = r.length == 1 ? r[0] : recordOf(node.calls().get(i), r);
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
