package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/** The rewrite rules of tables and views (CREATE RULE), as pg_rewrite rows, in catalog relation 27. */
public final class RuleCatalog {
    public static final int RELATION = 27;
    private final CatalogHeap heap;

    /**
     * One pg_rewrite row: {@code event} is PostgreSQL's ev_type ('1' SELECT, '2' UPDATE, '3' INSERT, '4' DELETE),
     * {@code enabled} its ev_enabled (O, D, R, A); {@code definition} the CREATE RULE text it was made by, re-parsed
     * to apply it (its names are looked up when it is applied).
     */
    public record RuleInfo(long oid, long relid, String name, char event, boolean instead, char enabled,
                           String definition) {
        public RuleInfo withName(String newName) {
            return new RuleInfo(oid, relid, newName, event, instead, enabled, definition);
        }

        public RuleInfo withEnabled(char state) {
            return new RuleInfo(oid, relid, name, event, instead, state, definition);
        }
    }

    RuleCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_rewrite", exists, TypeOids.INT8, TypeOids.INT8, TypeOids.TEXT,
                TypeOids.TEXT, TypeOids.INT4, TypeOids.TEXT, TypeOids.TEXT);
    }

    public List<RuleInfo> rules(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(RuleCatalog::decode).toList();
    }

    /** A relation's rules in the order they apply: by name. */
    public List<RuleInfo> forRelation(Snapshot snapshot, long relid) {
        List<RuleInfo> out = new ArrayList<>(heap.rows(snapshot, r -> r[1].equals(relid)).stream()
                .map(RuleCatalog::decode).toList());
        out.sort(Comparator.comparing(RuleInfo::name));
        return out;
    }

    public void create(Transaction txn, RuleInfo r) {
        heap.insert(txn, encode(r));
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }

    public void dropForRelation(Transaction txn, long relid) {
        heap.delete(txn, r -> r[1].equals(relid));
    }

    public void replace(Transaction txn, RuleInfo r) {
        heap.update(txn, row -> row[0].equals(r.oid()), row -> encode(r));
    }

    private static Object[] encode(RuleInfo r) {
        return new Object[] {r.oid(), r.relid(), r.name(), String.valueOf(r.event()), r.instead() ? 1 : 0,
                String.valueOf(r.enabled()), r.definition()};
    }

    private static RuleInfo decode(Object[] r) {
        return new RuleInfo((Long) r[0], (Long) r[1], (String) r[2], ((String) r[3]).charAt(0), (Integer) r[4] != 0,
                ((String) r[5]).charAt(0), (String) r[6]);
    }
}
