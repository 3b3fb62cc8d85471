package org.lakepg.server.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;

/**
 * The storage format of catalog relation 14: one row per inheritance link (kind 'i': child, parent, seqno, and the
 * partition bound when the child is a partition) and one per partitioned table (kind 'k': its key).
 */
final class InheritanceRows {
    private InheritanceRows() {}

    static final char LINK = 'i';
    static final char KEY = 'k';
    /** Between the SQL texts of a key's expressions (a character SQL text never holds). */
    private static final String EXPRESSION_SEPARATOR = "\u001f";

    /**
     * kind, relid, parent, seqno, strategy, key attnums, bound text (a key's expressions), partition constraint (a
     * key's operator classes), its display form.
     */
    static final RowCodec CODEC = new RowCodec(new long[] {TypeOids.TEXT, TypeOids.INT8, TypeOids.INT8, TypeOids.INT4,
            TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT});

    static Object[] link(long child, long parent, int seqno, PartitionBound bound) {
        return new Object[] {String.valueOf(LINK), child, parent, seqno, null, null,
                bound == null ? null : bound.text(), bound == null ? null : bound.constraint(),
                bound == null ? null : bound.display()};
    }

    static Object[] key(long table, PartitionKey key) {
        return new Object[] {String.valueOf(KEY), table, 0L, 0, String.valueOf(key.strategy()),
                CatalogRows.attnums(key.columns()), String.join(EXPRESSION_SEPARATOR, key.expressions()),
                opclasses(key.opclasses()), null};
    }

    /** A key's user-defined operator classes in the key row's constraint slot (null when all are defaults). */
    private static String opclasses(List<Long> oids) {
        return oids.stream().allMatch(o -> o == 0) ? null
                : String.join(" ", oids.stream().map(String::valueOf).toList());
    }

    private static List<Long> opclasses(String text) {
        return text == null || text.isEmpty() ? null
                : java.util.Arrays.stream(text.split(" ")).map(Long::valueOf).toList();
    }

    private record Link(long child, long parent, int seqno) {}

    static Inheritance scan(Snapshot snapshot, HeapRelation heap) {
        List<Link> links = new ArrayList<>();
        Map<Long, PartitionKey> keys = new HashMap<>();
        Map<Long, PartitionBound> bounds = new HashMap<>();
        for (Iterator<HeapTuple> it = heap.scan(snapshot); it.hasNext(); ) {
            Object[] r = CODEC.decode(it.next().payload());
            long relid = (Long) r[1];
            if (((String) r[0]).charAt(0) == KEY) {
                String exprs = (String) r[6];
                keys.put(relid, new PartitionKey(((String) r[4]).charAt(0), CatalogRows.attnums((String) r[5]),
                        exprs == null || exprs.isEmpty() ? List.of() : List.of(exprs.split(EXPRESSION_SEPARATOR)),
                        opclasses((String) r[7])));
            } else {
                links.add(new Link(relid, (Long) r[2], (Integer) r[3]));
                if (r[6] != null) {
                    bounds.put(relid, new PartitionBound((String) r[6], (String) r[7], (String) r[8]));
                }
            }
        }
        if (links.isEmpty() && keys.isEmpty()) {
            return Inheritance.NONE;
        }
        Map<Long, List<Long>> parents = new HashMap<>();
        Map<Long, List<Long>> children = new HashMap<>();
        links.sort(Comparator.comparingInt(Link::seqno));
        for (Link l : links) {
            parents.computeIfAbsent(l.child(), k -> new ArrayList<>()).add(l.parent());
        }
        links.sort(Comparator.comparingLong(Link::child));
        for (Link l : links) {
            children.computeIfAbsent(l.parent(), k -> new ArrayList<>()).add(l.child());
        }
        parents.replaceAll((k, v) -> List.copyOf(v));
        children.replaceAll((k, v) -> List.copyOf(v));
        return new Inheritance(Map.copyOf(parents), Map.copyOf(children), Map.copyOf(keys), Map.copyOf(bounds));
    }
}
