package org.lakepg.wire.protocol.testengine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.QueryEngine;
import org.lakepg.wire.protocol.SessionStartup;

/**
 * A TEST-ONLY engine for protocol tests: it knows a handful of literal commands (see
 * {@link TestCommand}), no SQL. One shared list of text rows stands in for a table.
 */
public final class TestEngine implements QueryEngine {
    final List<String> table = new CopyOnWriteArrayList<>();
    final List<SessionStartup> startups = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger openSessions = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public EngineSession openSession(SessionStartup startup) {
        if (startup.database().equals("nodb")) {
            throw PgException.of(SqlState.INVALID_CATALOG_NAME, "database \"%s\" does not exist", startup.database());
        }
        startups.add(startup);
        openSessions.incrementAndGet();
        return new TestSession(this, startup);
    }

    public List<String> table() {
        return table;
    }

    /** Sessions opened and not yet closed by the wire layer. */
    public int openSessions() {
        return openSessions.get();
    }

    public List<SessionStartup> startups() {
        return startups;
    }
}
