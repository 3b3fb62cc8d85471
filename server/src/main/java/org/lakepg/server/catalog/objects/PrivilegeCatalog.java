package org.lakepg.server.catalog.objects;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * Owners and GRANTed privileges of a database's objects: lakepg_acl rows (classoid, objoid, grantee,
 * privileges, grantor) — privileges as the letters of PostgreSQL's aclitem (r=SELECT, a=INSERT, w=UPDATE,
 * d=DELETE, D=TRUNCATE, x=REFERENCES, t=TRIGGER, X=EXECUTE, U=USAGE, C=CREATE, c=CONNECT, T=TEMPORARY),
 * grantee 0 for PUBLIC; and owner rows of tables (whose catalog has no owner column): grantee -1, grantor = owner.
 */
public final class PrivilegeCatalog {
    static final int RELATION = 10;
    public static final long PUBLIC = 0;
    private static final long OWNER_ROW = -1;
    private final CatalogHeap heap;
    private final ColumnPrivilegeCatalog columns;

    /** One grant: {@code privileges} the grantee holds on the object, given by {@code grantor}. */
    public record Grant(long classoid, long objoid, long grantee, String privileges, long grantor) {}

    PrivilegeCatalog(AccessContext access, boolean exists, ColumnPrivilegeCatalog columns) {
        this.columns = columns;
        heap = CatalogHeap.open(access, RELATION, "lakepg_acl", exists, TypeOids.INT8, TypeOids.INT8, TypeOids.INT8,
                TypeOids.TEXT, TypeOids.INT8);
    }

    public List<Grant> grants(Snapshot snapshot, long classoid, long objoid) {
        return heap.rows(snapshot, r -> r[0].equals(classoid) && r[1].equals(objoid) && !r[2].equals(OWNER_ROW))
                .stream().map(r -> new Grant((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (Long) r[4]))
                .toList();
    }

    /** Whether any GRANT/REVOKE ever touched the object (else its ACL is the default: owner only, NULL in pg_class). */
    public boolean hasAcl(Snapshot snapshot, long classoid, long objoid) {
        return !heap.rows(snapshot, r -> r[0].equals(classoid) && r[1].equals(objoid) && !r[2].equals(OWNER_ROW))
                .isEmpty();
    }

    public Optional<Long> owner(Snapshot snapshot, long classoid, long objoid) {
        return heap.rows(snapshot, r -> r[0].equals(classoid) && r[1].equals(objoid) && r[2].equals(OWNER_ROW))
                .stream().map(r -> (Long) r[4]).findFirst();
    }

    public void setOwner(Transaction txn, long classoid, long objoid, long owner) {
        heap.delete(txn, r -> r[0].equals(classoid) && r[1].equals(objoid) && r[2].equals(OWNER_ROW));
        heap.insert(txn, classoid, objoid, OWNER_ROW, "", owner);
    }

    /** Replaces what {@code grantee} holds on the object; an empty set removes the row. */
    public void set(Transaction txn, long classoid, long objoid, long grantee, String privileges, long grantor) {
        heap.delete(txn, r -> r[0].equals(classoid) && r[1].equals(objoid) && r[2].equals(grantee));
        if (!privileges.isEmpty()) {
            heap.insert(txn, classoid, objoid, grantee, privileges, grantor);
        }
    }

    /**
     * The object's ACL as PostgreSQL prints aclitem[] ({@code grantee=privileges/grantor}, an empty grantee for
     * PUBLIC, grantees in the order granted); empty when it has the default ACL (NULL in the catalogs).
     */
    public Optional<List<String>> aclItems(Snapshot snapshot, long classoid, long objoid,
                                           java.util.function.LongFunction<String> roleNames) {
        if (!hasAcl(snapshot, classoid, objoid)) {
            return Optional.empty();
        }
        return Optional.of(grants(snapshot, classoid, objoid).stream().map(g -> (g.grantee() == PUBLIC ? ""
                : roleNames.apply(g.grantee())) + "=" + g.privileges() + "/" + roleNames.apply(g.grantor())).toList());
    }

    /** Forgets the owner and grants of a dropped object (a relation's column grants too). */
    public void dropAll(Transaction txn, long classoid, long objoid) {
        if (classoid == CatalogClasses.PG_CLASS) {
            columns.dropTable(txn, objoid);
        }
        heap.delete(txn, r -> r[0].equals(classoid) && r[1].equals(objoid));
    }

    /** Grants a role holds anywhere (DROP ROLE refuses while there are some). */
    public boolean anyFor(Snapshot snapshot, long role) {
        return !heap.rows(snapshot, r -> r[2].equals(role) || r[2].equals(OWNER_ROW) && r[4].equals(role)).isEmpty();
    }
}
