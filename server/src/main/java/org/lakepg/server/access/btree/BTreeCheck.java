package org.lakepg.server.access.btree;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.Bytes;

/** Structural checks of a B-tree for the verifier (like amcheck's bt_index_check): order, bounds, sibling links. */
public final class BTreeCheck {

    private BTreeCheck() {
    }

    public static List<String> check(BTreeIndex index) {
        List<String> problems = new ArrayList<>();
        int root;
        int rootLevel;
        try (PinnedPage meta = index.context().cache().pinShared(index.key(BTreePage.META_BLOCK))) {
            byte[] m = meta.data();
            if (Bytes.i32(m, 0) != BTreePage.MAGIC) {
                problems.add("index \"" + index.name() + "\": bad metapage magic");
                return problems;
            }
            root = Bytes.i32(m, 4);
            rootLevel = Bytes.i32(m, 8);
        }
        // walk each level from its leftmost page along right links
        int leftmost = root;
        for (int level = rootLevel; level >= 0; level--) {
            int block = leftmost;
            int expectedLeft = BTreePage.NONE;
            byte[] previousLast = null;
            int nextLeftmost = -1;
            while (block != BTreePage.NONE) {
                try (PinnedPage page = index.context().cache().pinShared(index.key(block))) {
                    byte[] p = page.data();
                    String where = "index \"" + index.name() + "\" block " + block;
                    if (BTreePage.level(p) != level) {
                        problems.add(where + ": level " + BTreePage.level(p) + ", expected " + level);
                        return problems;
                    }
                    if (BTreePage.left(p) != expectedLeft) {
                        problems.add(where + ": left link " + BTreePage.left(p) + ", expected " + expectedLeft);
                    }
                    int first = BTreePage.firstData(p);
                    int count = BTreePage.count(p);
                    int firstCompared = level == 0 ? first : first + 1;
                    for (int i = firstCompared; i <= count; i++) {
                        byte[] entry = BTreePage.entry(p, i);
                        if (previousLast != null && compareEntries(index, previousLast, entry) >= 0) {
                            problems.add(where + ": item " + i + " is not above the item before it");
                        }
                        previousLast = entry;
                        if (!BTreePage.isRightmost(p)
                                && compareEntries(index, entry, BTreePage.entry(p, 1)) >= 0) {
                            problems.add(where + ": item " + i + " is not below the high key");
                        }
                    }
                    if (level > 0 && nextLeftmost < 0 && count >= first) {
                        nextLeftmost = BTreePage.child(p, first);
                    }
                    expectedLeft = block;
                    block = BTreePage.right(p);
                }
            }
            leftmost = nextLeftmost;
        }
        return problems;
    }

    private static int compareEntries(BTreeIndex index, byte[] a, byte[] b) {
        int c = index.compareKeys(BTreePage.entryKey(a), BTreePage.entryKey(b));
        return c != 0 ? c : Long.compare(BTreePage.entryTid(a).pack(), BTreePage.entryTid(b).pack());
    }
}
