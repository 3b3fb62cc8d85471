package org.lakepg.server.access.btree;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Page;

/**
 * Builds the tree of a new, empty index bottom-up from entries already in index order, as PostgreSQL's nbtsort
 * does: leaves are filled left to right to a fill factor, then each upper level is built from the downlinks of the
 * level below, and the metapage is pointed at the single page of the top level last. Every page is written once
 * and logged as one record (in effect a full page image), instead of a descent, an insert and a record per entry.
 *
 * <p>The index must be unreachable by anyone else while it is built (its creating transaction has not committed).
 * A crash in the middle leaves a half-built relation that no committed catalog row names, as a half-filled index
 * of an uncommitted CREATE INDEX always did.
 */
final class BTreeBuild {

    /** PostgreSQL's BTREE_DEFAULT_FILLFACTOR: leaves keep room for later inserts without splitting at once. */
    private static final int LEAF_FILL_PERCENT = 90;
    /** PostgreSQL's BTREE_NONLEAF_FILLFACTOR. */
    private static final int INTERNAL_FILL_PERCENT = 70;
    /** The empty root leaf {@link BTreeIndex#create} made; it becomes the leftmost leaf. */
    private static final int FIRST_LEAF = 1;

    private final BTreeIndex index;

    BTreeBuild(BTreeIndex index) {
        this.index = index;
    }

    /** Fills the index with {@code sorted} entries (strictly ascending by key, then tid). */
    void run(Iterator<IndexEntry> sorted) {
        try (PinnedPage meta = index.context().cache().pinShared(index.key(BTreePage.META_BLOCK))) {
            if (Bytes.i32(meta.data(), 4) != FIRST_LEAF) {
                throw new IllegalStateException("index \"" + index.name() + "\" is not freshly created");
            }
        }
        Iterator<byte[]> leafItems = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sorted.hasNext();
            }

            @Override
            public byte[] next() {
                IndexEntry e = sorted.next();
                return BTreePage.leafItem(e.key(), e.tid());
            }
        };
        if (!leafItems.hasNext()) {
            return;
        }
        List<byte[]> downlinks = new LevelWriter(0).write(leafItems);
        int level = 0;
        while (downlinks.size() > 1) {
            level++;
            downlinks = new LevelWriter(level).write(downlinks.iterator());
        }
        int root = Bytes.i32(downlinks.getFirst(), 0);
        try (PinnedPage meta = index.context().cache().pinExclusive(index.key(BTreePage.META_BLOCK));
             PageWriter.PageChangeSet change = index.context().writer().begin()) {
            change.track(meta);
            Bytes.i32(meta.data(), 4, root);
            Bytes.i32(meta.data(), 8, level);
            change.commit();
        }
    }

    /** Writes one level left to right; returns the downlinks to its pages, for the level above. */
    private final class LevelWriter {

        private final int level;
        private final int fillReserve;
        private final List<byte[]> downlinks = new ArrayList<>();
        private PinnedPage page;
        private PageWriter.PageChangeSet change;

        LevelWriter(int level) {
            this.level = level;
            this.fillReserve = Page.SIZE * (100 - (level == 0 ? LEAF_FILL_PERCENT : INTERNAL_FILL_PERCENT)) / 100;
        }

        List<byte[]> write(Iterator<byte[]> items) {
            byte[] item = items.next();
            try {
                open(level == 0 ? pinFirstLeaf() : extend(), BTreePage.NONE, null);
                while (item != null) {
                    byte[] next = items.hasNext() ? items.next() : null;
                    // the item stays on this page if the page then keeps its fill reserve and room for the high key
                    // it gets if it is closed right after (the next item's entry)
                    byte[] p = page.data();
                    int after = SlottedPage.freeSpace(p) - item.length;
                    int highKey = next == null ? 0 : entryLength(next) + SlottedPage.LINE_POINTER_SIZE;
                    boolean empty = BTreePage.count(p) == 0;
                    if (!empty && (after < fillReserve || after < highKey)) {
                        // the room for this item's entry as high key was kept when the previous item was added
                        PinnedPage right = extend();
                        try {
                            finish(right.block(), entry(item));
                        } catch (RuntimeException e) {
                            right.close();
                            throw e;
                        }
                        open(right, page.block(), item);
                    }
                    append(page.data(), item);
                    item = next;
                }
                finish(BTreePage.NONE, null);
            } finally {
                if (change != null) {
                    change.close();
                }
                if (page != null) {
                    page.close();
                }
            }
            return downlinks;
        }

        /** Starts a page; its downlink carries its first item's entry (minus infinity for the leftmost page). */
        private void open(PinnedPage next, int left, byte[] firstItem) {
            PinnedPage previous = page;
            page = next;
            change = index.context().writer().begin();
            change.track(page);
            BTreePage.init(page.data(), level, left, BTreePage.NONE);
            if (previous != null) {
                previous.close();
            }
            byte[] lowKey = firstItem == null ? new byte[6] : entry(firstItem);
            downlinks.add(BTreePage.internalItem(page.block(), lowKey));
        }

        /** Links the current page to its right sibling, adds the high key, and logs the page. */
        private void finish(int right, byte[] highKey) {
            byte[] p = page.data();
            BTreePage.right(p, right);
            if (highKey != null && !SlottedPage.insertItemAt(p, 1, highKey)) {
                throw new IllegalStateException("no room for the high key of index \"" + index.name() + "\"");
            }
            change.commit();
            change.close();
            change = null;
            if (right == BTreePage.NONE) {
                page.close();
                page = null;
            }
        }

        private byte[] entry(byte[] item) {
            return level == 0 ? item : java.util.Arrays.copyOfRange(item, 4, item.length);
        }

        private int entryLength(byte[] item) {
            return level == 0 ? item.length : item.length - 4;
        }

        private static void append(byte[] p, byte[] item) {
            if (!SlottedPage.insertItemAt(p, SlottedPage.itemCount(p) + 1, item)) {
                throw new IllegalStateException("an index item does not fit an empty page");
            }
        }
    }

    private PinnedPage pinFirstLeaf() {
        return index.context().cache().pinExclusive(index.key(FIRST_LEAF));
    }

    private PinnedPage extend() {
        return index.context().cache().extend(index.relationId(), ForkNumber.MAIN);
    }
}
