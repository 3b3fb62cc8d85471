package org.lakepg.server.access.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.server.access.wal.PageDiff;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.Page;

class SlottedPageTest {

    private static byte[] item(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** A page filled with random items, some of them then freed (unused, dead or redirect line pointers). */
    private static byte[] fragmentedPage(Random random, Map<Integer, byte[]> live) {
        byte[] page = new byte[Page.SIZE];
        SlottedPage.init(page, random.nextBoolean() ? 0 : 16);
        while (true) {
            byte[] item = item(random, 1 + random.nextInt(random.nextBoolean() ? 40 : 400));
            int off = SlottedPage.addItem(page, item, item.length);
            if (off < 0) {
                break;
            }
            live.put(off, item);
        }
        for (int off : live.keySet().toArray(new Integer[0])) {
            int r = random.nextInt(4);
            if (r == 0) {
                continue;
            }
            if (random.nextInt(3) == 0) {
                SlottedPage.setLinePointer(page, off, 0, r == 1 ? SlottedPage.LP_UNUSED : r == 2 ? SlottedPage.LP_DEAD
                        : SlottedPage.LP_REDIRECT, 0);
                live.remove(off);
            }
        }
        return page;
    }

    private static void assertCompacted(byte[] page, Map<Integer, byte[]> live) {
        int total = 0;
        boolean[] used = new boolean[Page.SIZE];
        for (var e : live.entrySet()) {
            assertThat(SlottedPage.itemFlags(page, e.getKey())).isEqualTo(SlottedPage.LP_NORMAL);
            assertThat(SlottedPage.item(page, e.getKey())).isEqualTo(e.getValue());
            int off = SlottedPage.itemOffset(page, e.getKey());
            for (int b = off; b < off + e.getValue().length; b++) {
                assertThat(used[b]).as("byte %d used twice", b).isFalse();
                used[b] = true;
            }
            total += e.getValue().length;
        }
        int upper = SlottedPage.upper(page);
        assertThat(upper).isEqualTo(SlottedPage.special(page) - total);
        for (int b = upper; b < SlottedPage.special(page); b++) {
            assertThat(used[b]).as("byte %d of the item area is a hole", b).isTrue();
        }
        byte[] free = Arrays.copyOfRange(page, SlottedPage.lower(page), upper);
        assertThat(free).containsOnly(0);
    }

    @Test
    void compactionKeepsEveryLiveItemAndLeavesOneContiguousFreeSpace() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            Map<Integer, byte[]> live = new HashMap<>();
            byte[] page = fragmentedPage(random, live);
            SlottedPage.compact(page);
            assertCompacted(page, live);
            // an item added afterwards fits into exactly the free space compaction reported
            int free = SlottedPage.freeSpace(page);
            if (free > 0) {
                byte[] extra = item(random, free);
                int off = SlottedPage.addItem(page, extra, extra.length);
                assertThat(off).isPositive();
                live.put(off, extra);
                assertCompacted(page, live);
            }
        }
    }

    @Test
    void compactingACompactPageChangesNothing() {
        Random random = new Random(7);
        Map<Integer, byte[]> live = new HashMap<>();
        byte[] page = fragmentedPage(random, live);
        SlottedPage.compact(page);
        byte[] once = page.clone();
        SlottedPage.compact(page);
        assertThat(page).isEqualTo(once);
    }

    @Test
    void removingOneOfManyEqualSizedItemsMovesOnlyOneItem() {
        Random random = new Random(3);
        byte[] page = new byte[Page.SIZE];
        SlottedPage.init(page, 0);
        Map<Integer, byte[]> live = new HashMap<>();
        while (true) {
            byte[] item = item(random, 120);
            int off = SlottedPage.addItem(page, item, item.length);
            if (off < 0) {
                break;
            }
            live.put(off, item);
        }
        SlottedPage.setLinePointer(page, 3, 0, SlottedPage.LP_UNUSED, 0);
        live.remove(3);
        byte[] before = page.clone();
        SlottedPage.compact(page);
        assertCompacted(page, live);
        // the lowest item moved into the hole: its bytes, its line pointer, the zeroed old place and the header
        PageWrite diff = PageDiff.of(PageKey.main(1, 0), before, page);
        assertThat(diff).isInstanceOf(PagePatch.class);
        assertThat(((PagePatch) diff).patches()).hasSizeLessThanOrEqualTo(5);
    }
}
