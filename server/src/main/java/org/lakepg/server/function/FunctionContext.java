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
     * The schemas of search_path that exist, nearest first; with {@code implicit} also the ones searched
     * without being listed (pg_catalog), as current_schemas(true).
     */
    default java.util.List<String> searchPathSchemas(boolean implicit) {
        return implicit ? java.util.List.of("pg_catalog", "public") : java.util.List.of("public");
    }

    int backendPid();

    /** Transaction start, microseconds since 2000-01-01 UTC (now(), CURRENT_TIMESTAMP). */
    long transactionStartMicros();

    /** Statement start, microseconds since 2000-01-01 UTC (statement_timestamp()). */
    long statementStartMicros();
}
