package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;

/** The triggers of tables, as pg_trigger rows, in catalog relation 15. */
public final class TriggerCatalog {
    static final int RELATION = 15;
    private final CatalogHeap heap;

    /**
     * One pg_trigger row. {@code type} has PostgreSQL's TRIGGER_TYPE bits; {@code enabled} is O (origin), D, R or A;
     * {@code columns} the attnums of UPDATE OF; {@code when} the WHEN condition as written (null: none).
     */
    public record TriggerInfo(long oid, long relid, String name, long function, int type, char enabled,
                              List<Integer> columns, List<String> arguments, String when, String oldTable,
                              String newTable, boolean constraint, boolean deferrable, boolean initiallyDeferred) {

        public static final int ROW = 1;
        public static final int BEFORE = 2;
        public static final int INSERT = 4;
        public static final int DELETE = 8;
        public static final int UPDATE = 16;
        public static final int TRUNCATE = 32;
        public static final int INSTEAD = 64;

        public boolean row() {
            return (type & ROW) != 0;
        }

        public boolean before() {
            return (type & BEFORE) != 0;
        }

        public boolean instead() {
            return (type & INSTEAD) != 0;
        }

        public boolean fires(int event) {
            return (type & event) != 0;
        }

        public TriggerInfo withEnabled(char state) {
            return new TriggerInfo(oid, relid, name, function, type, state, columns, arguments, when, oldTable, newTable,
                    constraint, deferrable, initiallyDeferred);
        }

        public TriggerInfo withColumns(List<Integer> attnums) {
            return new TriggerInfo(oid, relid, name, function, type, enabled, attnums, arguments, when, oldTable,
                    newTable, constraint, deferrable, initiallyDeferred);
        }

        public TriggerInfo withName(String newName) {
            return new TriggerInfo(oid, relid, newName, function, type, enabled, columns, arguments, when, oldTable,
                    newTable, constraint, deferrable, initiallyDeferred);
        }
    }

    TriggerCatalog(AccessContext access, boolean exists) {
        heap = CatalogHeap.open(access, RELATION, "lakepg_trigger", exists, TypeOids.INT8, TypeOids.INT8, TypeOids.TEXT,
                TypeOids.INT8, TypeOids.INT4, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT,
                TypeOids.TEXT, TypeOids.INT4);
    }

    public List<TriggerInfo> triggers(Snapshot snapshot) {
        return heap.rows(snapshot).stream().map(TriggerCatalog::decode).toList();
    }

    /** A table's triggers in the order they fire: by name. */
    public List<TriggerInfo> forTable(Snapshot snapshot, long relid) {
        List<TriggerInfo> out = new ArrayList<>(heap.rows(snapshot, r -> r[1].equals(relid)).stream()
                .map(TriggerCatalog::decode).toList());
        out.sort(Comparator.comparing(TriggerInfo::name));
        return out;
    }

    public void create(Transaction txn, TriggerInfo t) {
        heap.insert(txn, encode(t));
    }

    public void drop(Transaction txn, long oid) {
        heap.delete(txn, r -> r[0].equals(oid));
    }

    public void dropForTable(Transaction txn, long relid) {
        heap.delete(txn, r -> r[1].equals(relid));
    }

    public void replace(Transaction txn, TriggerInfo t) {
        heap.update(txn, r -> r[0].equals(t.oid()), r -> encode(t));
    }

    private static Object[] encode(TriggerInfo t) {
        int flags = (t.constraint() ? 1 : 0) | (t.deferrable() ? 2 : 0) | (t.initiallyDeferred() ? 4 : 0);
        return new Object[] {t.oid(), t.relid(), t.name(), t.function(), t.type(), String.valueOf(t.enabled()),
                String.join(",", t.columns().stream().map(String::valueOf).toList()), String.join("\u001f", t.arguments())
                        + (t.arguments().isEmpty() ? "" : "\u001f"), t.when(), t.oldTable(), t.newTable(), flags};
    }

    private static TriggerInfo decode(Object[] r) {
        String columns = (String) r[6];
        String args = (String) r[7];
        int flags = (Integer) r[11];
        return new TriggerInfo((Long) r[0], (Long) r[1], (String) r[2], (Long) r[3], (Integer) r[4],
                ((String) r[5]).charAt(0),
                columns.isEmpty() ? List.of() : Arrays.stream(columns.split(",")).map(Integer::valueOf).toList(),
                args.isEmpty() ? List.of() : List.of(args.substring(0, args.length() - 1).split("\u001f", -1)),
                (String) r[8], (String) r[9], (String) r[10], (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
    }
}
