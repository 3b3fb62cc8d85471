package org.lakepg.server.function;

import java.time.ZoneId;

/** What a running function may consult: the session (user, database, settings) and the clocks. */
public interface FunctionContext {

    /** TimeZone setting of the session. */
    ZoneId timeZone();

    /** The current value of a session setting (current_setting); null when there is none. */
    String setting(String name);

    String currentUser();

    String sessionUser();

    String currentDatabase();

    int backendPid();

    /** Transaction start, microseconds since 2000-01-01 UTC (now(), CURRENT_TIMESTAMP). */
    long transactionStartMicros();

    /** Statement start, microseconds since 2000-01-01 UTC (statement_timestamp()). */
    long statementStartMicros();

    /** Branches of the session's database (lakepg_create_branch() and friends). */
    default org.lakepg.server.branch.BranchControl branches() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "branches are not available here");
    }

    /** The session's sequences (nextval and friends); statements without storage have none. */
    default SequenceAccess sequences() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "sequences are not available here");
    }

    /** The catalog as the running statement sees it (pg_catalog relations, reg* types, catalog functions). */
    default org.lakepg.server.systemcatalog.CatalogView catalogView() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "the system catalog is not available here");
    }
}
