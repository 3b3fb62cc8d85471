package org.lakepg.server.catalog.objects;

import java.util.List;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * The operator classes of CREATE OPERATOR CLASS (pg_opclass with the support function that matters to lakepg: a
 * hash class's extended hash function, support function 2, which hash partitioning calls), in catalog relation 37.
 */
public final class OperatorClassCatalog {
    public static final int RELATION = 37;
    private final CatalogHeap heap;

    /**
     * A user-defined operator class.
     *
     * @param method    the access method's name ("hash", "btree", ...)
     * @param hashProc  the OID of support function 2 of a hash class (value, seed) -> int8, 0 if none
     */
    public record UserOperatorClass(long oid, String name, long namespace, String method, long type, long hashProc,
                                    long owner) {}

    OperatorClassCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_opclass", exists, TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
                TypeOids.TEXT, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8);
    }

    public List<UserOperatorClass> classes(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(r -> new UserOperatorClass((Long) r[0], (String) r[1], (Long) r[2],
                (String) r[3], (Long) r[4], (Long) r[5], (Long) r[6])).toList();
    }

    public void create(Transaction txn, UserOperatorClass c) {
        heap.insert(txn, c.oid(), c.name(), c.namespace(), c.method(), c.type(), c.hashProc(), c.owner());
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }
}
