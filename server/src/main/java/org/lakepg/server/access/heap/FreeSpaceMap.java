package org.lakepg.server.access.heap;

import java.util.Arrays;

/**
 * Approximate free space per heap block, in 32-byte steps (PostgreSQL's FSM categories). Kept in memory only: it
 * is a hint, like PostgreSQL's (which is not fully WAL-logged either); after a restart it fills up again as
 * pages are written and vacuumed, and until then inserts go to the relation's last page.
 */
final class FreeSpaceMap {

    private byte[] categories = new byte[64];
    private int blocks;
    private int searchStart;
    private final java.util.BitSet recorded = new java.util.BitSet();

    synchronized void record(int block, int freeBytes) {
        if (block >= categories.length) {
            categories = Arrays.copyOf(categories, Math.max(categories.length * 2, block + 1));
        }
        categories[block] = (byte) Math.min(255, freeBytes / 32);
        blocks = Math.max(blocks, block + 1);
        recorded.set(block);
    }

    /** True if free space was recorded for the block since this compute started. */
    synchronized boolean knows(int block) {
        return recorded.get(block);
    }

    /** A block that had at least {@code needed} free bytes when last recorded, or -1. */
    synchronized int find(int needed) {
        int category = (needed + 31) / 32;
        for (int i = 0; i < blocks; i++) {
            int b = (searchStart + i) % blocks;
            if (Byte.toUnsignedInt(categories[b]) >= category) {
                searchStart = b;
                return b;
            }
        }
        return -1;
    }
}
