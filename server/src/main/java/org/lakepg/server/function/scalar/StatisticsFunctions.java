package org.lakepg.server.function.scalar;

import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.bootstrap.BuiltinCatalog;
import org.lakepg.server.function.FunctionRegistry;

/**
 * The cumulative statistics functions (pg_stat_get_*). lakepg does not collect activity
 * statistics yet, so it answers as PostgreSQL does for an object without statistics: counters 0,
 * times and timestamps NULL. Backend counts are real (the live sessions).
 */
public final class StatisticsFunctions {
    private StatisticsFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("pg_stat_get_db_numbackends", (x, c) -> (int) c.catalogView().sources().sessions().stream()
                .filter(s -> c.catalogView().databases().stream().anyMatch(d -> d.oid() == ((Number) x[0]).longValue()
                        && d.name().equals(s.database()))).count());
        for (ProcEntry p : BuiltinCatalog.get().procs()) {
            String source = p.source();
            if (!p.name().startsWith("pg_stat_get_") || p.returnsSet() || p.argumentCount() > 1 || source == null
                    || !FunctionRegistryHolder.unregistered(r, source)) {
                continue;
            }
            if (p.returnType() == 20) {
                r.register(source, (x, c) -> 0L);
            } else if (p.returnType() == 701) {
                r.register(source, (x, c) -> 0.0);
            } else if (p.returnType() == 1184) {
                r.register(source, (x, c) -> null);
            }
        }
    }
}
