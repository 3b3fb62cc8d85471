package org.lakepg.server.session;

import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.TransactionManager;

/** The end of a session's temporary namespace: its tables and sequences are dropped when the session closes. */
final class TempTables {
    private TempTables() {}

    static void dropAll(SessionRelations relations, TransactionManager transactions) {
        long namespace = relations.tempNamespace();
        if (namespace == 0) {
            return;
        }
        TableCatalog catalog = relations.catalog();
        Transaction txn = transactions.begin();
        try {
            for (TableInfo t : catalog.tables(txn.snapshot())) {
                if (t.namespace() == namespace) {
                    catalog.drop(txn, t);
                }
            }
            for (SequenceInfo s : catalog.sequences(txn.snapshot())) {
                if (s.namespace() == namespace) {
                    catalog.dropSequence(txn, s);
                }
            }
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    /** ON COMMIT DELETE ROWS / DROP of this session's temporary tables, in the committing transaction. */
    static void onCommit(SessionRelations relations, Transaction txn) {
        if (relations.onCommit.isEmpty()) {
            return;
        }
        TableCatalog catalog = relations.catalog();
        for (var it = relations.onCommit.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            var table = catalog.findByOid(txn.snapshot(), entry.getKey());
            if (table.isEmpty()) {
                it.remove(); // dropped, or its creation rolled back
                continue;
            }
            if (entry.getValue() == 'x') {
                catalog.drop(txn, table.get());
                it.remove();
            } else {
                var heap = catalog.heap(table.get());
                for (var rows = heap.scan(txn.snapshot()); rows.hasNext(); ) {
                    heap.delete(txn, rows.next().tid(), org.lakepg.server.txn.WaitPolicy.BLOCK);
                }
            }
        }
    }
}
