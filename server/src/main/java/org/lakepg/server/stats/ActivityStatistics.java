package org.lakepg.server.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The cumulative activity statistics of a server (PostgreSQL's pgstat), per database: what pg_stat_database,
 * pg_stat_all_tables and pg_stat_all_indexes show. Kept in memory: they start at zero with the server.
 */
public final class ActivityStatistics {
    private final ConcurrentHashMap<String, DatabaseActivity> databases = new ConcurrentHashMap<>();

    public DatabaseActivity database(String name) {
        return databases.computeIfAbsent(name, k -> new DatabaseActivity());
    }
}
