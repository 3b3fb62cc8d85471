package org.lakepg.server.access.btree;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.lakepg.server.access.buffer.PinnedPage;

/**
 * A range scan over a {@link BTreeIndex}'s leaves. Each leaf's matching entries are copied while it is latched, with
 * its sibling link read at the same moment; that pair stays consistent under concurrent splits (entries moved to a
 * new right sibling were already copied). Moving left re-finds the left neighbour by following right links from
 * the recorded left link, as PostgreSQL's _bt_walk_left does.
 */
final class BTreeScan implements Iterator<IndexEntry> {

    private final BTreeIndex index;
    private final ScanBound lower;
    private final ScanBound upper;
    private final boolean forward;
    private final ArrayDeque<IndexEntry> batch = new ArrayDeque<>();
    /** Block the scan continues from, NONE when done. */
    private int nextBlock;
    /** The leaf read last (backward scans walk left from it). */
    private int currentBlock;
    private boolean finished;

    BTreeScan(BTreeIndex index, ScanBound lower, ScanBound upper, boolean forward) {
        this.index = index;
        this.lower = lower;
        this.upper = upper;
        this.forward = forward;
        start();
    }

    private void start() {
        ScanBound from = forward ? lower : upper;
        PinnedPage page = from == null ? index.edgeLeaf(!forward)
                : index.descend(from.key(), BTreeIndex.searchTid(from, forward), 0, false);
        try {
            byte[] p = page.data();
            int position;
            if (forward) {
                position = from == null ? BTreePage.firstData(p) : index.lowerBound(p, from.key(), BTreeIndex.searchTid(from, true));
            } else {
                position = from == null ? BTreePage.count(p)
                        : index.lowerBound(p, from.key(), BTreeIndex.searchTid(from, false)) - 1;
            }
            read(page, position);
        } finally {
            page.close();
        }
    }

    /** Copies matching entries of the latched leaf starting at {@code position} in scan direction. */
    private void read(PinnedPage page, int position) {
        byte[] p = page.data();
        currentBlock = page.block();
        int first = BTreePage.firstData(p);
        int count = BTreePage.count(p);
        if (forward) {
            for (int i = Math.max(position, first); i <= count; i++) {
                byte[] key = BTreePage.key(p, i);
                if (pastEnd(key)) {
                    finished = true;
                    break;
                }
                batch.add(new IndexEntry(key, BTreePage.tid(p, i)));
            }
            nextBlock = BTreePage.right(p);
        } else {
            for (int i = Math.min(position, count); i >= first; i--) {
                byte[] key = BTreePage.key(p, i);
                if (pastEnd(key)) {
                    finished = true;
                    break;
                }
                batch.add(new IndexEntry(key, BTreePage.tid(p, i)));
            }
            nextBlock = BTreePage.left(p);
        }
        if (nextBlock == BTreePage.NONE) {
            finished = true;
        }
    }

    private boolean pastEnd(byte[] key) {
        ScanBound end = forward ? upper : lower;
        if (end == null) {
            return false;
        }
        int c = index.compareKeys(key, end.key());
        if (!forward) {
            c = -c;
        }
        return c > 0 || (c == 0 && !end.inclusive());
    }

    @Override
    public boolean hasNext() {
        while (batch.isEmpty() && !finished) {
            if (forward) {
                try (PinnedPage page = index.context().cache().pinShared(index.key(nextBlock))) {
                    if (BTreePage.isDeleted(page.data())) {
                        nextBlock = BTreePage.right(page.data()); // vacuum unlinked it: its keys are further right
                        continue;
                    }
                    read(page, 1);
                }
            } else {
                PinnedPage page = leftNeighbour();
                if (page == null) {
                    continue;
                }
                try {
                    read(page, Integer.MAX_VALUE);
                } finally {
                    page.close();
                }
            }
        }
        return !batch.isEmpty();
    }

    /**
     * The live leaf left of the one read last, latched shared. The recorded left link may be stale: the left page
     * may have split (walk right until the page whose right link is ours), been deleted (start again from its own
     * left link), or our page may have been deleted meanwhile (then its left neighbour now links to the live page
     * right of it).
     */
    private PinnedPage leftNeighbour() {
        var cache = index.context().cache();
        for (int attempt = 0; attempt < 5; attempt++) {
            int liveRight = BTreePage.NONE;
            try (PinnedPage current = cache.pinShared(index.key(currentBlock))) {
                if (BTreePage.isDeleted(current.data())) {
                    liveRight = BTreePage.right(current.data());
                }
            }
            while (liveRight != BTreePage.NONE) {
                try (PinnedPage r = cache.pinShared(index.key(liveRight))) {
                    if (!BTreePage.isDeleted(r.data())) {
                        break;
                    }
                    liveRight = BTreePage.right(r.data());
                }
            }
            int from = nextBlock;
            while (from != BTreePage.NONE) {
                PinnedPage page = cache.pinShared(index.key(from));
                int right = BTreePage.right(page.data());
                while (right != currentBlock && (liveRight == BTreePage.NONE || right != liveRight)
                        && right != BTreePage.NONE) {
                    page.close();
                    page = cache.pinShared(index.key(right));
                    right = BTreePage.right(page.data());
                }
                if (right == BTreePage.NONE) {
                    page.close();
                    break; // our page was deleted while we walked: look again
                }
                if (!BTreePage.isDeleted(page.data())) {
                    return page;
                }
                from = BTreePage.left(page.data());
                page.close();
            }
            if (from == BTreePage.NONE) {
                // nothing live is left of us any more: an empty page whose keys we have read
                finished = true;
                return null;
            }
        }
        throw new IllegalStateException("index \"" + index.name() + "\": no left neighbour of block " + currentBlock);
    }

    @Override
    public IndexEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.poll();
    }
}
