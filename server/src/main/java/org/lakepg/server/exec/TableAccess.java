package org.lakepg.server.exec;

import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;

/** What operators that read and write tables need: the statement's transaction and the tables' heaps. */
public interface TableAccess {

    Transaction transaction();

    HeapRelation heap(TableInfo table);

    /** The catalog the tables and their indexes live in. */
    org.lakepg.server.table.TableCatalog catalog();

    /** The running transaction's activity counters (pg_stat_* views); unrecorded when the caller keeps none. */
    default org.lakepg.server.stats.PendingActivity activity() {
        return new org.lakepg.server.stats.PendingActivity();
    }

    /** Where deferred constraint checks of the transaction wait for its commit (null: none can be deferred). */
    default org.lakepg.server.exec.constraint.DeferredChecks deferredChecks() {
        return null;
    }
}
