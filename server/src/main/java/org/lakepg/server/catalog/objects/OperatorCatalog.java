package org.lakepg.server.catalog.objects;

import java.util.List;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/** The operators of CREATE OPERATOR, as pg_operator rows, in catalog relation 28. */
public final class OperatorCatalog {
    public static final int RELATION = 28;
    private final CatalogHeap heap;

    /** A user-defined operator and its owner. */
    public record UserOperator(OperatorEntry entry, long owner) {}

    OperatorCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_operator", exists, TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
                TypeOids.TEXT, TypeOids.INT4, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8,
                TypeOids.INT8, TypeOids.INT8);
    }

    public List<UserOperator> operators(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(OperatorCatalog::decode).toList();
    }

    public void create(Transaction txn, UserOperator op) {
        heap.insert(txn, encode(op));
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }

    public void replace(Transaction txn, UserOperator op) {
        heap.update(txn, r -> r[0].equals(op.entry().oid()), r -> encode(op));
    }

    private static Object[] encode(UserOperator u) {
        OperatorEntry o = u.entry();
        int flags = (o.canMerge() ? 1 : 0) | (o.canHash() ? 2 : 0);
        return new Object[] {o.oid(), o.name(), o.namespace(), String.valueOf(o.kind()), flags, o.leftType(),
                o.rightType(), o.resultType(), o.commutator(), o.negator(), o.procedure(), u.owner()};
    }

    private static UserOperator decode(Object[] r) {
        int flags = (Integer) r[4];
        return new UserOperator(new OperatorEntry((Long) r[0], (String) r[1], (Long) r[2], ((String) r[3]).charAt(0),
                (flags & 1) != 0, (flags & 2) != 0, (Long) r[5], (Long) r[6], (Long) r[7], (Long) r[8], (Long) r[9],
                (Long) r[10]), (Long) r[11]);
    }
}
