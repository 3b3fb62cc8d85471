package org.lakepg.server.access.btree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.access.wal.PageWriter;

/**
 * Vacuum's removal of empty leaves (PostgreSQL's nbtree page deletion, simplified): an empty leaf that is not its
 * parent's last child is unlinked from its siblings and its parent in one WAL record, its right sibling taking over
 * its key range; the page itself is marked deleted and only reused by a split once no running transaction can still
 * hold a link to it. Latches are taken as splits take them — left to right on a level, then the parent — so the
 * two never deadlock.
 */
final class BTreePageDeletion {

    private final BTreeIndex index;

    BTreePageDeletion(BTreeIndex index) {
        this.index = index;
    }

    private static boolean deletable(byte[] p) {
        return !BTreePage.isDeleted(p) && BTreePage.isLeaf(p) && !BTreePage.isRightmost(p)
                && BTreePage.count(p) < BTreePage.firstData(p);
    }

    /** Unlinks the leaf if it is (still) empty and deletable; leaves it alone otherwise. Returns true if deleted. */
    boolean deleteEmptyLeaf(int block) {
        AccessContext ctx = index.context();
        int leftBlock;
        try (PinnedPage target = ctx.cache().pinShared(index.key(block))) {
            if (!deletable(target.data())) {
                return false;
            }
            leftBlock = BTreePage.left(target.data());
        }
        List<PinnedPage> held = new ArrayList<>(4);
        try (PageWriter.PageChangeSet change = ctx.writer().begin()) {
            PinnedPage left = null;
            if (leftBlock != BTreePage.NONE) {
                left = ctx.cache().pinExclusive(index.key(leftBlock));
                // the left neighbour may have split since: its right link leads to the target's true left
                while (BTreePage.right(left.data()) != block) {
                    int next = BTreePage.right(left.data());
                    left.close();
                    if (next == BTreePage.NONE) {
                        return false;
                    }
                    left = ctx.cache().pinExclusive(index.key(next));
                }
                held.add(left);
                if (BTreePage.isDeleted(left.data())) {
                    return false;
                }
            }
            PinnedPage target = ctx.cache().pinExclusive(index.key(block));
            held.add(target);
            byte[] tp = target.data();
            if (!deletable(tp) || BTreePage.left(tp) != (left == null ? BTreePage.NONE : left.block())) {
                return false;
            }
            int rightBlock = BTreePage.right(tp);
            PinnedPage right = ctx.cache().pinExclusive(index.key(rightBlock));
            held.add(right);
            // the target's high key is its right sibling's separator in the parent (the B-link invariant)
            byte[] high = BTreePage.entry(tp, 1);
            PinnedPage parent = index.descend(BTreePage.entryKey(high), BTreePage.entryTid(high).pack(), 1, true);
            held.add(parent);
            byte[] pp = parent.data();
            int j = downlink(pp, rightBlock);
            if (j <= BTreePage.firstData(pp) || BTreePage.child(pp, j - 1) != block
                    || !Arrays.equals(BTreePage.entry(pp, j), high)) {
                return false; // the target is its parent's last child: leave it (PostgreSQL does the same)
            }
            change.track(parent).track(target).track(right);
            if (left != null) {
                change.track(left);
                BTreePage.right(left.data(), rightBlock);
            }
            BTreePage.left(right.data(), left == null ? BTreePage.NONE : left.block());
            // the target's downlink now leads to its right sibling, whose own separator goes
            Bytes.i32(pp, SlottedPage.itemOffset(pp, j - 1), rightBlock);
            SlottedPage.deleteItems(pp, new int[] {j});
            BTreePage.markDeleted(tp, ctx.txns().nextXid());
            change.commit();
            return true;
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).close();
            }
        }
    }

    /** Adds to {@code free} every deleted page no running transaction can reach any more. */
    void collectRecyclable(Queue<Integer> free) {
        AccessContext ctx = index.context();
        long horizon = ctx.txns().oldestXmin();
        int blocks = index.blockCount();
        for (int block = 1; block < blocks; block++) {
            try (PinnedPage page = ctx.cache().pinShared(index.key(block))) {
                byte[] p = page.data();
                if (!SlottedPage.isNew(p) && BTreePage.isDeleted(p) && BTreePage.safeXid(p) < horizon
                        && !free.contains(block)) {
                    free.add(block);
                }
            }
        }
    }

    private static int downlink(byte[] p, int child) {
        for (int i = BTreePage.firstData(p); i <= BTreePage.count(p); i++) {
            if (BTreePage.child(p, i) == child) {
                return i;
            }
        }
        return -1;
    }
}
