package org.lakepg.wire.protocol;

import org.lakepg.wire.error.PgException;

/** What the wire layer needs from the database: a session per authenticated connection. */
public interface QueryEngine {
    /** Called after authentication succeeded; throws e.g. 3D000 for an unknown database (sent as FATAL). */
    EngineSession openSession(SessionStartup startup) throws PgException;
}
