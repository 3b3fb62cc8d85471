package org.lakepg.server.access.heap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.txn.Xids;
import org.lakepg.storage.Page;

/** Reads a heap for the verifier: page structure problems, and every HOT chain with its versions' states. */
public final class HeapCheck {

    /** A chain root (what index entries point to): its line pointer state and its versions. */
    public record Chain(Tid root, int rootFlags, List<Version> versions) {
        public boolean anyNotDead() {
            return versions.stream().anyMatch(v -> v.state() != Visibility.VacuumState.DEAD);
        }
    }

    public record Version(Tid tid, byte[] payload, Visibility.VacuumState state) {
    }

    private HeapCheck() {
    }

    /** Structural problems of the heap's pages, and its chains (both empty/complete for a healthy heap). */
    public static List<String> inspect(HeapRelation heap, Map<Tid, Chain> chainsOut) {
        List<String> problems = new ArrayList<>();
        long oldestXmin = heap.context().txns().oldestXmin();
        int blocks = heap.blockCount();
        for (int block = 0; block < blocks; block++) {
            List<Tid> external = new ArrayList<>();
            Map<Tid, List<Tid>> chainTids = new LinkedHashMap<>();
            Map<Tid, Integer> rootFlags = new LinkedHashMap<>();
            Map<Tid, byte[]> payloads = new LinkedHashMap<>();
            Map<Tid, Visibility.VacuumState> states = new LinkedHashMap<>();
            try (PinnedPage page = heap.context().cache().pinShared(heap.key(block))) {
                byte[] p = page.data();
                if (SlottedPage.isNew(p)) {
                    continue;
                }
                int count = SlottedPage.itemCount(p);
                if (SlottedPage.lower(p) > SlottedPage.upper(p) || SlottedPage.upper(p) > Page.SIZE) {
                    problems.add("block " + block + ": pd_lower " + SlottedPage.lower(p) + " > pd_upper "
                            + SlottedPage.upper(p));
                    continue;
                }
                boolean[] reached = new boolean[count + 1];
                for (int off = 1; off <= count; off++) {
                    int flags = SlottedPage.itemFlags(p, off);
                    if (flags == SlottedPage.LP_NORMAL) {
                        int start = SlottedPage.itemOffset(p, off);
                        int len = SlottedPage.itemLength(p, off);
                        if (start < SlottedPage.upper(p) || start + len > Page.SIZE || len < TupleHeader.SIZE) {
                            problems.add("tuple " + new Tid(block, off) + " lies outside the page's item space");
                            continue;
                        }
                    }
                    boolean root = flags == SlottedPage.LP_REDIRECT || flags == SlottedPage.LP_DEAD
                            || (flags == SlottedPage.LP_NORMAL
                            && !TupleHeader.has2(p, SlottedPage.itemOffset(p, off), TupleHeader.HEAP_ONLY));
                    if (!root) {
                        continue;
                    }
                    Tid rootTid = new Tid(block, off);
                    rootFlags.put(rootTid, flags);
                    List<Tid> members = new ArrayList<>();
                    chainTids.put(rootTid, members);
                    if (flags == SlottedPage.LP_DEAD) {
                        continue;
                    }
                    int cur = off;
                    if (flags == SlottedPage.LP_REDIRECT) {
                        cur = SlottedPage.itemOffset(p, off);
                        if (cur < 1 || cur > count || SlottedPage.itemFlags(p, cur) != SlottedPage.LP_NORMAL
                                || !TupleHeader.has2(p, SlottedPage.itemOffset(p, cur), TupleHeader.HEAP_ONLY)) {
                            problems.add("redirect " + rootTid + " points to " + cur + ", not a heap-only tuple");
                            continue;
                        }
                    }
                    long priorXmax = Xids.INVALID;
                    while (cur >= 1 && cur <= count && SlottedPage.itemFlags(p, cur) == SlottedPage.LP_NORMAL
                            && !reached[cur]) {
                        int t = SlottedPage.itemOffset(p, cur);
                        if (priorXmax != Xids.INVALID && TupleHeader.xmin(p, t) != priorXmax) {
                            break;
                        }
                        if (!members.isEmpty() && !TupleHeader.has2(p, t, TupleHeader.HEAP_ONLY)) {
                            break;
                        }
                        reached[cur] = true;
                        Tid tid = new Tid(block, cur);
                        members.add(tid);
                        states.put(tid, heap.context().visibility().vacuumState(p, t, oldestXmin));
                        int len = SlottedPage.itemLength(p, cur);
                        payloads.put(tid, java.util.Arrays.copyOfRange(p, t + TupleHeader.SIZE, t + len));
                        if (TupleHeader.has(p, t, TupleHeader.HAS_EXTERNAL)) {
                            external.add(tid);
                        }
                        if (!TupleHeader.has2(p, t, TupleHeader.HOT_UPDATED)) {
                            break;
                        }
                        if (TupleHeader.ctid(p, t).block() != block) {
                            problems.add("HOT-updated tuple " + tid + " points to another block");
                            break;
                        }
                        priorXmax = TupleHeader.xmax(p, t);
                        cur = TupleHeader.ctid(p, t).offset();
                    }
                }
                for (int off = 1; off <= count; off++) {
                    if (!reached[off] && SlottedPage.itemFlags(p, off) == SlottedPage.LP_NORMAL) {
                        int t = SlottedPage.itemOffset(p, off);
                        if (heap.context().visibility().vacuumState(p, t, oldestXmin) != Visibility.VacuumState.DEAD) {
                            problems.add("heap-only tuple " + new Tid(block, off) + " is not reachable from any root");
                        }
                    }
                }
            }
            for (Tid tid : external) {
                payloads.put(tid, heap.toast().fetch(payloads.get(tid)));
            }
            for (var e : chainTids.entrySet()) {
                List<Version> versions = new ArrayList<>();
                for (Tid tid : e.getValue()) {
                    versions.add(new Version(tid, payloads.get(tid), states.get(tid)));
                }
                chainsOut.put(e.getKey(), new Chain(e.getKey(), rootFlags.get(e.getKey()), versions));
            }
        }
        return problems;
    }
}
