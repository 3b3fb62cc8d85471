package org.lakepg.server.catalog.objects;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/**
 * Row-level security: the policies of tables (pg_policy rows, catalog relation 35) and which tables enforce them
 * (pg_class.relrowsecurity / relforcerowsecurity, relation 36).
 */
public final class PolicyCatalog {
    static final int RELATION = 35;
    static final int FLAGS_RELATION = 36;
    private final CatalogHeap policies;
    private final CatalogHeap flags;

    /**
     * One pg_policy row. {@code command} is polcmd ({@code *} all, r, a, w, d); {@code roles} the role OIDs, 0 for
     * PUBLIC; {@code using} and {@code withCheck} the expressions as written (null: none).
     */
    public record Policy(long oid, long table, String name, char command, boolean permissive, List<Long> roles,
                         String using, String withCheck) {

        public Policy renamed(String newName) {
            return new Policy(oid, table, newName, command, permissive, roles, using, withCheck);
        }
    }

    /** A table's row security switches. */
    public record Switches(boolean enabled, boolean forced) {
        public static final Switches OFF = new Switches(false, false);
    }

    PolicyCatalog(AccessContext access, boolean exists, boolean flagsExist) {
        policies = CatalogHeap.open(access, RELATION, "lakepg_policy", exists, TypeOids.INT8, TypeOids.INT8,
                TypeOids.TEXT, TypeOids.TEXT, TypeOids.INT4, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT);
        flags = CatalogHeap.open(access, FLAGS_RELATION, "lakepg_rowsecurity", flagsExist, TypeOids.INT8, TypeOids.INT4,
                TypeOids.INT4);
    }

    public List<Policy> all(Snapshot snapshot) {
        return policies.rows(snapshot).stream().map(PolicyCatalog::decode).toList();
    }

    /** A table's policies, by name (the order PostgreSQL applies and lists them). */
    public List<Policy> forTable(Snapshot snapshot, long table) {
        return policies.rows(snapshot, r -> r[1].equals(table)).stream().map(PolicyCatalog::decode)
                .sorted(Comparator.comparing(Policy::name)).toList();
    }

    public Optional<Policy> find(Snapshot snapshot, long table, String name) {
        return forTable(snapshot, table).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public void create(Transaction txn, Policy p) {
        policies.insert(txn, encode(p));
    }

    public void replace(Transaction txn, Policy p) {
        policies.update(txn, r -> r[0].equals(p.oid()), r -> encode(p));
    }

    public void drop(Transaction txn, long oid) {
        policies.delete(txn, r -> r[0].equals(oid));
    }

    /** Forgets a dropped table's policies and switches. */
    public void dropForTable(Transaction txn, long table) {
        policies.delete(txn, r -> r[1].equals(table));
        flags.delete(txn, r -> r[0].equals(table));
    }

    public Switches switches(Snapshot snapshot, long table) {
        return flags.rows(snapshot, r -> r[0].equals(table)).stream()
                .map(r -> new Switches((Integer) r[1] != 0, (Integer) r[2] != 0)).findFirst().orElse(Switches.OFF);
    }

    public void setSwitches(Transaction txn, long table, Switches s) {
        flags.delete(txn, r -> r[0].equals(table));
        if (s.enabled() || s.forced()) {
            flags.insert(txn, table, s.enabled() ? 1 : 0, s.forced() ? 1 : 0);
        }
    }

    private static Object[] encode(Policy p) {
        return new Object[] {p.oid(), p.table(), p.name(), String.valueOf(p.command()), p.permissive() ? 1 : 0,
                String.join(",", p.roles().stream().map(String::valueOf).toList()), p.using(), p.withCheck()};
    }

    private static Policy decode(Object[] r) {
        String roles = (String) r[5];
        return new Policy((Long) r[0], (Long) r[1], (String) r[2], ((String) r[3]).charAt(0), (Integer) r[4] != 0,
                roles.isEmpty() ? List.of() : Arrays.stream(roles.split(",")).map(Long::valueOf).toList(),
                (String) r[6], (String) r[7]);
    }
}
