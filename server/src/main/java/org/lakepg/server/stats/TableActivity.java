package org.lakepg.server.stats;

/**
 * What one transaction of a session did to one table or index (scans, rows read, written): counted by the
 * executor as it runs, without locking, and added to the database's totals when the transaction ends.
 */
public final class TableActivity {
    long seqScans;
    long seqTuplesRead;
    long indexScans;
    long indexTuplesRead;
    long indexTuplesFetched;
    long inserted;
    long updated;
    long deleted;

    /** Whether the transaction inserted, updated or deleted rows of the relation. */
    boolean wrote() {
        return inserted + updated + deleted > 0;
    }

    public void seqScan() {
        seqScans++;
    }

    public void seqTupleRead() {
        seqTuplesRead++;
    }

    public void indexScan() {
        indexScans++;
    }

    /** An index entry read and the heap row it led to, when that row is visible. */
    public void indexTupleRead(boolean fetched) {
        indexTuplesRead++;
        if (fetched) {
            indexTuplesFetched++;
        }
    }

    /** A heap row fetched through one of the table's indexes (counted on the table). */
    public void indexTupleFetched() {
        indexTuplesFetched++;
    }

    public void inserted() {
        inserted++;
    }

    public void updated() {
        updated++;
    }

    public void deleted() {
        deleted++;
    }
}
