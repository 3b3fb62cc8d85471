package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.ModifyAnalyzer;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.analyzer.QueryAnalyzer;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.ReturnStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Analysis of the statements of a SQL function's body, with $n and the parameter names as its parameters. */
final class FunctionBodyAnalysis {
    private FunctionBodyAnalysis() {}

    /**
     * One analyzed body statement: its plan (null for a RETURN and a utility statement), the columns it returns (null:
     * none), and the utility statement the function runs as a command of its own (null for queries).
     */
    record Analyzed(QueryPlan plan, List<OutputColumn> columns, Statement utility) {
        Analyzed(QueryPlan plan, List<OutputColumn> columns) {
            this(plan, columns, null);
        }
    }

    /** Analyzes a body statement with $n and the parameter names standing for parameters of the input types. */
    static Analyzed analyze(ProcEntry proc, List<String> inputNames, Statement statement,
                            Function<ParameterTypes, QueryAnalyzer> analyzers, AnalyzerCatalog catalog) {
        return analyze(proc, proc.argumentTypes(), inputNames, statement, analyzers, catalog);
    }

    /** The same, the parameters being of {@code argumentTypes} (a polymorphic function's actual argument types). */
    static Analyzed analyze(ProcEntry proc, long[] argumentTypes, List<String> inputNames, Statement statement,
                            Function<ParameterTypes, QueryAnalyzer> analyzers, AnalyzerCatalog catalog) {
        int[] declared = Arrays.stream(argumentTypes).mapToInt(t -> (int) t).toArray();
        ParameterTypes parameters = new ParameterTypes(declared);
        QueryAnalyzer queries = analyzers.apply(parameters);
        ExpressionAnalyzer expressions = queries.expressions();
        List<BoundExpr> arguments = new ArrayList<>();
        for (int i = 0; i < declared.length; i++) {
            arguments.add(new ParamRef(i + 1, argumentTypes[i], -1));
        }
        return expressions.inFunctionBody(proc.name(), inputNames, arguments, () -> switch (statement) {
            case SelectStmt select -> {
                QueryPlan plan = queries.select(select);
                yield new Analyzed(plan, plan.columns());
            }
            case InsertStmt insert -> analyzed(new ModifyAnalyzer(expressions, queries, parameters, catalog).insert(insert));
            case UpdateStmt update -> analyzed(new ModifyAnalyzer(expressions, queries, parameters, catalog).update(update));
            case DeleteStmt delete -> analyzed(new ModifyAnalyzer(expressions, queries, parameters, catalog).delete(delete));
            case CreateTableAsStmt create -> {
                // analyzed now for its errors (an unknown table), run as the utility command it is
                if (create.query() instanceof SelectStmt select) {
                    queries.select(select);
                }
                yield new Analyzed(null, null, create);
            }
            case ReturnStmt r -> {
                BoundExpr e = expressions.analyze(r.returnval(), Scope.EMPTY);
                yield new Analyzed(null, List.of(OutputColumn.computed("?column?", e.type(), -1)));
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "%s in a SQL function body is not supported yet", StatementExecutor.describe(statement));
        });
    }

    private static Analyzed analyzed(QueryPlan plan) {
        return new Analyzed(plan, plan.columns() == null || plan.columns().isEmpty() ? null : plan.columns());
    }

    /** The names of the input parameters, in argument order (null when none is named). */
    static List<String> inputNames(ProcEntry proc) {
        if (proc.argumentNames() == null) {
            return null;
        }
        if (proc.argumentModes() == null) {
            return proc.argumentNames();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < proc.argumentModes().length; i++) {
            char m = proc.argumentModes()[i];
            if (m == 'i' || m == 'b' || m == 'v') {
                out.add(proc.argumentNames().get(i));
            }
        }
        return out;
    }

    /** RETURN expr as the SELECT it means. */
    static SelectStmt selectOf(Expr expr) {
        return new SelectStmt(null, null, List.of(new org.lakepg.server.sql.ast.ResTarget(null, List.of(), expr, -1)),
                List.of(), null, List.of(), false, null, List.of(), List.of(), List.of(), null, null,
                SelectStmt.LimitOption.DEFAULT, List.of(), null, SelectStmt.SetOperation.NONE, false, null, null);
    }
}
