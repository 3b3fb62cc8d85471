package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.RangeFunction;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;
import org.lakepg.wire.error.PgException;

/**
 * A set-returning SQL function alone in a FROM item is read as the query of its body, its parameters replaced by
 * the call's arguments, as PostgreSQL's inline_set_returning_function does: the planner then sees through it
 * (quals pushed into the body's scans, the body's indexes used, a Subquery Scan where the body stays apart).
 * Functions PostgreSQL runs as calls stay calls: STRICT (a NULL argument must give no rows), VOLATILE (its own
 * snapshot), SECURITY DEFINER, not SETOF, bodies of several statements or not a plain SELECT, volatile or
 * subquery arguments, WITH ORDINALITY, ROWS FROM and column definition lists.
 */
final class SqlFunctionScans {
    private SqlFunctionScans() {}

    /** The function item's rows as the body's query, named as the function item names them; empty to call it. */
    static Optional<Relation> inline(RangeFunction f, FunctionItems.Analyzed analyzed, QueryAnalyzer analyzer,
                                     ExpressionAnalyzer expressions, AnalyzerCatalog catalog) {
        FunctionScanNode scan = analyzed.plan();
        if (scan.ordinality() || f.isRowsfrom() || scan.functions().size() != 1
                || f.coldeflist() != null && !f.coldeflist().isEmpty()
                || f.functions().get(0).coldeflist() != null && !f.functions().get(0).coldeflist().isEmpty()) {
            return Optional.empty();
        }
        FunctionScanNode.Function function = scan.functions().get(0);
        if (!function.returnsSet() || !(function.call() instanceof FuncExpr call)
                || !ExpressionAnalyzer.SQL_FUNCTION_CALL.equals(call.source())) {
            return Optional.empty();
        }
        ProcEntry proc = catalog.function(call.function()).orElse(null);
        if (proc == null || !inlinable(proc)) {
            return Optional.empty();
        }
        List<BoundExpr> arguments = call.arguments().subList(1, call.arguments().size());
        if (arguments.size() != proc.argumentCount() || arguments.stream().anyMatch(SqlFunctionScans::unsafeArgument)) {
            return Optional.empty();
        }
        List<Statement> body;
        try {
            body = SqlFunctionBodies.userBody(proc);
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
        if (body.size() != 1 || !(body.get(0) instanceof SelectStmt select) || select.intoClause() != null
                || select.withClause() != null || select.lockingClause() != null && !select.lockingClause().isEmpty()) {
            return Optional.empty();
        }
        Relation query;
        try {
            query = expressions.inFunctionBody(proc.name(), SqlFunctionBodies.inputNames(proc), arguments,
                    () -> new QueryAnalyzer(expressions, analyzer.parameters(), catalog).query(select));
        } catch (PgException notInlinable) {
            // the call reports it when it runs, as PostgreSQL does for a body it cannot inline
            return Optional.empty();
        }
        List<OutputColumn> declared = analyzed.columns();
        if (query.columns().size() != declared.size()) {
            return Optional.empty();
        }
        List<OutputColumn> named = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            OutputColumn mine = query.columns().get(i);
            if (mine.type() != declared.get(i).type()) {
                return Optional.empty(); // would need check_sql_fn_retval's coercions: the call does them
            }
            named.add(new OutputColumn(declared.get(i).name(), mine.type(), mine.typmod(), mine.tableOid(),
                    mine.columnNumber()));
        }
        return Optional.of(new Relation(query.plan(), named));
    }

    private static boolean inlinable(ProcEntry proc) {
        return proc.language() == ProcEntry.LANGUAGE_SQL && proc.kind() == ProcEntry.KIND_FUNCTION
                && proc.returnsSet() && !proc.strict() && proc.volatility() != 'v' && !proc.securityDefiner()
                && proc.config().isEmpty()
                && proc.returnType() != TypeOids.VOID && !PlpgsqlPolymorphism.hasPolymorphicInput(proc);
    }

    private static boolean unsafeArgument(BoundExpr argument) {
        return ExprRewriter.any(argument, e -> e instanceof SubqueryExpr
                || e instanceof FuncExpr call && call.volatility() == 'v');
    }
}
