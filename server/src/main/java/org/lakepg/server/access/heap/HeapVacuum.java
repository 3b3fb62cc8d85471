package org.lakepg.server.access.heap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.txn.Xids;

/**
 * The heap half of VACUUM (PostgreSQL's heap pruning and lazy vacuum). Phase 1 prunes each page: dead HOT-chain
 * members are removed, a chain whose head died is redirected to its first surviving version, and a chain that
 * died entirely leaves its root line pointer DEAD until the index entries pointing at it are gone. Phase 3 (after
 * the caller removed those index entries) turns the DEAD line pointers into reusable ones.
 */
public final class HeapVacuum {

    /** What phase 1 found: root tids now DEAD (packed) and how many tuples were removed or remain. */
    public record PruneResult(Set<Long> deadRoots, long removedTuples, long liveTuples, long toastChunksRemoved) {
    }

    private HeapVacuum() {
    }

    public static PruneResult prune(HeapRelation heap, long oldestXmin) {
        Set<Long> deadRoots = new HashSet<>();
        long removed = 0;
        long live = 0;
        List<byte[]> toastPointers = new ArrayList<>();
        int blocks = heap.blockCount();
        for (int block = 0; block < blocks; block++) {
            try (PinnedPage page = heap.context().cache().pinExclusive(heap.key(block));
                 var change = heap.context().writer().begin()) {
                byte[] p = page.data();
                if (SlottedPage.isNew(p)) {
                    continue;
                }
                change.track(page);
                long[] counts = pruneBlock(heap, p, block, oldestXmin, deadRoots, toastPointers);
                removed += counts[0];
                live += counts[1];
                SlottedPage.compact(p);
                change.commit();
                heap.freeSpaceMap().record(block, SlottedPage.freeSpace(p));
            }
        }
        long chunks = 0;
        if (heap.toast() != null) {
            for (byte[] pointer : toastPointers) {
                chunks += removeChunks(heap.toast().relation(), heap.toast().chunkTids(pointer));
            }
        }
        return new PruneResult(deadRoots, removed, live, chunks);
    }

    /** Prunes one latched page; returns {removed, live}. */
    private static long[] pruneBlock(HeapRelation heap, byte[] p, int block, long oldestXmin, Set<Long> deadRoots,
                                     List<byte[]> toastPointers) {
        Visibility visibility = heap.context().visibility();
        int count = SlottedPage.itemCount(p);
        boolean[] inChain = new boolean[count + 1];
        // one buffer for every chain: an offset is in at most one chain, so no chain is longer than count
        int[] chain = new int[count];
        long removed = 0;
        long live = 0;
        for (int off = 1; off <= count; off++) {
            int flags = SlottedPage.itemFlags(p, off);
            if (flags == SlottedPage.LP_DEAD) {
                deadRoots.add(new Tid(block, off).pack()); // left by an earlier prune: its index entries remain
                continue;
            }
            boolean root = flags == SlottedPage.LP_REDIRECT || (flags == SlottedPage.LP_NORMAL
                    && !TupleHeader.has2(p, SlottedPage.itemOffset(p, off), TupleHeader.HEAP_ONLY));
            if (!root) {
                continue;
            }
            int chainLength = 0;
            int lastDead = -1;
            int cur = flags == SlottedPage.LP_REDIRECT ? SlottedPage.itemOffset(p, off) : off;
            long priorXmax = Xids.INVALID;
            while (cur >= 1 && cur <= count && SlottedPage.itemFlags(p, cur) == SlottedPage.LP_NORMAL && !inChain[cur]) {
                int t = SlottedPage.itemOffset(p, cur);
                if (priorXmax != Xids.INVALID && TupleHeader.xmin(p, t) != priorXmax) {
                    break;
                }
                if (chainLength > 0 && !TupleHeader.has2(p, t, TupleHeader.HEAP_ONLY)) {
                    break;
                }
                Visibility.VacuumState state = visibility.vacuumState(p, t, oldestXmin);
                chain[chainLength++] = cur;
                inChain[cur] = true;
                if (state == Visibility.VacuumState.DEAD) {
                    lastDead = chainLength - 1;
                } else if (state != Visibility.VacuumState.RECENTLY_DEAD) {
                    // a live version ends the walk: what follows it (an aborted or running update) is not
                    // "before" anything, and is handled as an unreachable heap-only version below
                    break;
                }
                if (!TupleHeader.has2(p, t, TupleHeader.HOT_UPDATED) || TupleHeader.ctid(p, t).block() != block) {
                    break;
                }
                priorXmax = TupleHeader.xmax(p, t);
                cur = TupleHeader.ctid(p, t).offset();
            }
            live += chainLength - (lastDead + 1);
            if (lastDead < 0) {
                if (chainLength == 0 && flags == SlottedPage.LP_REDIRECT) {
                    SlottedPage.setLinePointer(p, off, 0, SlottedPage.LP_DEAD, 0); // redirect to nothing
                    deadRoots.add(new Tid(block, off).pack());
                }
                continue;
            }
            for (int i = 0; i <= lastDead; i++) {
                int member = chain[i];
                int t = SlottedPage.itemOffset(p, member);
                if (TupleHeader.has(p, t, TupleHeader.HAS_EXTERNAL)) {
                    toastPointers.add(payload(p, member));
                }
                if (member != off) {
                    SlottedPage.setLinePointer(p, member, 0, SlottedPage.LP_UNUSED, 0);
                }
                removed++;
            }
            if (lastDead == chainLength - 1) {
                SlottedPage.setLinePointer(p, off, 0, SlottedPage.LP_DEAD, 0);
                deadRoots.add(new Tid(block, off).pack());
            } else {
                SlottedPage.setLinePointer(p, off, chain[lastDead + 1], SlottedPage.LP_REDIRECT, 0);
            }
        }
        // heap-only versions no chain reaches: left behind by aborted HOT updates
        for (int off = 1; off <= count; off++) {
            if (inChain[off] || SlottedPage.itemFlags(p, off) != SlottedPage.LP_NORMAL) {
                continue;
            }
            int t = SlottedPage.itemOffset(p, off);
            if (TupleHeader.has2(p, t, TupleHeader.HEAP_ONLY)
                    && visibility.vacuumState(p, t, oldestXmin) == Visibility.VacuumState.DEAD) {
                if (TupleHeader.has(p, t, TupleHeader.HAS_EXTERNAL)) {
                    toastPointers.add(payload(p, off));
                }
                SlottedPage.setLinePointer(p, off, 0, SlottedPage.LP_UNUSED, 0);
                removed++;
            }
        }
        int flags = SlottedPage.flags(p);
        SlottedPage.setFlags(p, flags | SlottedPage.FLAG_HAS_FREE_LINES);
        return new long[] {removed, live};
    }

