package org.lakepg.server.function.srf;

import org.lakepg.storage.Lsn;

/**
 * lakepg_export_snapshot(regclass [, at_lsn pg_lsn]) (location, lsn) and lakepg_analytics_status() (per followed
 * table: materialized and latest LSN, lag in bytes and pages, files, rows, refreshes, last error).
 */
final class AnalyticsRows {
    private AnalyticsRows() {
    }

    static void register(SetReturningFunctions r) {
        r.register("lakepg_export_snapshot", (x, c) -> {
            if (x[0] == null) {
                return java.util.Collections.emptyIterator();
            }
            Lsn at = x.length > 1 && x[1] != null ? Lsn.of((Long) x[1]) : null;
            return c.analytics().exportSnapshot((Long) x[0], at).iterator();
        });
        r.register("lakepg_analytics_status", (x, c) -> c.analytics().status().iterator());
    }
}
