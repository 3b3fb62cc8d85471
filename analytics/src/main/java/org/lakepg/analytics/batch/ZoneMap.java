package org.lakepg.analytics.batch;

/**
 * The smallest and largest value of every block of {@link #BLOCK} consecutive rows of an int4 or date vector (NULL
 * slots included with whatever value they hold, which only widens a block's range). Built once for a vector that
 * lives long (a cached Parquet column chunk), so a range filter skips the blocks that cannot match and keeps whole
 * the blocks that match entirely instead of testing every row: cheap when values follow insertion order even
 * loosely (dates of appended rows), and never wrong otherwise. A block whose values never decrease is marked
 * ascending: a range that crosses it is a run of consecutive rows found by binary search, not by testing each row.
 */
public final class ZoneMap {

    /** Rows per block: small enough to skip in data that is only locally ordered, large enough to cost ~1% memory. */
    public static final int BLOCK = 256;

    private final int[] min;
    private final int[] max;
    /** Bit b set: block b's values (NULL slots included) never decrease. */
    private final long[] ascending;

    private ZoneMap(int[] min, int[] max, long[] ascending) {
        this.min = min;
        this.max = max;
        this.ascending = ascending;
    }

    static ZoneMap of(int[] values, int size) {
        int blocks = (size + BLOCK - 1) / BLOCK;
        int[] min = new int[blocks];
        int[] max = new int[blocks];
        long[] ascending = new long[(blocks + 63) / 64];
        for (int b = 0; b < blocks; b++) {
            int start = b * BLOCK;
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            int descents = 0;
            for (int r = start, end = Math.min(size, start + BLOCK); r < end; r++) {
                lo = Math.min(lo, values[r]);
                hi = Math.max(hi, values[r]);
                descents += r > start && values[r] < values[r - 1] ? 1 : 0;
            }
            min[b] = lo;
            max[b] = hi;
            if (descents == 0) {
                ascending[b >> 6] |= 1L << b;
            }
        }
        return new ZoneMap(min, max, ascending);
    }

    public int blocks() {
        return min.length;
    }

    public long min(int block) {
        return min[block];
    }

    public long max(int block) {
        return max[block];
    }

    /** Whether the values of {@code block} never decrease from row to row. */
    public boolean ascending(int block) {
        return (ascending[block >> 6] & 1L << block) != 0;
    }

    /** The estimated heap bytes this map holds. */
    public long bytes() {
        return 8L * min.length + 8L * ascending.length + 48;
    }
}
