package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.ast.ClosePortalStmt;
import org.lakepg.server.sql.ast.DeclareCursorStmt;
import org.lakepg.server.sql.ast.FetchStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** DECLARE, FETCH, MOVE and CLOSE (PostgreSQL's portalcmds.c). */
final class CursorCommands {
    // PostgreSQL's CURSOR_OPT bits, as the parser sets them
    private static final int BINARY = 0x0001;
    private static final int SCROLL = 0x0002;
    private static final int NO_SCROLL = 0x0004;
    private static final int HOLD = 0x0020;
    private static final short[] BINARY_FORMAT = {1};

    /** How a cursor's query is analyzed and opened. */
    interface Planner {
        QueryPlan plan(org.lakepg.server.sql.ast.Statement query);

        Iterator<Object[]> open(QueryPlan plan, ExecContext context);
    }

    private final Cursors cursors;
    private final TransactionBlock block;

    CursorCommands(Cursors cursors, TransactionBlock block) {
        this.cursors = cursors;
        this.block = block;
    }

    Execution declare(DeclareCursorStmt d, String text, ExecContext context, Planner planner) {
        int options = d.options();
        boolean holdable = (options & HOLD) != 0;
        if (!holdable && (block.state() == TransactionBlock.State.IDLE || block.state() == TransactionBlock.State.STARTED)) {
            throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
        }
        boolean forUpdate = d.query() instanceof SelectStmt s && s.lockingClause() != null && !s.lockingClause().isEmpty();
        if (forUpdate && (options & SCROLL) != 0) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DECLARE SCROLL CURSOR ... FOR UPDATE is not supported")
                    .withDetail("Scrollable cursors must be READ ONLY.");
        }
        if (forUpdate && holdable) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "DECLARE CURSOR WITH HOLD ... FOR UPDATE is not supported")
                    .withDetail("Holdable cursors must be READ ONLY.");
        }
        // FOR UPDATE: the query runs unlocked and the cursor locks each row as it first reads it
        QueryPlan plan = planner.plan(forUpdate ? RowLocking.withoutLocking((SelectStmt) d.query()) : d.query());
        boolean scrollable = (options & SCROLL) != 0
                || (options & NO_SCROLL) == 0 && !forUpdate && Cursors.supportsBackward(plan.root());
        cursors.requireUnused(d.portalname());
        UpdatableCursor updatable = UpdatableCursor.of(plan.root(), forUpdate);
        if (forUpdate && updatable == null) {
            if (RowLocking.aggregates(plan.root())) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "FOR UPDATE is not allowed with aggregate functions");
            }
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "FOR UPDATE/SHARE of this query is not supported yet");
        }
        Iterator<Object[]> rows = planner.open(updatable == null ? plan : new QueryPlan(updatable.plan(), plan.columns(),
                plan.parameterTypes(), plan.tag()), context);
        if (forUpdate) {
            rows = lockingRows(rows, updatable.table(), plan.columns().size(), context);
        }
        Cursor cursor = new Cursor(d.portalname(), text, holdable, (options & BINARY) != 0, scrollable,
                SessionClock.nowMicros(), plan.columns(), rows);
        cursor.context = context;
        context.holdTempFiles(); // a sort's spilled runs are read by FETCH after DECLARE ended
        cursor.scanTable = updatable == null ? null : updatable.table();
        cursor.forUpdate = forUpdate;
        cursors.add(cursor);
        return Execution.done("DECLARE CURSOR");
    }

    /** Rows of a FOR UPDATE cursor, each locked when read; a row deleted or updated meanwhile is left out. */
    private static Iterator<Object[]> lockingRows(Iterator<Object[]> rows, org.lakepg.server.table.TableInfo table,
                                                  int tidAt, ExecContext context) {
        var heap = context.tables().heap(table);
        return new Iterator<>() {
            private Object[] next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Object[] row = rows.next();
                    var result = heap.lock(context.tables().transaction(), (org.lakepg.server.access.heap.Tid) row[tidAt],
                            org.lakepg.server.txn.LockMode.UPDATE, org.lakepg.server.txn.WaitPolicy.BLOCK);
                    if (result instanceof org.lakepg.server.access.heap.WriteResult.Ok
                            || result instanceof org.lakepg.server.access.heap.WriteResult.SelfModified) {
                        next = row;
                    }
                }
                return next != null;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Object[] row = next;
                next = null;
                return row;
            }
        };
    }

    Execution fetch(FetchStmt f, ExecContext reader) {
        Cursor cursor = cursors.get(f.portalname());
        if (cursor.context != null) {
            cursor.context.cancelledWith(reader);
        }
        if (f.ismove()) {
            long moved = cursor.fetch(f.direction(), f.howMany(), null);
            return Execution.done("MOVE " + moved);
        }
        List<Object[]> rows = new ArrayList<>();
        int width = cursor.columns.size();
        // an updatable cursor's rows end with their tid, which the client does not see
        long fetched = cursor.fetch(f.direction(), f.howMany(), cursor.scanTable == null ? rows::add
                : row -> rows.add(java.util.Arrays.copyOf(row, width)));
        return new Execution(cursor.columns, rows.iterator(), n -> "FETCH " + fetched,
                cursor.binary ? BINARY_FORMAT : null);
    }

    /** The columns FETCH returns (for Describe), or null for MOVE. */
    List<org.lakepg.server.sql.plan.OutputColumn> columns(FetchStmt f) {
        Cursor cursor = cursors.get(f.portalname());
        return f.ismove() ? null : cursor.columns;
    }

    /**
     * The tid of the row a cursor is on, for UPDATE/DELETE ... WHERE CURRENT OF on {@code table} (execCurrentOf).
     */
    org.lakepg.server.access.heap.Tid currentOf(String name, org.lakepg.server.table.TableInfo table) {
        Cursor cursor = cursors.get(name);
        if (cursor.holdable && !cursor.declaredInOpenTransaction) {
            throw PgException.of(SqlState.INVALID_CURSOR_STATE, "cursor \"%s\" is held from a previous transaction", name);
        }
        if (cursor.forUpdate && cursor.scanTable.oid() != table.oid()) {
            throw PgException.of(SqlState.INVALID_CURSOR_STATE,
                    "cursor \"%s\" does not have a FOR UPDATE/SHARE reference to table \"%s\"", name, table.name());
        }
        if (cursor.scanTable == null || cursor.scanTable.oid() != table.oid()) {
            throw PgException.of(SqlState.INVALID_CURSOR_STATE, "cursor \"%s\" is not a simply updatable scan of table \"%s\"",
                    name, table.name());
        }
        Object[] row = cursor.currentRow();
        if (row == null) {
            throw PgException.of(SqlState.INVALID_CURSOR_STATE, "cursor \"%s\" is not positioned on a row", name);
        }
        return (org.lakepg.server.access.heap.Tid) row[cursor.columns.size()];
    }

    Execution close(ClosePortalStmt c) {
        cursors.close(c.portalname());
        return Execution.done(c.portalname() == null ? "CLOSE CURSOR ALL" : "CLOSE CURSOR");
    }
}
