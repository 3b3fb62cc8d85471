package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.lakepg.server.sql.ast.FetchStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * An open cursor (DECLARE ... CURSOR): the rows of its query, read on demand, and its position. FETCH and MOVE
 * follow PostgreSQL's portal rules (DoPortalRunFetch / PortalRunSelect) on top of a store: rows read so far are
 * kept when the cursor can scroll, so it can move back; a NO SCROLL cursor keeps none. A WITH HOLD cursor reads
 * all its rows into the store when its transaction commits, as PostgreSQL's PersistHoldablePortal does.
 */
final class Cursor {
    /** FETCH ALL's count. */
    static final long ALL = Long.MAX_VALUE;

    final String name;
    final String statement;
    final boolean holdable;
    final boolean binary;
    final boolean scrollable;
    final long creationTime;
    final List<OutputColumn> columns;
    /** The table a simply updatable cursor scans (its rows then end with the row's tid), else null. */
    org.lakepg.server.table.TableInfo scanTable;
    /** Declared FOR UPDATE: it locks the rows it reads. */
    boolean forUpdate;
    /** The row the cursor is on, null when before the first or after the last. */
    private Object[] currentRow;
    /** The DECLARE statement's context the query runs in (null once all rows are read). */
    org.lakepg.server.exec.ExecContext context;
    /** Still open in the transaction that declared it (a rollback drops it even when holdable). */
    boolean declaredInOpenTransaction = true;

    /** The query's rows not yet read, or null once all are in the store. */
    private Iterator<Object[]> source;
    /** Rows base+1 .. base+store.size() (1-based row numbers). */
    private final List<Object[]> store = new ArrayList<>();
    private long base;
    /** The number of rows, once the source is exhausted; -1 before. */
    private long size = -1;
    /** Row the executor is on: 0 before the first, size+1 after the last. */
    private long current;

    // PostgreSQL's portal state
    private boolean atStart = true;
    private boolean atEnd;
    private long portalPos;

    Cursor(String name, String statement, boolean holdable, boolean binary, boolean scrollable, long creationTime,
           List<OutputColumn> columns, Iterator<Object[]> rows) {
        this.name = name;
        this.statement = statement;
        this.holdable = holdable;
        this.binary = binary;
        this.scrollable = scrollable;
        this.creationTime = creationTime;
        this.columns = columns;
        this.source = rows;
    }

    /** The row the cursor is on (WHERE CURRENT OF), or null. */
    Object[] currentRow() {
        return atStart || atEnd ? null : currentRow;
    }

    /** The cursor closes or has read all its rows: the spill files its query held go. */
    void release() {
        if (context != null) {
            context.releaseTempFiles();
            context = null;
        }
    }

    /** Reads every remaining row now (WITH HOLD at commit: the transaction the query reads in ends). */
    void materialize() {
        if (source != null) {
            source.forEachRemaining(store::add);
            source = null;
            release();
            size = base + store.size();
        }
    }

