package org.lakepg.server.access.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lakepg.server.access.btree.BTreeCheck;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.heap.HeapCheck;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.page.SlottedPage;

/**
 * Checks a table and its indexes against each other (like PostgreSQL's amcheck with heapallindexed): page and
 * tree structure, every index entry points to a chain root whose versions carry the entry's key, and every chain
 * with a version that is not dead is indexed under its key by every index. Run it while the table is quiet.
 */
public final class Verifier {

    /** An index with the function the SQL engine uses to compute its key from a row's payload. */
    public record IndexKey(BTreeIndex index, Function<byte[], byte[]> keyOf) {
    }

    private Verifier() {
    }

    /** Every inconsistency found, as human-readable lines; empty when heap and indexes agree. */
    public static List<String> verify(HeapRelation heap, List<IndexKey> indexes) {
        Map<Tid, HeapCheck.Chain> chains = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>(HeapCheck.inspect(heap, chains));
        for (IndexKey ik : indexes) {
            BTreeIndex index = ik.index();
            problems.addAll(BTreeCheck.check(index));
            Map<Tid, List<byte[]>> keysByTid = new HashMap<>();
            Iterator<IndexEntry> it = index.entries();
            while (it.hasNext()) {
                IndexEntry entry = it.next();
                keysByTid.computeIfAbsent(entry.tid(), t -> new ArrayList<>()).add(entry.key());
                HeapCheck.Chain chain = chains.get(entry.tid());
                if (chain == null) {
                    problems.add("index \"" + index.name() + "\" entry points to " + entry.tid()
                            + ", which is not a chain root (unused or heap-only)");
                    continue;
                }
                for (HeapCheck.Version v : chain.versions()) {
                    if (!Arrays.equals(ik.keyOf().apply(v.payload()), entry.key())) {
                        problems.add("index \"" + index.name() + "\" entry for " + entry.tid()
                                + " has a key that version " + v.tid() + " does not have");
                    }
                }
            }
            for (HeapCheck.Chain chain : chains.values()) {
                if (chain.rootFlags() == SlottedPage.LP_DEAD || !chain.anyNotDead()) {
                    continue;
                }
                byte[] expected = ik.keyOf().apply(chain.versions().getFirst().payload());
                List<byte[]> keys = keysByTid.getOrDefault(chain.root(), List.of());
                if (keys.stream().noneMatch(k -> Arrays.equals(k, expected))) {
                    problems.add("row " + chain.root() + " of \"" + heap.name() + "\" is missing from index \""
                            + index.name() + "\"");
                }
            }
        }
        return problems;
    }
}
