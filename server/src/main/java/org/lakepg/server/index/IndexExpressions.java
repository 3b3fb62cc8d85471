package org.lakepg.server.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.IndexExpressionBinder;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;

/**
 * The key values and predicate of an index for a table row. Plain column keys are read from the row; expression
 * keys and WHERE predicates are parsed from the catalog's text, bound over the table's row and compiled once per
 * index shape (cached), so the catalog's own index maintenance needs no session. An index calling user functions
 * binds against the catalog of the session statement running (IndexExpressionSession) and runs in it.
 */
public final class IndexExpressions {
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    /** Shapes that do not bind with the built-in functions alone (they call user functions). */
    private static final Map<String, PgException> NEED_SESSION = new ConcurrentHashMap<>();

    private IndexExpressions() {}

    /**
     * An index bound over its table: one expression per key column, the predicate (null: none); {@code session}
     * is the statement whose catalog bound a user function call (null: built-in functions only), which runs it.
     */
    public record Compiled(List<BoundExpr> keys, BoundExpr predicate, List<CompiledExpr> compiledKeys,
                           CompiledExpr compiledPredicate, FunctionContext session) {
        /** Whether the expressions call user functions (bound against a session's catalog). */
        public boolean callsUserFunctions() {
            return session != null;
        }

        ExecContext context() {
            return new ExecContext(session == null ? IndexFunctionContext.INSTANCE : session, new Object[0]);
        }
    }

    public static Compiled of(IndexInfo index, TableInfo table) {
        StringBuilder key = new StringBuilder();
        key.append(index.columns()).append('\u001e').append(String.join("\u001e", index.expressions()))
                .append('\u001e').append(index.predicate());
        for (var c : table.columns()) {
            key.append('\u001f').append(c.name()).append(' ').append(c.type()).append(' ').append(c.typmod());
        }
        String cacheKey = key.toString();
        Compiled found = CACHE.get(cacheKey);
        if (found != null) {
            return found;
        }
        PgException builtinFailure = NEED_SESSION.get(cacheKey);
        if (builtinFailure == null) {
            try {
                found = compile(index, table, new BuiltinAnalyzerCatalog(), null);
                if (CACHE.size() > CACHE_LIMIT) {
                    CACHE.clear();
                }
                CACHE.put(cacheKey, found);
                return found;
            } catch (PgException e) {
                if (NEED_SESSION.size() > CACHE_LIMIT) {
                    NEED_SESSION.clear();
                }
                NEED_SESSION.put(cacheKey, e);
                builtinFailure = e;
            }
        }
        IndexExpressionSession session = IndexExpressionSession.current();
        if (session == null) {
            throw builtinFailure;
        }
        found = session.compiled.get(cacheKey);
        if (found == null) {
            found = compile(index, table, session.catalog, session.statement);
            session.compiled.put(cacheKey, found);
        }
        return found;
    }

    private static Compiled compile(IndexInfo index, TableInfo table, AnalyzerCatalog catalog, FunctionContext session) {
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(catalog, WireTypeIO.INSTANCE,
                session == null ? IndexFunctionContext.INSTANCE : session, new ParameterTypes(new int[0]), notice -> { });
        ExprCompiler compiler = new ExprCompiler(FunctionRegistry.builtins(), WireTypeIO.INSTANCE);
        List<BoundExpr> keys = new ArrayList<>();
        int expression = 0;
        for (short attnum : index.columns()) {
            if (attnum == 0) {
                keys.add(IndexExpressionBinder.keyExpression(analyzer, table,
                        DefaultExpressions.parse(index.expressions().get(expression++))));
            } else {
                var c = table.columns().get(attnum - 1);
                keys.add(new InputRef(attnum - 1, c.type(), c.typmod(), c.name()));
            }
        }
        BoundExpr predicate = index.predicate() == null ? null
                : IndexExpressionBinder.predicate(analyzer, table, DefaultExpressions.parse(index.predicate()));
        return new Compiled(List.copyOf(keys), predicate, keys.stream().map(compiler::compile).toList(),
                predicate == null ? null : compiler.compile(predicate), session);
    }

    /** The key column values of a row, in key order. */
    public static Object[] keyValues(IndexInfo index, TableInfo table, Object[] row) {
        Object[] out = new Object[index.columns().size()];
        if (index.expressions().isEmpty()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = row[index.columns().get(i) - 1];
            }
            return out;
        }
        Compiled compiled = of(index, table);
        ExecContext context = compiled.context();
        for (int i = 0; i < out.length; i++) {
            short attnum = index.columns().get(i);
            out[i] = attnum != 0 ? row[attnum - 1] : compiled.compiledKeys().get(i).eval(row, context);
        }
        return out;
    }

    /** The types of the key columns, in key order. */
    public static long[] keyTypes(IndexInfo index, TableInfo table) {
        long[] out = new long[index.columns().size()];
        if (index.expressions().isEmpty()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = table.columns().get(index.columns().get(i) - 1).type();
            }
            return out;
        }
        List<BoundExpr> keys = of(index, table).keys();
        for (int i = 0; i < out.length; i++) {
            out[i] = keys.get(i).type();
        }
        return out;
    }

    /** Whether a row belongs in the index (a partial index holds only the rows its predicate is true for). */
    public static boolean covers(IndexInfo index, TableInfo table, Object[] row) {
        if (index.predicate() == null) {
            return true;
        }
        Compiled compiled = of(index, table);
        Object result = compiled.compiledPredicate().eval(row, compiled.context());
        return Boolean.TRUE.equals(result);
    }
}
