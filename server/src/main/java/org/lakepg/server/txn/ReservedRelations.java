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
     * Smallest relation id callers may use for their own relations. The catalog's heaps sit below it (keep this list
     * in step with the RELATION constants): 3-6 and 12-14 TableCatalog (pg_class, attributes, the oid sequence,
     * indexes, constraints, sequences, inheritance/partitions); 7-11 schemas, views, functions, privileges, comments;
     * 15 triggers; 16 user-defined types; 21 statistics; 22 aggregates; 27 rules; 28 operators; 35-36 policies;
     * 37 operator classes; 41 event triggers; 44 column privileges; 45 default privileges; 58-60 large objects
     * (pg_largeobject_metadata, pg_largeobject and its (loid, pageno) index); 29 the shared catalog's lines (roles,
     * settings) in the hidden timeline @global only. Free: 17-20, 23-26, 30-34, 38-40, 42-43, 46-57, 61-63.
     */
    public static final int FIRST_USER_RELATION = 64;

    private ReservedRelations() {
    }
}
