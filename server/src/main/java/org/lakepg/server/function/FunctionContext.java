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

    /**
     * has_table_privilege and friends: whether {@code role} (a name, an OID as Long, or null for the current
     * role) holds any of {@code privileges} (comma-separated) on the object of {@code kind} ("table", "schema",
     * "function", "role") named by {@code object} (a name or an OID as Long); null for an OID naming nothing.
     */
    default Boolean hasPrivilege(Object role, String kind, Object object, String privileges) {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "privilege inquiry functions need a database session");
    }

    /**
     * The columns (1-based positions) of a table an error detail may show the current role: null for all (it may
     * read the table); else those it holds SELECT on, and with {@code withWritten} those the statement writes
     * (PostgreSQL's ExecBuildSlotValueDescription).
     */
    default java.util.BitSet visibleColumns(long table, boolean withWritten) {
        return null;
    }

    /** Runs a user SQL function that could not be inlined, with these argument values; its result. */
    default Object callSqlFunction(long function, Object[] arguments) {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "SQL functions need a database session");
    }

    /**
     * The schemas of search_path that exist, nearest first; with {@code implicit} also the ones searched
     * without being listed (pg_catalog), as current_schemas(true).
     */
    default java.util.List<String> searchPathSchemas(boolean implicit) {
        return implicit ? java.util.List.of("pg_catalog", "public") : java.util.List.of("public");
    }

    int backendPid();

    /** The client's end of the connection; null for sessions without a socket (inet_client_addr is then NULL). */
    default java.net.InetSocketAddress clientAddress() {
        return null;
    }

    /** The server's end of the connection (inet_server_addr/port). */
    default java.net.InetSocketAddress serverAddress() {
        return null;
    }

    /** A read-replica session's replay LSN as a pg_lsn value (see Cluster.replicaCompute); null elsewhere. */
    default Long replicaReplayLsn() {
        return null;
    }

    /**
     * set_config: sets (a NULL value resets) a setting for the session or, when {@code local}, the transaction,
     * as SET [LOCAL] does; returns the setting's new value.
     */
    default String setConfig(String name, String value, boolean local) {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "set_config needs a database session");
    }

    /**
     * Throws 57014 when the running statement was cancelled or timed out; functions that wait or loop
     * long (pg_sleep) call it. Outside a statement nothing can cancel.
     */
    default void checkInterrupts() {
    }

    /** Transaction start, microseconds since 2000-01-01 UTC (now(), CURRENT_TIMESTAMP). */
    long transactionStartMicros();

    /** Statement start, microseconds since 2000-01-01 UTC (statement_timestamp()). */
    long statementStartMicros();

    /** Branches of the session's database (lakepg_create_branch() and friends). */
    default org.lakepg.server.branch.BranchControl branches() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "branches are not available here");
    }

    /** Columnar snapshots of the session's tables (lakepg_export_snapshot, lakepg_analytics_status). */
    default org.lakepg.server.analytics.AnalyticsControl analytics() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "lakepg analytics is not available here");
    }

    /** The session's sequences (nextval and friends); statements without storage have none. */
    default LargeObjectAccess largeObjects() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "large objects need a database session");
    }

    default SequenceAccess sequences() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "sequences are not available here");
    }

    /** A query's result as {@link #runQuery} gives it: the columns' type OIDs and the rows. */
    record QueryRows(long[] types, java.util.Iterator<Object[]> rows) {
    }

    /** Runs a query within the calling statement, as PostgreSQL's functions do through SPI (ts_rewrite, ts_stat). */
    default QueryRows runQuery(String sql) {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "running a query from this function is not supported here");
    }

    /** The catalog as the running statement sees it (pg_catalog relations, reg* types, catalog functions). */
    default org.lakepg.server.systemcatalog.CatalogView catalogView() {
        throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                "the system catalog is not available here");
    }
}