    /** FETCH (dest receives the rows) or MOVE (dest null); returns the count the command tag shows. */
    long fetch(FetchStmt.Direction direction, long count, Consumer<Object[]> dest) {
        switch (direction) {
            case FORWARD -> {
                if (count < 0) {
                    direction = FetchStmt.Direction.BACKWARD;
                    count = -count;
                }
            }
            case BACKWARD -> {
                if (count < 0) {
                    direction = FetchStmt.Direction.FORWARD;
                    count = -count;
                }
            }
            case ABSOLUTE -> {
                if (count > 0) {
                    if (portalPos == ALL || count - 1 < portalPos / 2) {
                        rewind();
                        if (count > 1) {
                            select(true, count - 1, null);
                        }
                    } else {
                        long pos = atEnd ? portalPos + 1 : portalPos;
                        if (count <= pos) {
                            select(false, pos - count + 1, null);
                        } else if (count > pos + 1) {
                            select(true, count - pos - 1, null);
                        }
                    }
                    return select(true, 1, dest);
                } else if (count < 0) {
                    select(true, ALL, null);
                    if (count < -1) {
                        select(false, -count - 1, null);
                    }
                    return select(false, 1, dest);
                }
                rewind();
                return select(true, 0, dest);
            }
            case RELATIVE -> {
                if (count > 0) {
                    if (count > 1) {
                        select(true, count - 1, null);
                    }
                    return select(true, 1, dest);
                } else if (count < 0) {
                    if (count < -1) {
                        select(false, -count - 1, null);
                    }
                    return select(false, 1, dest);
                }
                direction = FetchStmt.Direction.FORWARD;
            }
        }
        boolean forward = direction == FetchStmt.Direction.FORWARD;
        if (count == 0) {
            // FETCH 0 re-fetches the current row; MOVE 0 says whether there is one
            boolean onRow = !atStart && !atEnd;
            if (dest == null) {
                return onRow ? 1 : 0;
            }
            if (onRow) {
                select(false, 1, null);
                count = 1;
                forward = true;
            }
        }
        if (!forward && count == ALL && dest == null) {
            long result = portalPos;
            if (result > 0 && !atEnd) {
                result--;
            }
            rewind();
            return result;
        }
        return select(forward, count, dest);
    }

    private long select(boolean forward, long count, Consumer<Object[]> dest) {
        if (forward) {
            if (atEnd || count <= 0) {
                return 0;
            }
            long limit = count == ALL ? 0 : count;
            long n = forward(limit, dest);
            if (n > 0) {
                atStart = false;
            }
            if (limit == 0 || n < limit) {
                atEnd = true;
            }
            portalPos += n;
            return n;
        }
        if (!scrollable) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward")
                    .withHint("Declare it with SCROLL option to enable backward scan.");
        }
        if (atStart || count <= 0) {
            return 0;
        }
        long limit = count == ALL ? 0 : count;
        long n = backward(limit, dest);
        if (n > 0 && atEnd) {
            atEnd = false;
            portalPos++;
        }
        if (limit == 0 || n < limit) {
            atStart = true;
            portalPos = 0;
        } else {
            portalPos -= n;
        }
        return n;
    }

    private void rewind() {
        if (atStart && !atEnd) {
            return;
        }
        if (!scrollable) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward")
                    .withHint("Declare it with SCROLL option to enable backward scan.");
        }
        current = 0;
        currentRow = null;
        atStart = true;
        atEnd = false;
        portalPos = 0;
    }

    /** Up to {@code limit} rows forward (0 = all). */
    private long forward(long limit, Consumer<Object[]> dest) {
        long n = 0;
        while (limit == 0 || n < limit) {
            if (size >= 0 && current > size) {
                break;
            }
            Object[] row = rowAt(current + 1);
            current++;
            currentRow = row;
            if (row == null) {
                break;
            }
            n++;
            if (dest != null) {
                dest.accept(row);
            }
        }
        return n;
    }

    /** Up to {@code limit} rows backward (0 = all). */
    private long backward(long limit, Consumer<Object[]> dest) {
        long n = 0;
        while (limit == 0 || n < limit) {
            if (current <= 1) {
                current = 0;
                currentRow = null;
                break;
            }
            current--;
            n++;
            currentRow = rowAt(current);
            if (dest != null) {
                dest.accept(currentRow);
            }
        }
        return n;
    }

    /** Row number k (1-based), reading from the query as needed; null past the last. */
    private Object[] rowAt(long k) {
        long index = k - base - 1;
        while (index >= store.size() && source != null) {
            if (!source.hasNext()) {
                source = null;
                size = base + store.size();
                break;
            }
            store.add(source.next());
        }
        if (index >= store.size()) {
            return null;
        }
        Object[] row = store.get((int) index);
        if (!scrollable) {
            // a forward-only cursor never reads a row twice
            store.subList(0, (int) index + 1).clear();
            base = k;
        }
        return row;
    }
}
