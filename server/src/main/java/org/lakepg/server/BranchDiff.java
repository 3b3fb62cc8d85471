package org.lakepg.server;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lakepg.server.branch.BranchDifference;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;

/**
 * lakepg_diff(): what differs between two read-only views of a database (two branches, or one branch at two
 * LSNs): tables and indexes only on one side, columns added, dropped or retyped, and per table the rows only one
 * side has (as multisets: a row updated on one side counts once on each side). Rows are compared by their
 * (detoasted) stored form, so the scan reads both tables completely.
 */
final class BranchDiff {
    private BranchDiff() {
    }

    static List<BranchDifference> between(Compute a, Compute b, String nameA, String nameB) {
        Transaction ta = a.transactions().begin();
        Transaction tb = b.transactions().begin();
        try {
            Map<String, TableInfo> left = byName(a.tables().tables(ta.snapshot()));
            Map<String, TableInfo> right = byName(b.tables().tables(tb.snapshot()));
            List<BranchDifference> out = new ArrayList<>();
            TreeMap<String, Boolean> names = new TreeMap<>();
            left.keySet().forEach(n -> names.put(n, true));
            right.keySet().forEach(n -> names.put(n, true));
            for (String name : names.keySet()) {
                TableInfo l = left.get(name);
                TableInfo r = right.get(name);
                if (l == null || r == null) {
                    out.add(new BranchDifference(name, "table only in " + (l == null ? nameB : nameA), null, null));
                    continue;
                }
                List<String> schema = columnDifferences(l, r, nameA, nameB);
                schema.addAll(indexDifferences(a.tables().indexes(ta.snapshot(), l.oid()),
                        b.tables().indexes(tb.snapshot(), r.oid()), nameA, nameB));
                for (String s : schema) {
                    out.add(new BranchDifference(name, s, null, null));
                }
                if (java.util.Arrays.equals(l.columnTypes(), r.columnTypes())) {
                    long[] counts = rowDifference(a, ta, l, b, tb, r);
                    if (counts[0] != 0 || counts[1] != 0) {
                        out.add(new BranchDifference(name, "rows differ", counts[0], counts[1]));
                    }
                }
            }
            return out;
        } finally {
            ta.rollback();
            tb.rollback();
        }
    }

    private static Map<String, TableInfo> byName(List<TableInfo> tables) {
        Map<String, TableInfo> out = new HashMap<>();
        for (TableInfo t : tables) {
            out.put(t.name(), t);
        }
        return out;
    }

    private static List<String> columnDifferences(TableInfo l, TableInfo r, String nameA, String nameB) {
        List<String> out = new ArrayList<>();
        Map<String, ColumnInfo> right = new HashMap<>();
        r.columns().forEach(c -> right.put(c.name(), c));
        for (ColumnInfo c : l.columns()) {
            ColumnInfo o = right.remove(c.name());
            if (o == null) {
                out.add("column " + c.name() + " only in " + nameA);
            } else if (c.type() != o.type() || c.typmod() != o.typmod()) {
                out.add("column " + c.name() + " is " + typeName(c) + " in " + nameA + ", " + typeName(o) + " in "
                        + nameB);
            } else if (c.notNull() != o.notNull()) {
                out.add("column " + c.name() + " is " + (c.notNull() ? "NOT NULL" : "nullable") + " in " + nameA
                        + ", " + (o.notNull() ? "NOT NULL" : "nullable") + " in " + nameB);
            }
        }
        for (ColumnInfo o : r.columns()) {
            if (right.containsKey(o.name())) {
                out.add("column " + o.name() + " only in " + nameB);
            }
        }
        return out;
    }

    private static String typeName(ColumnInfo c) {
        String name = org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().type(c.type()).map(TypeEntry::name)
                .orElse(Long.toString(c.type()));
        return c.typmod() < 0 ? name : name + "(typmod " + c.typmod() + ")";
    }

    private static List<String> indexDifferences(List<IndexInfo> l, List<IndexInfo> r, String nameA, String nameB) {
        List<String> out = new ArrayList<>();
        Map<String, IndexInfo> right = new HashMap<>();
        r.forEach(i -> right.put(i.name(), i));
        for (IndexInfo i : l) {
            IndexInfo o = right.remove(i.name());
            if (o == null) {
                out.add("index " + i.name() + " only in " + nameA);
            } else if (!i.columns().equals(o.columns()) || i.unique() != o.unique()) {
                out.add("index " + i.name() + " differs");
            }
        }
        right.keySet().stream().sorted().forEach(n -> out.add("index " + n + " only in " + nameB));
        return out;
    }

    /** Rows only in a, rows only in b, comparing the two tables as multisets of stored rows. */
    private static long[] rowDifference(Compute a, Transaction ta, TableInfo l, Compute b, Transaction tb,
                                        TableInfo r) {
        Map<ByteBuffer, long[]> counts = new HashMap<>();
        for (Iterator<org.lakepg.server.access.heap.HeapTuple> it = a.tables().heap(l).scan(ta.snapshot());
             it.hasNext(); ) {
            counts.computeIfAbsent(ByteBuffer.wrap(it.next().payload()), k -> new long[1])[0]++;
        }
        long onlyInB = 0;
        for (Iterator<org.lakepg.server.access.heap.HeapTuple> it = b.tables().heap(r).scan(tb.snapshot());
             it.hasNext(); ) {
            long[] n = counts.get(ByteBuffer.wrap(it.next().payload()));
            if (n != null && n[0] > 0) {
                n[0]--;
            } else {
                onlyInB++;
            }
        }
        long onlyInA = 0;
        for (long[] n : counts.values()) {
            onlyInA += n[0];
        }
        return new long[] {onlyInA, onlyInB};
    }
}
