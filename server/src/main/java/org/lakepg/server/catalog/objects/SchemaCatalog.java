package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/** The schemas of a database: the built-in ones plus the rows of lakepg_namespace (oid, name, owner). */
public final class SchemaCatalog {
    static final int RELATION = 7;
    private final CatalogHeap heap;

    SchemaCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_namespace", exists, TypeOids.INT8, TypeOids.TEXT,
                TypeOids.INT8);
    }

    public List<SchemaInfo> schemas(Snapshot snapshot) {
        List<SchemaInfo> out = new ArrayList<>(SchemaInfo.BUILT_IN);
        for (Object[] r : heap.rows(snapshot)) {
            out.add(new SchemaInfo((Long) r[0], (String) r[1], (Long) r[2]));
        }
        return out;
    }

    public Optional<SchemaInfo> find(Snapshot snapshot, String name) {
        return schemas(snapshot).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<SchemaInfo> find(Snapshot snapshot, long oid) {
        return schemas(snapshot).stream().filter(s -> s.oid() == oid).findFirst();
    }

    public SchemaInfo create(Transaction txn, long oid, String name, long owner) {
        heap.insert(txn, oid, name, owner);
        return new SchemaInfo(oid, name, owner);
    }

    public void drop(Transaction txn, SchemaInfo schema) {
        heap.delete(txn, r -> r[0].equals(schema.oid()));
    }

    public void rename(Transaction txn, SchemaInfo schema, String newName) {
        heap.update(txn, r -> r[0].equals(schema.oid()), r -> new Object[] {r[0], newName, r[2]});
    }

    public void setOwner(Transaction txn, SchemaInfo schema, long owner) {
        heap.update(txn, r -> r[0].equals(schema.oid()), r -> new Object[] {r[0], r[1], owner});
    }
}
