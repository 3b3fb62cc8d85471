package org.lakepg.server.access.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.Xids;

/**
 * Walks HOT chains — the versions of one row on one page, linked by ctid from the root line pointer that index
 * entries point to (through a redirect once the root version was pruned). A link whose next version's xmin is not
 * the previous version's xmax ends the chain: that slot was reused.
 */
final class HotChains {

    private HotChains() {
    }

    static Optional<HeapTuple> fetchVisible(HeapRelation heap, Snapshot snapshot, Tid root) {
        if (root.block() >= heap.blockCount()) {
            return Optional.empty();
        }
        HeapRelation.Raw raw = null;
        try (PinnedPage page = heap.context().cache().pinShared(heap.key(root.block()))) {
            byte[] p = page.data();
            int offset = root.offset();
            long priorXmax = Xids.INVALID;
            int count = SlottedPage.itemCount(p);
            for (int hops = 0; hops <= count; hops++) {
                if (offset > count) {
                    break;
                }
                int flags = SlottedPage.itemFlags(p, offset);
                if (flags == SlottedPage.LP_REDIRECT && hops == 0) {
                    offset = SlottedPage.itemOffset(p, offset);
                    continue;
                }
                if (flags != SlottedPage.LP_NORMAL) {
                    break;
                }
                int t = SlottedPage.itemOffset(p, offset);
                if (priorXmax != Xids.INVALID && TupleHeader.xmin(p, t) != priorXmax) {
                    break; // the slot was reused: the chain ended here
                }
                if (heap.context().visibility().isVisible(p, t, snapshot)) {
                    raw = HeapRelation.read(p, new Tid(root.block(), offset));
                    break;
                }
                if (!TupleHeader.has2(p, t, TupleHeader.HOT_UPDATED)) {
                    break;
                }
                priorXmax = TupleHeader.xmax(p, t);
                offset = TupleHeader.ctid(p, t).offset();
            }
        }
        return raw == null ? Optional.empty() : Optional.of(heap.detoast(raw));
    }

    static Visibility.DirtyState state(HeapRelation heap, Transaction me, Tid root, Predicate<byte[]> sameRow) {
        if (root.block() >= heap.blockCount()) {
            return new Visibility.DirtyState.Dead();
        }
        List<Visibility.DirtyState> states = new ArrayList<>();
        List<HeapRelation.Raw> versions = new ArrayList<>();
        try (PinnedPage page = heap.context().cache().pinShared(heap.key(root.block()))) {
            byte[] p = page.data();
            int count = SlottedPage.itemCount(p);
            int offset = root.offset();
            long priorXmax = Xids.INVALID;
            for (int hops = 0; hops <= count && offset <= count; hops++) {
                int flags = SlottedPage.itemFlags(p, offset);
                if (flags == SlottedPage.LP_REDIRECT && hops == 0) {
                    offset = SlottedPage.itemOffset(p, offset);
                    continue;
                }
                if (flags != SlottedPage.LP_NORMAL) {
                    break;
                }
                int t = SlottedPage.itemOffset(p, offset);
                if (priorXmax != Xids.INVALID && TupleHeader.xmin(p, t) != priorXmax) {
                    break;
                }
                Visibility.DirtyState state = heap.context().visibility().dirtyState(p, t, me);
                if (!(state instanceof Visibility.DirtyState.Dead)) {
                    states.add(state);
                    versions.add(sameRow == null ? null : HeapRelation.read(p, new Tid(root.block(), offset)));
                }
                if (!TupleHeader.has2(p, t, TupleHeader.HOT_UPDATED)) {
                    break;
                }
                priorXmax = TupleHeader.xmax(p, t);
                offset = TupleHeader.ctid(p, t).offset();
            }
        }
        Visibility.DirtyState result = new Visibility.DirtyState.Dead();
        for (int i = 0; i < states.size(); i++) {
            if (sameRow != null && !sameRow.test(heap.detoast(versions.get(i)).payload())) {
                continue;
            }
            if (states.get(i) instanceof Visibility.DirtyState.Live) {
                return states.get(i);
            }
            result = states.get(i);
        }
        return result;
    }

}
