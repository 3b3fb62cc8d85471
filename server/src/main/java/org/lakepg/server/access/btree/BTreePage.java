package org.lakepg.server.access.btree;

import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.storage.Page;

/**
 * Layout of B-tree pages (PostgreSQL's nbtree, simplified). Slotted pages whose items are kept in key order; the
 * 16-byte special space holds the left and right sibling and the level. A page that is not the rightmost of its
 * level has its high key (upper bound of its keys, the first key of its right sibling) at offset 1; data items
 * follow. Leaf items are {@code [tid:6][key]}; internal items {@code [child:4][tid:6][key]}, where the first data
 * item of an internal page stands for minus infinity. Entries compare by key, then tid, so every entry is unique.
 * Block 0 is the metapage: {@code [magic:4][root:4][root level:4]}.
 */
final class BTreePage {

    static final int SPECIAL = 16;
    static final int NONE = -1;
    static final int MAGIC = 0x053162; // PostgreSQL's BTREE_MAGIC
    static final int META_BLOCK = 0;

    private static final int LEFT = Page.SIZE - SPECIAL;
    private static final int RIGHT = LEFT + 4;
    private static final int LEVEL = LEFT + 8;
    private static final int FLAGS = LEFT + 12;
    /** The page was unlinked from the tree by vacuum; its one item is the xid horizon after which it may be reused. */
    private static final int DELETED = 1;

    private BTreePage() {
    }

    static void init(byte[] p, int level, int left, int right) {
        SlottedPage.init(p, SPECIAL);
        Bytes.i32(p, LEFT, left);
        Bytes.i32(p, RIGHT, right);
        Bytes.i32(p, LEVEL, level);
    }

    /**
     * Turns an empty leaf that vacuum has just unlinked into a deleted page. Its sibling links stay, so a scan that
     * read a link to it before the unlink moves on to the live pages; {@code safeXid} is the next xid at deletion:
     * once every running transaction's horizon is past it, nobody can still hold a link to the page.
     */
    static void markDeleted(byte[] p, long safeXid) {
        int left = left(p);
        int right = right(p);
        int level = level(p);
        init(p, level, left, right);
        Bytes.i32(p, FLAGS, DELETED);
        byte[] item = new byte[8];
        Bytes.i64(item, 0, safeXid);
        SlottedPage.insertItemAt(p, 1, item);
    }

    static boolean isDeleted(byte[] p) {
        return (Bytes.i32(p, FLAGS) & DELETED) != 0;
    }

    static long safeXid(byte[] p) {
        return Bytes.i64(p, SlottedPage.itemOffset(p, 1));
    }

    static int left(byte[] p) {
        return Bytes.i32(p, LEFT);
    }

    static void left(byte[] p, int block) {
        Bytes.i32(p, LEFT, block);
    }

    static int right(byte[] p) {
        return Bytes.i32(p, RIGHT);
    }

    static void right(byte[] p, int block) {
        Bytes.i32(p, RIGHT, block);
    }

    static int level(byte[] p) {
        return Bytes.i32(p, LEVEL);
    }

    static boolean isLeaf(byte[] p) {
        return level(p) == 0;
    }

    static boolean isRightmost(byte[] p) {
        return right(p) == NONE;
    }

    /** Offset number of the first data item (after the high key, if any). */
    static int firstData(byte[] p) {
        return isRightmost(p) ? 1 : 2;
    }

    static int count(byte[] p) {
        return SlottedPage.itemCount(p);
    }

    // ---- items ------------------------------------------------------------------------------------------------

    /** Byte offset in the page where the item's entry part ([tid][key]) starts. */
    static int entryStart(byte[] p, int offsetNumber) {
        int off = SlottedPage.itemOffset(p, offsetNumber);
        boolean internalData = !isLeaf(p) && !(offsetNumber == 1 && !isRightmost(p));
        return internalData ? off + 4 : off;
    }

    static int entryLength(byte[] p, int offsetNumber) {
        int len = SlottedPage.itemLength(p, offsetNumber);
        boolean internalData = !isLeaf(p) && !(offsetNumber == 1 && !isRightmost(p));
        return internalData ? len - 4 : len;
    }

    static int child(byte[] p, int offsetNumber) {
        return Bytes.i32(p, SlottedPage.itemOffset(p, offsetNumber));
    }

    static Tid tid(byte[] p, int offsetNumber) {
        int at = entryStart(p, offsetNumber);
        return new Tid(Bytes.i32(p, at), Bytes.u16(p, at + 4));
    }

    static byte[] key(byte[] p, int offsetNumber) {
        int at = entryStart(p, offsetNumber) + 6;
        int len = entryLength(p, offsetNumber) - 6;
        byte[] key = new byte[len];
        System.arraycopy(p, at, key, 0, len);
        return key;
    }

    /** The entry bytes ([tid][key]) of an item, as used for high keys and separators. */
    static byte[] entry(byte[] p, int offsetNumber) {
        int at = entryStart(p, offsetNumber);
        byte[] e = new byte[entryLength(p, offsetNumber)];
        System.arraycopy(p, at, e, 0, e.length);
        return e;
    }

    static byte[] leafItem(byte[] key, Tid tid) {
        byte[] item = new byte[6 + key.length];
        Bytes.i32(item, 0, tid.block());
        Bytes.u16(item, 4, tid.offset());
        System.arraycopy(key, 0, item, 6, key.length);
        return item;
    }

    static byte[] internalItem(int child, byte[] entry) {
        byte[] item = new byte[4 + entry.length];
        Bytes.i32(item, 0, child);
        System.arraycopy(entry, 0, item, 4, entry.length);
        return item;
    }

    static Tid entryTid(byte[] entry) {
        return new Tid(Bytes.i32(entry, 0), Bytes.u16(entry, 4));
    }

    static byte[] entryKey(byte[] entry) {
        byte[] key = new byte[entry.length - 6];
        System.arraycopy(entry, 6, key, 0, key.length);
        return key;
    }
}
