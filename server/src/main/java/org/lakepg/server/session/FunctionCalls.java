package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.Executor;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.analyzer.PlpgsqlPolymorphism;
import org.lakepg.server.sql.analyzer.QueryAnalyzer;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.analyzer.SqlFunctionBodies;
import org.lakepg.server.sql.analyzer.TypeCoercion;
import org.lakepg.server.sql.ast.CallStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.ReturnStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/**
 * Running SQL functions and procedures: CALL, and calls of functions the analyzer could not inline, whose
 * statements run inside the calling statement with the argument values as parameters.
 */
final class FunctionCalls {
    private final RoleAccess roles;
    private final AnalyzerCatalog catalog;
    private final Privileges privileges;

    private PlpgsqlCalls plpgsql;

    void setPlpgsql(PlpgsqlCalls plpgsql) {
        this.plpgsql = plpgsql;
    }

    FunctionCalls(RoleAccess roles, AnalyzerCatalog catalog, Privileges privileges) {
        this.roles = roles;
        this.catalog = catalog;
        this.privileges = privileges;
    }

    // ---- calls that are not inlined ----

    /** The analyzed body of a function, good while the snapshot it was analyzed under is the statement's. */
    private record CachedBody(Object snapshot, String text, List<FunctionBodyAnalysis.Analyzed> statements) {}

    private final java.util.Map<Long, CachedBody> bodies = new java.util.HashMap<>();

