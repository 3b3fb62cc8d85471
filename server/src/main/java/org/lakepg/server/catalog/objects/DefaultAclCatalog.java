package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * ALTER DEFAULT PRIVILEGES' entries (pg_default_acl): lakepg_default_acl rows (oid, role, namespace, object type,
 * ACL), catalog relation 45. The object type is pg_default_acl's letter (r tables, S sequences, f functions, T types,
 * n schemas), namespace 0 for entries of no schema; the ACL is {@code grantee:letters:grantor} items joined by
 * commas, grantee 0 for PUBLIC, letters as {@link PrivilegeCatalog}'s.
 */
public final class DefaultAclCatalog {
    static final int RELATION = 45;
    private final CatalogHeap heap;

    /** One aclitem of an entry. */
    public record Item(long grantee, String privileges, long grantor) {}

    /** One pg_default_acl row. */
    public record Entry(long oid, long role, long namespace, char objtype, List<Item> acl) {}

    DefaultAclCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_default_acl", exists, TypeOids.INT8, TypeOids.INT8,
                TypeOids.INT8, TypeOids.TEXT, TypeOids.TEXT);
    }

    public List<Entry> entries(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(DefaultAclCatalog::decode).toList();
    }

    public Optional<Entry> find(Snapshot snapshot, long role, long namespace, char objtype) {
        String type = String.valueOf(objtype);
        return heap.rows(snapshot, r -> r[1].equals(role) && r[2].equals(namespace) && r[3].equals(type)).stream()
                .findFirst().map(DefaultAclCatalog::decode);
    }

    /** Stores the entry's ACL, replacing the one of the same role, schema and type. */
    public void put(Transaction txn, long oid, long role, long namespace, char objtype, List<Item> acl) {
        remove(txn, role, namespace, objtype);
        heap.insert(txn, oid, role, namespace, String.valueOf(objtype), encode(acl));
    }

    public void remove(Transaction txn, long role, long namespace, char objtype) {
        String type = String.valueOf(objtype);
        heap.delete(txn, r -> r[1].equals(role) && r[2].equals(namespace) && r[3].equals(type));
    }

    /** Drops every entry of a role (DROP OWNED BY) or of a schema (DROP SCHEMA). */
    public void removeRole(Transaction txn, long role) {
        heap.delete(txn, r -> r[1].equals(role));
    }

    public void removeNamespace(Transaction txn, long namespace) {
        heap.delete(txn, r -> r[2].equals(namespace));
    }

    private static String encode(List<Item> acl) {
        StringBuilder out = new StringBuilder();
        for (Item i : acl) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(i.grantee()).append(':').append(i.privileges()).append(':').append(i.grantor());
        }
        return out.toString();
    }

    private static Entry decode(Object[] r) {
        List<Item> acl = new ArrayList<>();
        String text = (String) r[4];
        if (text != null && !text.isEmpty()) {
            for (String item : text.split(",")) {
                String[] f = item.split(":", 3);
                acl.add(new Item(Long.parseLong(f[0]), f[1], Long.parseLong(f[2])));
            }
        }
        return new Entry((Long) r[0], (Long) r[1], (Long) r[2], ((String) r[3]).charAt(0), acl);
    }
}
