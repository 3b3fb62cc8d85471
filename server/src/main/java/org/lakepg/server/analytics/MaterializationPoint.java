package org.lakepg.server.analytics;

import org.lakepg.server.access.AccessContext;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.server.txn.XidStatus;
import org.lakepg.storage.Lsn;

/**
 * The LSN a materialization is labelled with and the transaction snapshot it decodes the pages with, taken so that
 * every transaction whose commit (or abort) record is at or below the LSN has finished in the snapshot.
 *
 * <p>Why: a commit logs its record (and waits for it to be durable) before its xid leaves the running set. A snapshot
 * taken in between still sees it running, so its rows' pages are only "unsettled" in the sidecar — queries stay exact —
 * but nothing moves the compute's LSN any more: a refresh at an LSN past that commit record would count as up to date,
 * the table would never be refreshed, and the exported Parquet (DuckDB's view) would keep the old rows. Any
 * transaction the snapshot sees running then commits at an LSN above the label, which triggers the next refresh.
 */
record MaterializationPoint(Transaction transaction, Lsn lsn) {

    /** Begins the materializer's transaction; the caller rolls it back. */
    static MaterializationPoint take(AccessContext access) {
        TransactionManager txns = access.txns();
        while (true) {
            // the LSN first: a transaction that starts after it writes every record above it
            Lsn lsn = AnalyticsService.latestLsn(access);
            // pages pruned after the LSN are read as of it (HeapTableSource.readingAsOf): no need to hold back pruning
            Transaction txn = txns.beginNotHoldingBackPruning();
            long ending = endingXid(txns, txn.snapshot());
            if (ending == 0) {
                return new MaterializationPoint(txn, lsn);
            }
            txn.rollback();
            awaitEnd(txns, ending);
        }
    }

    /** An xid the snapshot counts as running whose outcome is already logged (0 if none). */
    static long endingXid(TransactionManager txns, Snapshot snapshot) {
        for (long xid : snapshot.running()) {
            if (txns.status(xid) != XidStatus.IN_PROGRESS) {
                return xid;
            }
        }
        return 0;
    }

    /** Its commit is waiting for the WAL flush (or is about to leave the running set): a short wait. */
    private static void awaitEnd(TransactionManager txns, long xid) {
        while (txns.isRunning(xid)) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("materialization interrupted", ie);
            }
        }
    }
}
