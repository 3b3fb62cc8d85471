package org.lakepg.server.session;

import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExecuteParameters;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.ast.DeallocateStmt;
import org.lakepg.server.sql.ast.ExecuteStmt;
import org.lakepg.server.sql.ast.PrepareStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeName;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** PREPARE, EXECUTE and DEALLOCATE (PostgreSQL's prepare.c). */
final class PreparedCommands {

    /** Analysis of a statement with given parameter types (0 = to be inferred). */
    interface Analysis {
        Command analyze(Statement statement, int[] parameterTypes);
    }

    private final PreparedStatements statements;

    PreparedCommands(PreparedStatements statements) {
        this.statements = statements;
    }

    Execution prepare(PrepareStmt p, String text, ExpressionAnalyzer expressions, Analysis analysis) {
        List<TypeName> declared = p.argtypes() == null ? List.of() : p.argtypes();
        int[] types = new int[declared.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = (int) expressions.resolveType(declared.get(i))[0];
        }
        Command command = analysis.analyze(p.query(), types);
        statements.add(new PreparedStatements.Entry(p.name(), text, p.query(), command.parameterTypes(),
                SessionClock.nowMicros()));
        return Execution.done("PREPARE");
    }

    /** The prepared statement analyzed for this run, with the values of its parameters. */
    record Bound(Command command, Object[] parameters) {}

    Bound bind(ExecuteStmt e, ExpressionAnalyzer expressions, AnalyzerCatalog catalog, ExprCompiler compiler,
               ExecContext context, Analysis analysis) {
        PreparedStatements.Entry entry = statements.get(e.name());
        Command command = analysis.analyze(entry.statement, types(entry));
        List<BoundExpr> arguments = ExecuteParameters.bind(expressions, catalog, e.name(), e.params(),
                entry.parameterTypes);
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = compiler.compile(arguments.get(i)).eval(new Object[0], context);
        }
        entry.executed();
        return new Bound(command, values);
    }

    /** The types of the $n EXECUTE's arguments use (extended protocol), inferred from the parameters they fill. */
    long[] argumentTypes(ExecuteStmt e, ExpressionAnalyzer expressions,
                         org.lakepg.server.sql.analyzer.ParameterTypes parameters, AnalyzerCatalog catalog) {
        PreparedStatements.Entry entry = statements.get(e.name());
        ExecuteParameters.bind(expressions, catalog, e.name(), e.params(), entry.parameterTypes);
        return parameters.resolved();
    }

    /** The columns EXECUTE returns (for Describe). */
    List<OutputColumn> columns(ExecuteStmt e, Analysis analysis) {
        PreparedStatements.Entry entry = statements.get(e.name());
        return analysis.analyze(entry.statement, types(entry)).columns();
    }

    Execution deallocate(DeallocateStmt d) {
        statements.deallocate(d.name());
        return Execution.done(d.name() == null ? "DEALLOCATE ALL" : "DEALLOCATE");
    }

    private static int[] types(PreparedStatements.Entry entry) {
        return ints(entry.parameterTypes);
    }

    static int[] ints(long[] types) {
        int[] out = new int[types.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) types[i];
        }
        return out;
    }
}
