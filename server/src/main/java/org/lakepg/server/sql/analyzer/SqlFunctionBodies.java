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
final class SqlFunctionBodies {
    private SqlFunctionBodies() {}

    private static final Map<Long, Optional<Expr>> CACHE = new ConcurrentHashMap<>();

    static Optional<Expr> expression(ProcEntry proc) {
        if (proc.language() != ProcEntry.LANGUAGE_SQL || proc.returnsSet()) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(proc.oid(), oid -> parse(proc));
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
