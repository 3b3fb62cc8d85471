package org.lakepg.server;

import java.time.Instant;
import org.lakepg.server.stats.DatabaseActivity;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.TableAnalysis;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autovacuum's ANALYZE: a table whose rows changed more than {@code autovacuum_analyze_threshold +
 * autovacuum_analyze_scale_factor * reltuples} times since its last analysis (PostgreSQL's relation_needs_vacanalyze)
 * is analyzed by the path ANALYZE takes, its statistics kept in the catalog in a transaction of its own.
 * Temporary tables are left alone: only their session can read them, as in PostgreSQL.
 */
final class AutoAnalyze {
    private static final Logger LOG = LoggerFactory.getLogger(AutoAnalyze.class);
    private static final long MICROS_2000 = 946_684_800_000_000L;

    private final long threshold;
    private final double scaleFactor;

    AutoAnalyze(long threshold, double scaleFactor) {
        this.threshold = threshold;
        this.scaleFactor = scaleFactor;
    }

    boolean needsAnalyze(long modifiedSinceAnalyze, RelationStatistics measured) {
        double tuples = measured == null ? 0 : Math.max(measured.tuples(), 0);
        return modifiedSinceAnalyze > threshold + scaleFactor * tuples;
    }

    /** Analyzes the tables of the compute's database that need it. */
    void run(Compute compute, DatabaseActivity activity) {
        Transaction list = compute.transactions().begin();
        java.util.List<TableInfo> tables;
        try {
            tables = compute.tables().tables(list.snapshot());
        } finally {
            list.rollback();
        }
        for (TableInfo table : tables) {
            if (table.temporary()
                    || !needsAnalyze(activity.relation(table.oid()).modifiedSinceAnalyze(), activity.measured(table.oid()))) {
                continue;
            }
            Transaction txn = compute.transactions().begin();
            try {
                RelationStatistics measured = TableAnalysis.analyze(compute.tables(), table, txn.snapshot());
                compute.objects().statistics().record(txn, table.oid(), table.columnTypes(), measured);
                txn.commit();
                activity.measured(table.oid(), measured);
                activity.autoAnalyzed(table.oid(), nowMicros());
                LOG.debug("automatic analyze of table \"{}\"", table.name());
            } catch (RuntimeException e) {
                if (txn.state() == Transaction.State.ACTIVE) {
                    txn.rollback();
                }
                // e.g. the table was dropped meanwhile, or a session analyzed it at the same time
                LOG.debug("automatic analyze of table \"{}\" failed", table.name(), e);
            }
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 - MICROS_2000;
    }
}
