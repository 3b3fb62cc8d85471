package org.lakepg.server.index;

import java.util.HashMap;
import java.util.Map;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;

/**
 * The session statement running on this thread, for index expressions and predicates that call user functions:
 * those bind only against the session's catalog and run only through its function runner. Index maintenance is
 * reached from deep inside storage code (key encoding, unique checks) with no session at hand, so the session
 * registers itself here for each statement it starts; each connection runs its statements on its own thread.
 * Without a registration (catalog maintenance, recovery) only built-in functions bind.
 */
public final class IndexExpressionSession {
    private static final ThreadLocal<IndexExpressionSession> CURRENT = new ThreadLocal<>();

    final AnalyzerCatalog catalog;
    final FunctionContext statement;
    /** Compiled per statement: user functions may be dropped or replaced between statements. */
    final Map<String, IndexExpressions.Compiled> compiled = new HashMap<>();

    private IndexExpressionSession(AnalyzerCatalog catalog, FunctionContext statement) {
        this.catalog = catalog;
        this.statement = statement;
    }

    /** Registers the statement starting on this thread; it stays until the next statement replaces it. */
    public static void start(AnalyzerCatalog catalog, FunctionContext statement) {
        CURRENT.set(new IndexExpressionSession(catalog, statement));
    }

    /** The statement running on this thread, or null outside sessions. */
    static IndexExpressionSession current() {
        return CURRENT.get();
    }
}
