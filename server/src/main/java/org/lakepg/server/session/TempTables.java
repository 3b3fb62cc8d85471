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
}
