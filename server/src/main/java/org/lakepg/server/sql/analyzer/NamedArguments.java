package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Puts the arguments of a call with named arguments ({@code f(1, c => 3)}) into the function's parameter order,
 * the parameters nobody named taking their declared defaults, as PostgreSQL's reorder_function_arguments does.
 */
final class NamedArguments {
    private NamedArguments() {
    }

    /**
     * @param positions for each argument in call order, the parameter it binds
     * @param args      the analyzed arguments in call order; replaced by all parameters' values in parameter order
     */
    static ResolvedCall inParameterOrder(ResolvedCall call, int[] positions, List<BoundExpr> args,
                                         ExpressionAnalyzer analyzer) {
        ProcEntry proc = call.proc();
        long[] declared = proc.argumentTypes();
        BoundExpr[] ordered = new BoundExpr[declared.length];
        long[] types = new long[declared.length];
        for (int k = 0; k < positions.length; k++) {
            ordered[positions[k]] = args.get(k);
            types[positions[k]] = call.argumentTypes()[k];
        }
        List<String> defaults = proc.defaultExpressions();
        int firstDefault = declared.length - defaults.size();
        for (int j = 0; j < declared.length; j++) {
            if (ordered[j] == null) {
                if (defaults.isEmpty() || j < firstDefault) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "the defaults of %s are not known", proc.name());
                }
                ordered[j] = analyzer.analyze(SqlFunctionBodies.defaultExpression(defaults.get(j - firstDefault)),
                        Scope.EMPTY);
                types[j] = declared[j];
            }
        }
        args.clear();
        args.addAll(List.of(ordered));
        return new ResolvedCall(proc, types, call.resultType(), false, 0);
    }
}
