package org.lakepg.analytics.batch;

/**
 * The smallest and largest value of every block of {@link #BLOCK} consecutive rows of an int4 or date vector (NULL
 * slots included with whatever value they hold, which only widens a block's range). Built once for a vector that
 * lives long (a cached Parquet column chunk), so a range filter skips the blocks that cannot match and keeps whole
 * the blocks that match entirely instead of testing every row: cheap when values follow insertion order even
 * loosely (dates of appended rows), and never wrong otherwise.
 */
public final class ZoneMap {

    /** Rows per block: small enough to skip in data that is only locally ordered, large enough to cost ~1% memory. */
    public static final int BLOCK = 256;

    private final int[] min;
    private final int[] max;

    private ZoneMap(int[] min, int[] max) {
        this.min = min;
        this.max = max;
    }

    static ZoneMap of(int[] values, int size) {
        int blocks = (size + BLOCK - 1) / BLOCK;
        int[] min = new int[blocks];
        int[] max = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int r = b * BLOCK, end = Math.min(size, r + BLOCK); r < end; r++) {
                lo = Math.min(lo, values[r]);
                hi = Math.max(hi, values[r]);
            }
            min[b] = lo;
            max[b] = hi;
        }
        return new ZoneMap(min, max);
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

    /** The estimated heap bytes this map holds. */
    public long bytes() {
        return 8L * min.length + 32;
    }
}
