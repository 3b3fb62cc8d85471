package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.plpgsql.PlHost;
import org.lakepg.server.plpgsql.PlNamespace;
import org.lakepg.server.plpgsql.PlRecord;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.analyzer.TypeCoercion;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The session as PL/pgSQL sees it during one call: embedded statements go through the session's own analysis
 * (with the variables as parameters) and executor, inside the calling statement's transaction.
 */
final class PlpgsqlHost implements PlHost {
    private final StatementExecutor statements;
    private final AnalyzerCatalog catalog;
    private final ExecContext caller;
    private final Transaction txn;
    private final Consumer<PgException> notices;
    private final Map<String, CompiledExpr> casts;

    PlpgsqlHost(StatementExecutor statements, AnalyzerCatalog catalog, ExecContext caller, Transaction txn,
                Consumer<PgException> notices, Map<String, CompiledExpr> casts) {
        this.statements = statements;
        this.catalog = catalog;
        this.caller = caller;
        this.txn = txn;
        this.notices = notices;
        this.casts = casts;
    }

    @Override
    public Prepared prepare(String sql, List<BoundExpr> arguments, Scope variables) {
        List<RawStatement> parsed = SqlParser.parse(sql);
        if (parsed.size() != 1) {
            throw PgException.of(parsed.isEmpty() ? SqlState.SYNTAX_ERROR : SqlState.FEATURE_NOT_SUPPORTED,
                    parsed.isEmpty() ? "syntax error at end of input" : "several commands in one EXECUTE are not supported yet");
        }
        RawStatement raw = parsed.get(0);
        int[] types = arguments.stream().mapToInt(a -> (int) a.type()).toArray();
        Command command = statements.analyzeWithVariables(raw, sql, types, arguments, variables);
        Statement s = raw.statement();
        boolean modifies = s instanceof org.lakepg.server.sql.ast.InsertStmt || s instanceof org.lakepg.server.sql.ast.UpdateStmt
                || s instanceof org.lakepg.server.sql.ast.DeleteStmt;
        if (command instanceof Command.Query q) {
            return new Prepared(q, q.plan().columns(), modifies, false);
        }
        if (s instanceof org.lakepg.server.sql.ast.TransactionStmt) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "transaction commands in PL/pgSQL are not supported yet");
        }
        return new Prepared(command, command.columns(), false, true); // EXPLAIN and SHOW have rows
    }

    @Override
    public Iterator<Object[]> run(Prepared prepared, Object[] parameters) {
        Command command = (Command) prepared.plan();
        if (command instanceof Command.Query q) {
            return statements.open(q, new ExecContext(caller, parameters, caller.tables()));
        }
        Execution done = statements.start(command, caller);
        List<Object[]> rows = new ArrayList<>();
        done.rows().forEachRemaining(command.columns() == null ? row -> { } : rows::add);
        statements.newPlanEpoch();
        return rows.iterator();
    }

    @Override
    public long[] resolveType(String typeText, PlNamespace names, PlFrameTypes frame) {
        String lower = typeText.toLowerCase(Locale.ROOT);
        if (lower.endsWith("%type")) {
            List<String> parts = nameParts(typeText.substring(0, typeText.length() - 5).trim());
            if (parts.size() >= 2) {
                var table = catalog.table(parts.subList(0, parts.size() - 1));
                if (table.isPresent()) {
                    String column = parts.get(parts.size() - 1);
                    for (ColumnInfo c : table.get().columns()) {
                        if (c.name().equals(column)) {
                            return new long[] {c.type(), c.typmod()};
                        }
                    }
                    throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist",
                            column, table.get().name());
                }
            }
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet", typeText);
        }
        var select = (org.lakepg.server.sql.ast.SelectStmt) SqlParser.parse("SELECT NULL::" + typeText).get(0).statement();
        var cast = (org.lakepg.server.sql.ast.TypeCast) select.targetList().get(0).val();
        return statements.expressionAnalyzer().resolveType(cast.typeName());
    }

    private static List<String> nameParts(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\.")) {
            p = p.trim();
            out.add(p.startsWith("\"") && p.endsWith("\"") ? p.substring(1, p.length() - 1) : p.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Override
    public PlRecord emptyRow(String relationName) {
        TableInfo table = catalog.table(nameParts(relationName)).orElseThrow(() -> PgException.of(
                SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", relationName));
        return rowOf(table, new Object[table.columns().size()]);
    }

    @Override
    public PlRecord compositeFields(long type) {
        var declared = catalog.userType(type).filter(t -> t instanceof org.lakepg.server.catalog.types.UserType.Composite)
                .map(t -> ((org.lakepg.server.catalog.types.UserType.Composite) t).attributes());
        if (declared.isPresent()) {
            var attributes = declared.get();
            List<String> names = new ArrayList<>();
            long[] types = new long[attributes.size()];
            int[] typmods = new int[attributes.size()];
            for (int i = 0; i < types.length; i++) {
                names.add(attributes.get(i).name());
                types[i] = attributes.get(i).type();
                typmods[i] = attributes.get(i).typmod();
            }
            return new PlRecord(names, types, typmods, new Object[types.length]);
        }
        long relation = catalog.type(type).map(t -> t.relationOid()).orElse(0L);
        if (relation == 0) {
            return null;
        }
        return catalog.tableByOid(relation).map(t -> rowOf(t, new Object[t.columns().size()])).orElse(null);
    }

    /** A row of a table as a record (NEW and OLD of triggers). */
    static PlRecord rowOf(TableInfo table, Object[] values) {
        List<String> names = new ArrayList<>();
        long[] types = new long[table.columns().size()];
        int[] typmods = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            ColumnInfo c = table.columns().get(i);
            names.add(c.name());
            types[i] = c.type();
            typmods[i] = c.typmod();
        }
        return new PlRecord(names, types, typmods, values);
    }

    @Override
    public Object coerce(Object value, long from, long to, int typmod) {
        if (value == null) {
            return null;
        }
        if (from == TypeOids.UNKNOWN) {
            from = TypeOids.TEXT;
            value = value.toString();
        }
        long source = from;
        String key = from + ":" + to + ":" + typmod;
        CompiledExpr cast = casts.get(key);
        if (cast == null) {
            var analyzer = statements.expressionAnalyzer();
            BoundExpr param = new ParamRef(1, from, -1);
            BoundExpr coerced = analyzer.coercer().tryCoerce(param, to, typmod, TypeCoercion.Context.ASSIGNMENT, -1)
                    .orElseGet(() -> analyzer.coercer().tryCoerce(param, to, typmod, TypeCoercion.Context.EXPLICIT, -1)
                            .orElseGet(() -> viaText(analyzer, param, source, to, typmod)));
            cast = statements.compile(coerced);
            casts.put(key, cast);
        }
        return cast.eval(new Object[0], new ExecContext(caller, new Object[] {value}, caller.tables()));
    }

    /** PL/pgSQL's fallback when no cast exists: the value's text read as the target type. */
    private static BoundExpr viaText(org.lakepg.server.sql.analyzer.ExpressionAnalyzer analyzer, BoundExpr param, long from,
                                     long to, int typmod) {
        BoundExpr text = analyzer.coercer().coerce(param, TypeOids.TEXT, -1, TypeCoercion.Context.EXPLICIT, -1);
        return analyzer.coercer().coerce(text, to, typmod, TypeCoercion.Context.EXPLICIT, -1);
    }

    @Override
    public String text(Object value, long type) {
        if (value instanceof PlRecord r) {
            StringBuilder out = new StringBuilder("(");
            for (int i = 0; i < r.values().length; i++) {
                out.append(i == 0 ? "" : ",");
                Object v = r.values()[i];
                if (v != null) {
                    String t = text(v, r.types()[i]);
                    boolean quote = t.isEmpty() || t.chars().anyMatch(c -> c == ',' || c == '(' || c == ')' || c == '"'
                            || c == '\\' || Character.isWhitespace(c));
                    out.append(quote ? "\"" + t.replace("\\", "\\\\").replace("\"", "\"\"") + "\"" : t);
                }
            }
            return out.append(')').toString();
        }
        if (type == TypeOids.TEXT || type == TypeOids.UNKNOWN || type == TypeOids.VARCHAR || type == TypeOids.NAME
                || type == TypeOids.BPCHAR) {
            // the output function's text: char(n) keeps its padding (a cast to text would strip it)
            return value.toString();
        }
        return (String) coerce(value, type, TypeOids.TEXT, -1);
    }

    @Override
    public long elementType(long arrayType) {
        return catalog.type(arrayType).map(t -> t.elementType()).orElse(0L);
    }

    @Override
    public long arrayType(long elementType) {
        return catalog.type(elementType).map(t -> t.arrayType()).orElse(0L);
    }

    @Override
    public String typeName(long type) {
        return TypeNames.format(catalog, type);
    }

    @Override
    public void notice(PgException notice) {
        notices.accept(notice);
    }

    @Override
    public Object planEpoch() {
        Object transitionTables = catalog instanceof SessionCatalog c ? c.transitionTablesInUse() : null;
        return transitionTables != null ? transitionTables : statements.planEpoch();
    }

    @Override
    public void commandCounterIncrement() {
        txn.commandCounterIncrement();
    }

    @Override
    public void savepoint(String name) {
        txn.savepoint(name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        txn.rollbackToSavepoint(name);
    }

    @Override
    public void releaseSavepoint(String name) {
        txn.releaseSavepoint(name);
    }

    @Override
    public void endTransaction(boolean commit, boolean chain) {
        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s in a procedure is not supported yet",
                commit ? "COMMIT" : "ROLLBACK");
    }

    @Override
    public void checkCancelled() {
        caller.checkCancelled();
    }
}