    /**
     * Runs a SQL function's statements with the argument values as its parameters, inside the calling
     * statement; the result is the first column of the last statement's first row (NULL without one, and
     * for void functions), converted to the declared type. A set-returning function gives all the rows of its
     * last statement. A function with polymorphic parameters gets its arguments' actual types as a trailing
     * argument (see PlpgsqlPolymorphism), and its body is analyzed for them.
     */
    Object invoke(long oid, Object[] args, ExecContext caller, Transaction txn,
                  Function<ParameterTypes, QueryAnalyzer> analyzers, Executor executor,
                  java.util.function.BiConsumer<Statement, ExecContext> utilities) {
        ProcEntry proc = catalog.function(oid).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_FUNCTION,
                "function with OID %d does not exist", oid));
        long[] actualTypes = proc.argumentTypes();
        if (PlpgsqlPolymorphism.hasPolymorphicInput(proc) && args.length == proc.argumentCount() + 1) {
            actualTypes = PlpgsqlPolymorphism.decode((String) args[args.length - 1]);
            args = java.util.Arrays.copyOf(args, args.length - 1);
        }
        if (proc.strict()) {
            for (Object a : args) {
                if (a == null) {
                    return proc.returnsSet() ? List.of() : null;
                }
            }
        }
        String text = proc.source() + "\u0000" + proc.sqlBody() + "\u0000" + java.util.Arrays.toString(actualTypes);
        CachedBody cached = bodies.get(oid);
        if (cached == null || cached.snapshot() != txn.snapshot() || !cached.text().equals(text)) {
            List<FunctionBodyAnalysis.Analyzed> statements = new ArrayList<>();
            for (Statement statement : SqlFunctionBodies.userBody(proc)) {
                Statement runnable = statement instanceof ReturnStmt r ? FunctionBodyAnalysis.selectOf(r.returnval()) : statement;
                statements.add(FunctionBodyAnalysis.analyze(proc, actualTypes, FunctionBodyAnalysis.inputNames(proc),
                        runnable, analyzers, catalog));
            }
            cached = new CachedBody(txn.snapshot(), text, statements);
            bodies.put(oid, cached);
        }
        Object result = null;
        List<Object[]> set = new ArrayList<>();
        List<FunctionBodyAnalysis.Analyzed> statements = cached.statements();
        for (int i = 0; i < statements.size(); i++) {
            boolean last = i == statements.size() - 1;
            ExecContext run = new ExecContext(caller, args, caller.tables());
            if (statements.get(i).utility() != null) {
                utilities.accept(statements.get(i).utility(), run);
                txn.commandCounterIncrement();
                continue;
            }
            Iterator<Object[]> rows = executor.open(statements.get(i).plan().root(), run);
            if (last && proc.returnsSet()) {
                List<org.lakepg.server.sql.plan.OutputColumn> columns = statements.get(i).columns();
                while (rows.hasNext()) {
                    caller.checkCancelled();
                    set.add(setRow(proc, columns, rows.next()));
                }
            } else if (last) {
                if (rows.hasNext() && statements.get(i).columns() != null) {
                    Object[] row = rows.next();
                    result = row.length == 0 ? null : row[0];
                    long actual = statements.get(i).columns().get(0).type();
                    if (result != null && actual != proc.returnType() && proc.returnType() != TypeOids.VOID
                            && !PlpgsqlPolymorphism.isPolymorphic(proc.returnType())) {
                        result = WireTypeIO.viaText(result, actual, proc.returnType());
                    }
                }
                while (rows.hasNext()) {
                    rows.next(); // a data-modifying last statement does all its rows
                }
            } else {
                while (rows.hasNext()) {
                    rows.next();
                    caller.checkCancelled();
                }
                txn.commandCounterIncrement();
            }
        }
        if (proc.returnsSet()) {
            return set;
        }
        return proc.returnType() == TypeOids.VOID ? null : result;
    }

    /**
     * A row of a set-returning function's last query: one value for a scalar result type, else all columns; each
     * converted to its declared type (RETURNS TABLE / OUT columns), as check_sql_fn_retval coerces them.
     */
    private static Object[] setRow(ProcEntry proc, List<org.lakepg.server.sql.plan.OutputColumn> columns, Object[] row) {
        if (columns == null) {
            return new Object[0];
        }
        List<Long> declared = new ArrayList<>();
        if (proc.argumentModes() != null) {
            for (int i = 0; i < proc.argumentModes().length; i++) {
                char m = proc.argumentModes()[i];
                if (m == 'o' || m == 'b' || m == 't') {
                    declared.add(proc.allArgumentTypes()[i]);
                }
            }
        }
        if (declared.isEmpty()) {
            declared.add(proc.returnType());
        }
        Object[] out = columns.size() == 1 && declared.size() == 1 ? new Object[] {row.length == 0 ? null : row[0]}
                : row.clone();
        for (int i = 0; i < out.length && i < declared.size() && i < columns.size(); i++) {
            long to = declared.get(i);
            long from = columns.get(i).type();
            if (out[i] != null && from != to && to != TypeOids.RECORD && to != TypeOids.VOID
                    && !PlpgsqlPolymorphism.isPolymorphic(to) && (declared.size() > 1 || columns.size() == 1)) {
                out[i] = WireTypeIO.viaText(out[i], from, to); // an implicitly coercible type, through text
            }
        }
        return out;
    }

    // ---- CALL ----

    Execution call(CallStmt s, Transaction txn, ExecContext context, Function<ParameterTypes, QueryAnalyzer> analyzers,
                   Executor executor) {
        var f = s.funccall();
        QueryAnalyzer top = analyzers.apply(new ParameterTypes(new int[0]));
        ExpressionAnalyzer expressions = top.expressions();
        List<BoundExpr> args = new ArrayList<>();
        for (Expr arg : f.args()) {
            args.add(expressions.analyze(arg, Scope.EMPTY));
        }
        long[] argTypes = args.stream().mapToLong(BoundExpr::type).toArray();
        String name = f.funcname().get(f.funcname().size() - 1);
        var resolver = new org.lakepg.server.sql.analyzer.FunctionResolver(new TypeCoercion(catalog));
        org.lakepg.server.sql.analyzer.ResolvedCall call;
        try {
            call = resolver.resolve(name, catalog.functions(f.funcname()), argTypes, f.funcVariadic());
        } catch (PgException e) {
            if (e.sqlState() == SqlState.UNDEFINED_FUNCTION) {
                throw PgException.of(SqlState.UNDEFINED_FUNCTION, "procedure %s does not exist",
                        FunctionSignatures.describe(name, argTypes)).withHint(
                        "No procedure matches the given name and argument types. You might need to add explicit type casts.");
            }
            throw e;
        }
        ProcEntry proc = call.proc();
        if (proc.kind() != ProcEntry.KIND_PROCEDURE) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "%s is not a procedure", FunctionSignatures.describe(proc))
                    .withHint("To call a function, use SELECT.");
        }
        if (proc.oid() >= FIRST_USER_OID && !roles.superuser()) {
            privileges.checkExecute(txn.snapshot(), List.of(new RelationAccessLog.Access(proc.oid(), proc.name(), false, -1)));
        }
        for (int i = args.size(); i < proc.argumentCount(); i++) {
            List<String> defaults = proc.defaultExpressions();
            String d = defaults.get(defaults.size() - (proc.argumentCount() - i));
            Expr parsed = ((SelectStmt) org.lakepg.server.sql.parser.SqlParser.parse("SELECT " + d).get(0).statement())
                    .targetList().get(0).val();
            args.add(expressions.analyze(parsed, Scope.EMPTY));
        }
        ExprCompiler compiler = new ExprCompiler(FunctionRegistry.builtins(), WireTypeIO.INSTANCE);
        Object[] values = new Object[proc.argumentCount()];
        for (int i = 0; i < values.length; i++) {
            BoundExpr coerced = expressions.coercer().coerce(args.get(i), proc.argumentTypes()[i], -1,
                    TypeCoercion.Context.IMPLICIT, -1);
            values[i] = compiler.compile(coerced).eval(new Object[0], context);
        }
        if (proc.language() == ProcEntry.LANGUAGE_PLPGSQL) {
            return plpgsql.callProcedure(proc, values, context);
        }
        List<String> inputNames = FunctionBodyAnalysis.inputNames(proc);
        for (Statement statement : SqlFunctionBodies.userBody(proc)) {
            FunctionBodyAnalysis.Analyzed a = FunctionBodyAnalysis.analyze(proc, inputNames, statement, analyzers, catalog);
            if (a.utility() != null) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s in a SQL procedure body is not supported yet",
                        StatementExecutor.describe(a.utility()));
            }
            if (a.plan() != null) {
                ExecContext run = new ExecContext(context, values, context.tables());
                for (Iterator<Object[]> rows = executor.open(a.plan().root(), run); rows.hasNext(); ) {
                    rows.next();
                    context.checkCancelled();
                }
            }
            txn.startStatement();
        }
        return Execution.done("CALL");
    }

}
