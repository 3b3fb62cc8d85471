package org.lakepg.server.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.plpgsql.PlCompiler;
import org.lakepg.server.plpgsql.PlFunction;
import org.lakepg.server.plpgsql.PlInterpreter;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.DoStmt;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Where the session runs PL/pgSQL: function calls from statements, CALL of procedures, and DO blocks. */
final class PlpgsqlCalls {
    private final StatementExecutor statements;
    private final AnalyzerCatalog catalog;
    private final Supplier<Transaction> transaction;
    private final Consumer<PgException> notices;
    private final Map<String, CompiledExpr> casts = new HashMap<>();
    private int depth;

    PlpgsqlCalls(StatementExecutor statements, AnalyzerCatalog catalog, Supplier<Transaction> transaction,
                 Consumer<PgException> notices) {
        this.statements = statements;
        this.catalog = catalog;
        this.transaction = transaction;
        this.notices = notices;
    }

    PlpgsqlHost host(ExecContext caller) {
        return new PlpgsqlHost(statements, catalog, caller, transaction.get(), notices, casts);
    }

    /** A function call: its value, or for a set-returning function the list of its rows. */
    Object call(ProcEntry proc, Object[] arguments, ExecContext caller) {
        long[] argumentTypes = null;
        if (org.lakepg.server.sql.analyzer.PlpgsqlPolymorphism.hasPolymorphicInput(proc)
                && arguments.length == proc.argumentCount() + 1) {
            argumentTypes = org.lakepg.server.sql.analyzer.PlpgsqlPolymorphism.decode((String) arguments[arguments.length - 1]);
            arguments = java.util.Arrays.copyOf(arguments, arguments.length - 1);
        }
        if (proc.strict()) {
            for (Object a : arguments) {
                if (a == null) {
                    return proc.returnsSet() ? List.of() : null;
                }
            }
        }
        if (proc.returnType() == org.lakepg.server.catalog.TypeOids.TRIGGER
                || proc.returnType() == org.lakepg.server.catalog.TypeOids.EVENT_TRIGGER) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "trigger functions can only be called as triggers");
        }
        PlFunction function = PlCompiler.compile(proc, () -> FunctionSignatures.describe(proc));
        Object[] values = arguments;
        long[] types = argumentTypes;
        return nested(() -> statements.withSecurityOf(proc,
                () -> PlInterpreter.call(function, host(caller), values, types)));
    }

    /** CALL of a procedure: with INOUT parameters one row of their values. */
    Execution callProcedure(ProcEntry proc, Object[] arguments, ExecContext caller) {
        PlFunction function = PlCompiler.compile(proc, () -> FunctionSignatures.describe(proc));
        Object result = nested(() -> statements.withSecurityOf(proc,
                () -> PlInterpreter.call(function, host(caller), arguments, null)));
        if (function.outputs().isEmpty()) {
            return Execution.done("CALL");
        }
        List<org.lakepg.server.sql.plan.OutputColumn> columns = new java.util.ArrayList<>();
        for (var v : function.outputs()) {
            columns.add(org.lakepg.server.sql.plan.OutputColumn.computed(v.name(), v.fixedType(), -1));
        }
        Object[] row = PlInterpreter.outputRow(result, columns.size());
        return new Execution(columns, List.<Object[]>of(row).iterator(), n -> "CALL");
    }

    /** Runs a body with a guard against runaway recursion (PostgreSQL's stack depth limit). */
    <T> T nested(Supplier<T> body) {
        if (++depth > 200) {
            depth--;
            throw PgException.stackDepthExceeded();
        }
        try {
            return body.get();
        } finally {
            depth--;
        }
    }

    /** DO [LANGUAGE plpgsql] 'code'. */
    Execution doBlock(DoStmt s, ExecContext context) {
        String code = null;
        String language = "plpgsql";
        for (DefElem e : s.args()) {
            if (e.defname().equals("as")) {
                code = (String) e.arg();
            } else if (e.defname().equals("language")) {
                language = ((String) e.arg()).toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (code == null) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "no inline code specified");
        }
        if (!language.equals("plpgsql")) {
            throw PgException.of(language.equals("sql") ? SqlState.FEATURE_NOT_SUPPORTED : SqlState.UNDEFINED_OBJECT,
                    language.equals("sql") ? "language \"sql\" does not support inline code execution"
                            : "language \"%s\" does not exist".formatted(language));
        }
        PlFunction function = PlCompiler.compileDo(code);
        nested(() -> PlInterpreter.call(function, host(context), new Object[0], new long[0]));
        return Execution.done("DO");
    }
}