    /**
     * Prunes one exclusively latched page in place, as an update that found no room for a HOT version does
     * (PostgreSQL's heap_page_prune_opt). Roots that die stay DEAD for the next VACUUM to clean their index entries.
     * Returns the out-of-line pointers of removed versions: remove them with {@link #removeValues} after releasing
     * the page.
     */
    static List<byte[]> pruneInPlace(HeapRelation heap, byte[] p, int block) {
        List<byte[]> toastPointers = new ArrayList<>();
        pruneBlock(heap, p, block, heap.context().txns().oldestXmin(), new HashSet<>(), toastPointers);
        SlottedPage.compact(p);
        return toastPointers;
    }

    static void removeValues(HeapRelation heap, List<byte[]> toastPointers) {
        if (heap.toast() != null) {
            for (byte[] pointer : toastPointers) {
                removeChunks(heap.toast().relation(), heap.toast().chunkTids(pointer));
            }
        }
    }

    private static byte[] payload(byte[] p, int offset) {
        int t = SlottedPage.itemOffset(p, offset);
        int len = SlottedPage.itemLength(p, offset);
        return java.util.Arrays.copyOfRange(p, t + TupleHeader.SIZE, t + len);
    }

    /** Phase 3: DEAD root line pointers whose index entries are gone become reusable. */
    public static void reclaim(HeapRelation heap, Set<Long> deadRoots) {
        TreeMap<Integer, List<Integer>> byBlock = new TreeMap<>();
        for (long packed : deadRoots) {
            Tid tid = Tid.unpack(packed);
            byBlock.computeIfAbsent(tid.block(), b -> new ArrayList<>()).add(tid.offset());
        }
        for (var e : byBlock.entrySet()) {
            try (PinnedPage page = heap.context().cache().pinExclusive(heap.key(e.getKey()));
                 var change = heap.context().writer().begin()) {
                byte[] p = page.data();
                change.track(page);
                for (int off : e.getValue()) {
                    if (off <= SlottedPage.itemCount(p) && SlottedPage.itemFlags(p, off) == SlottedPage.LP_DEAD) {
                        SlottedPage.setLinePointer(p, off, 0, SlottedPage.LP_UNUSED, 0);
                    }
                }
                SlottedPage.compact(p);
                change.commit();
                heap.freeSpaceMap().record(e.getKey(), SlottedPage.freeSpace(p));
            }
        }
    }

    private static long removeChunks(HeapRelation chunks, List<Tid> tids) {
        TreeMap<Integer, List<Integer>> byBlock = new TreeMap<>();
        for (Tid tid : tids) {
            byBlock.computeIfAbsent(tid.block(), b -> new ArrayList<>()).add(tid.offset());
        }
        for (var e : byBlock.entrySet()) {
            try (PinnedPage page = chunks.context().cache().pinExclusive(chunks.key(e.getKey()));
                 var change = chunks.context().writer().begin()) {
                byte[] p = page.data();
                change.track(page);
                for (int off : e.getValue()) {
                    SlottedPage.setLinePointer(p, off, 0, SlottedPage.LP_UNUSED, 0);
                }
                SlottedPage.compact(p);
                change.commit();
                chunks.freeSpaceMap().record(e.getKey(), SlottedPage.freeSpace(p));
            }
        }
        return tids.size();
    }

    /** Records the vacuum's live-tuple count for autovacuum's thresholds. */
    public static void finished(HeapRelation heap, long liveTuples) {
        heap.vacuumed(liveTuples);
    }
}
