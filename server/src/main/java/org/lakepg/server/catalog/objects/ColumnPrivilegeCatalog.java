package org.lakepg.server.catalog.objects;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * Column privileges (pg_attribute.attacl): lakepg_column_acl rows (relid, attnum, grantee, privileges, grantor),
 * catalog relation 44, privileges as aclitem letters like {@link PrivilegeCatalog}'s, grantee 0 for PUBLIC. A column
 * nobody was granted anything on has no rows (attacl NULL): unlike a table's, its default ACL is empty.
 */
public final class ColumnPrivilegeCatalog {
    static final int RELATION = 44;
    private final CatalogHeap heap;

    /** One grant on a column: {@code privileges} the grantee holds on it, given by {@code grantor}. */
    public record Grant(long table, int attnum, long grantee, String privileges, long grantor) {}

    ColumnPrivilegeCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_column_acl", exists, TypeOids.INT8, TypeOids.INT4,
                TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8);
    }

    /** The grants on one column, in the order they were made. */
    public List<Grant> grants(Snapshot snapshot, long table, int attnum) {
        return heap.rows(snapshot, r -> r[0].equals(table) && r[1].equals(attnum)).stream()
                .map(ColumnPrivilegeCatalog::decode).toList();
    }

    /** The grants on all columns of a table. */
    public List<Grant> grants(Snapshot snapshot, long table) {
        return heap.rows(snapshot, r -> r[0].equals(table)).stream().map(ColumnPrivilegeCatalog::decode).toList();
    }

    /** Every column grant of the database (information_schema.column_privileges). */
    public List<Grant> all(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(ColumnPrivilegeCatalog::decode).toList();
    }

    /** Replaces what {@code grantee} holds on the column; an empty set removes the row. */
    public void set(Transaction txn, long table, int attnum, long grantee, String privileges, long grantor) {
        heap.delete(txn, r -> r[0].equals(table) && r[1].equals(attnum) && r[2].equals(grantee));
        if (!privileges.isEmpty()) {
            heap.insert(txn, table, attnum, grantee, privileges, grantor);
        }
    }

    /** The column's attacl as PostgreSQL prints aclitem[]; empty when nothing was granted on it (NULL). */
    public Optional<List<String>> aclItems(Snapshot snapshot, long table, int attnum, LongFunction<String> roleNames) {
        List<Grant> grants = grants(snapshot, table, attnum);
        if (grants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(grants.stream().map(g -> (g.grantee() == PrivilegeCatalog.PUBLIC ? ""
                : roleNames.apply(g.grantee())) + "=" + g.privileges() + "/" + roleNames.apply(g.grantor())).toList());
    }

    /** Forgets the grants on a dropped column. */
    public void dropColumn(Transaction txn, long table, int attnum) {
        heap.delete(txn, r -> r[0].equals(table) && r[1].equals(attnum));
    }

    /** Forgets the grants on every column of a dropped table. */
    public void dropTable(Transaction txn, long table) {
        heap.delete(txn, r -> r[0].equals(table));
    }

    /** Whether a role holds anything on any column (DROP ROLE refuses while it does). */
    public boolean anyFor(Snapshot snapshot, long role) {
        return !heap.rows(snapshot, r -> r[2].equals(role) || r[4].equals(role)).isEmpty();
    }

    private static Grant decode(Object[] r) {
        return new Grant((Long) r[0], (Integer) r[1], (Long) r[2], (String) r[3], (Long) r[4]);
    }
}
