package org.lakepg.server;

import org.lakepg.server.access.vacuum.AutoVacuum;
import org.lakepg.server.session.SessionSettings;

/**
 * Starts the server's autovacuum as PostgreSQL configures it: {@code autovacuum} (on by default) switches it,
 * {@code autovacuum_naptime}, {@code autovacuum_vacuum_threshold} and {@code autovacuum_vacuum_scale_factor} tune
 * it, {@code autovacuum_analyze_threshold} and {@code autovacuum_analyze_scale_factor} its ANALYZE (AutoAnalyze).
 * Each round visits the databases whose compute has sessions, holding the compute like a session meanwhile.
 */
final class AutoVacuumLauncher {

    private AutoVacuumLauncher() {
    }

    /** The running autovacuum, or null when {@code autovacuum = off}. */
    static AutoVacuum start(Cluster cluster, SessionSettings serverSettings,
                            org.lakepg.server.stats.ActivityStatistics activity) {
        if (!serverSettings.getBool("autovacuum")) {
            return null;
        }
        long naptimeMillis = Math.max(1, serverSettings.getLong("autovacuum_naptime")) * 1000;
        long threshold = serverSettings.getLong("autovacuum_vacuum_threshold");
        double scaleFactor = Double.parseDouble(serverSettings.get("autovacuum_vacuum_scale_factor"));
        AutoAnalyze analyze = new AutoAnalyze(serverSettings.getLong("autovacuum_analyze_threshold"),
                Double.parseDouble(serverSettings.get("autovacuum_analyze_scale_factor")));
        return new AutoVacuum(threshold, scaleFactor, naptimeMillis, check -> {
            for (String database : cluster.runningComputes()) {
                Compute compute = cluster.connectIfActive(database);
                if (compute == null) {
                    continue;
                }
                try {
                    compute.forEachTable(check);
                    analyze.run(compute, activity.database(database));
                } finally {
                    cluster.disconnect(database);
                }
            }
        });
    }
}
