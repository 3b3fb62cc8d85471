package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.parser.SqlParser;

/**
 * The bodies of SQL-language functions that are a single expression ({@code RETURN expr} or
 * {@code SELECT expr}), parsed once: such calls are inlined, as PostgreSQL's inline_function does.
 */
public final class SqlFunctionBodies {
    private SqlFunctionBodies() {}

    private static final Map<Long, Optional<Expr>> CACHE = new ConcurrentHashMap<>();

    static Optional<Expr> expression(ProcEntry proc) {
        if (proc.language() != ProcEntry.LANGUAGE_SQL || proc.returnsSet() || proc.securityDefiner()
                || !proc.config().isEmpty()) {
            // a SECURITY DEFINER body runs as its owner, one with SET clauses under its settings: called, never
            // inlined (as in PostgreSQL)
            return Optional.empty();
        }
        if (proc.oid() >= org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID) {
            // CREATE OR REPLACE keeps the OID: user bodies are cached by their text
            return USER_BODIES.computeIfAbsent(proc.source() + "\u0000" + proc.sqlBody(), text -> parseUser(proc));
        }
        return CACHE.computeIfAbsent(proc.oid(), oid -> parse(proc));
    }

    private static final Map<String, Optional<Expr>> USER_BODIES = new ConcurrentHashMap<>();

    /**
     * The statements of a user function's body: its prosrc text, or for a BEGIN ATOMIC / RETURN body the
     * CREATE FUNCTION statement it was defined by (kept as its prosqlbody).
     */
    public static List<org.lakepg.server.sql.ast.Statement> userBody(ProcEntry proc) {
        if (proc.sqlBody() != null) {
            var create = (org.lakepg.server.sql.ast.CreateFunctionStmt) SqlParser.parse(proc.sqlBody()).get(0).statement();
            return create.sqlBody();
        }
        return SqlParser.parse(proc.source()).stream().map(RawStatement::statement).toList();
    }

    /**
     * A user function whose body is one expression (RETURN or a SELECT without FROM) inlines as it; one whose
     * body is one single-column query inlines as a scalar subquery giving its first row, as the function would.
     */
    private static Optional<Expr> parseUser(ProcEntry proc) {
        if (proc.returnType() == org.lakepg.server.catalog.TypeOids.VOID) {
            return Optional.empty();
        }
        List<org.lakepg.server.sql.ast.Statement> body = userBody(proc);
        if (body.size() != 1) {
            return Optional.empty();
        }
        if (body.get(0) instanceof org.lakepg.server.sql.ast.ReturnStmt r) {
            return Optional.of(r.returnval());
        }
        if (!(body.get(0) instanceof SelectStmt s)) {
            return Optional.empty();
        }
        if (s.op() == SelectStmt.SetOperation.NONE && s.targetList().size() == 1 && s.intoClause() == null
                && (s.fromClause() == null || s.fromClause().isEmpty()) && s.whereClause() == null
                && (s.valuesLists() == null || s.valuesLists().isEmpty()) && s.distinctClause() == null
                && (s.groupClause() == null || s.groupClause().isEmpty()) && s.havingClause() == null
                && s.limitCount() == null && s.limitOffset() == null && s.withClause() == null) {
            return Optional.of(s.targetList().get(0).val());
        }
        SelectStmt first = s.limitCount() != null ? s : new SelectStmt(s.distinctClause(), s.intoClause(),
                s.targetList(), s.fromClause(), s.whereClause(), s.groupClause(), s.groupDistinct(), s.havingClause(),
                s.windowClause(), s.valuesLists(), s.sortClause(), s.limitOffset(),
                new org.lakepg.server.sql.ast.AConst(org.lakepg.server.sql.ast.AConst.Kind.INTEGER, "1", -1),
                SelectStmt.LimitOption.COUNT, s.lockingClause(), s.withClause(), s.op(), s.all(), s.larg(), s.rarg());
        return Optional.of(new org.lakepg.server.sql.ast.SubLink(org.lakepg.server.sql.ast.SubLink.Kind.EXPR, null,
                List.of(), first, -1));
    }


    /** The names of a function's input parameters in argument order (null when it names none). */
    static List<String> inputNames(ProcEntry proc) {
        List<String> names = proc.argumentNames();
        if (names == null || proc.argumentModes() == null) {
            return names;
        }
        List<String> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < proc.argumentModes().length && i < names.size(); i++) {
            char mode = proc.argumentModes()[i];
            if (mode == 'i' || mode == 'b' || mode == 'v') {
                inputs.add(names.get(i));
            }
        }
        return inputs;
    }

    private static final Map<String, Expr> DEFAULTS = new ConcurrentHashMap<>();

    /** A default argument's expression, parsed once. */
    static Expr defaultExpression(String sql) {
        return DEFAULTS.computeIfAbsent(sql, text -> {
            var select = (SelectStmt) SqlParser.parse("SELECT " + text).get(0).statement();
            return select.targetList().get(0).val();
        });
    }

    private static Optional<Expr> parse(ProcEntry proc) {
        String text;
        if (proc.sqlBody() != null && !proc.sqlBody().isEmpty()) {
            String body = proc.sqlBody().strip();
            if (!body.startsWith("RETURN ")) {
                return Optional.empty();
            }
            text = "SELECT " + body.substring("RETURN ".length());
        } else {
            text = proc.source();
        }
        try {
            List<RawStatement> statements = SqlParser.parse(text);
            if (statements.size() == 1 && statements.get(0).statement() instanceof SelectStmt s
                    && s.op() == SelectStmt.SetOperation.NONE && s.targetList().size() == 1
                    && (s.fromClause() == null || s.fromClause().isEmpty()) && s.whereClause() == null) {
                return Optional.of(s.targetList().get(0).val());
            }
        } catch (RuntimeException unparsable) {
            // not inlinable; the call reports "not implemented"
        }
        return Optional.empty();
    }
}
