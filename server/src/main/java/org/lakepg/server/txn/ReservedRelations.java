package org.lakepg.server.txn;

/**
 * Relation (file) ids the transaction system keeps its pages in, below the range callers hand out (PostgreSQL's
 * user relations start at 16384). Being pages like any other, they are WAL-logged, versioned and branchable.
 */
public final class ReservedRelations {

    /** The commit log: two status bits per xid. */
    public static final int COMMIT_LOG = 1;
    /** Block 0: the xid allocation bound, so a restarted compute never reuses an xid. */
    public static final int TRANSACTION_CONTROL = 2;
    /**
     * Smallest relation id callers may use for their own relations. The catalog's heaps sit below it: 3-6 and 12-13
     * tables (TableCatalog), 7-11 schemas/views/functions/privileges/comments (catalog.objects), 14 inheritance and
     * partitions, 15 triggers, 16 user-defined types, 17-20 analytics, 21 statistics, 22 user aggregates; 23-63 are
     * free.
     */
    public static final int FIRST_USER_RELATION = 64;

    private ReservedRelations() {
    }
}
