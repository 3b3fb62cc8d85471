package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.systemcatalog.CatalogSources;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The session's open cursors. They end with their transaction unless declared WITH HOLD: those read all their rows
 * when it commits and stay open until closed (or dropped, when the transaction that declared them rolls back).
 */
final class Cursors {
    private final Map<String, Cursor> byName = new LinkedHashMap<>();

    void add(Cursor cursor) {
        if (byName.containsKey(cursor.name)) {
            throw PgException.of(SqlState.DUPLICATE_CURSOR, "cursor \"%s\" already exists", cursor.name);
        }
        byName.put(cursor.name, cursor);
    }

    /** Fails with 42P03 when a cursor of that name is open (DECLARE checks before it starts the query). */
    void requireUnused(String name) {
        if (byName.containsKey(name)) {
            throw PgException.of(SqlState.DUPLICATE_CURSOR, "cursor \"%s\" already exists", name);
        }
    }

    Cursor get(String name) {
        Cursor cursor = byName.get(name);
        if (cursor == null) {
            throw PgException.of(SqlState.UNDEFINED_CURSOR, "cursor \"%s\" does not exist", name);
        }
        return cursor;
    }

    /** CLOSE name, or CLOSE ALL (name null). */
    void close(String name) {
        if (name == null) {
            byName.values().forEach(Cursor::release);
            byName.clear();
        } else {
            get(name).release();
            byName.remove(name);
        }
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /** Before the transaction commits: WITH HOLD cursors read what they will still need. */
    void beforeCommit() {
        for (Cursor c : byName.values()) {
            if (c.holdable && c.declaredInOpenTransaction) {
                c.materialize();
            }
        }
    }

    /** The transaction ended: its cursors go, held ones stay when it committed. */
    void afterTransaction(boolean committed) {
        Iterator<Cursor> it = byName.values().iterator();
        while (it.hasNext()) {
            Cursor c = it.next();
            if (!c.holdable || c.declaredInOpenTransaction && !committed) {
                c.release();
                it.remove();
            } else {
                c.declaredInOpenTransaction = false;
            }
        }
    }

    List<CatalogSources.CursorRow> rows() {
        List<CatalogSources.CursorRow> out = new ArrayList<>();
        for (Cursor c : byName.values()) {
            out.add(new CatalogSources.CursorRow(c.name, c.statement, c.holdable, c.binary, c.scrollable, c.creationTime));
        }
        return out;
    }

    /**
     * Whether a cursor over this plan may move backward without SCROLL (PostgreSQL's ExecSupportsBackwardScan): scans
     * and sorts can, and what only filters, projects or limits them; a plan that computes rows from others cannot.
     */
    static boolean supportsBackward(PlanNode plan) {
        return switch (plan) {
            case org.lakepg.server.sql.plan.SeqScanNode s -> true;
            case org.lakepg.server.sql.plan.IndexScanNode s -> !s.bitmap(); // a bitmap heap scan cannot go back
            case org.lakepg.server.sql.plan.SystemScanNode s -> true;
            case org.lakepg.server.sql.plan.FunctionScanNode s -> true;
            case org.lakepg.server.sql.plan.ValuesNode v -> true;
            case org.lakepg.server.sql.plan.CteScanNode c -> true;
            case org.lakepg.server.sql.plan.SortNode s -> true;
            case org.lakepg.server.sql.plan.ProjectNode p -> supportsBackward(p.input());
            case org.lakepg.server.sql.plan.FilterNode f -> supportsBackward(f.input());
            case org.lakepg.server.sql.plan.LimitNode l -> supportsBackward(l.input());
            case org.lakepg.server.sql.plan.AppendNode a -> a.inputs().stream().allMatch(Cursors::supportsBackward);
            default -> false;
        };
    }
}
