package org.lakepg.server.access.vacuum;

import java.util.List;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapVacuum;

/**
 * VACUUM of one table and its indexes: prune the heap (dead versions no running transaction can see), remove the
 * index entries of row versions that died entirely, then make their line pointers reusable. Runs concurrently
 * with readers and writers; it takes each page's exclusive latch only while working on that page.
 */
public final class Vacuum {

    /** What one VACUUM did, as VACUUM VERBOSE would report it. */
    public record Result(long removedTuples, long removedIndexEntries, long remainingTuples, long toastChunksRemoved,
                         long oldestXmin) {
    }

    private Vacuum() {
    }

    public static Result run(HeapRelation heap, List<BTreeIndex> indexes) {
        long oldestXmin = heap.context().txns().oldestXmin();
        HeapVacuum.PruneResult pruned = HeapVacuum.prune(heap, oldestXmin);
        long indexEntries = 0;
        if (!pruned.deadRoots().isEmpty()) {
            for (BTreeIndex index : indexes) {
                indexEntries += index.bulkDelete(pruned.deadRoots());
            }
            HeapVacuum.reclaim(heap, pruned.deadRoots());
        }
        HeapVacuum.finished(heap, pruned.liveTuples());
        return new Result(pruned.removedTuples(), indexEntries, pruned.liveTuples(), pruned.toastChunksRemoved(),
                oldestXmin);
    }
}
