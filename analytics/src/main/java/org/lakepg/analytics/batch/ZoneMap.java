package org.lakepg.analytics.batch;

/**
 * The smallest and largest value of every block of {@link #BLOCK} consecutive rows of an int4 or date vector (NULL
 * slots included with whatever value they hold, which only widens a block's range). Built once for a vector that
 * lives long (a cached Parquet column chunk), so a range filter skips the blocks that cannot match and keeps whole
 * the blocks that match entirely instead of testing every row: cheap when values follow insertion order even
 * loosely (dates of appended rows), and never wrong otherwise. A block whose values never decrease, or
 * decrease once (two ascending runs: a cycle that wraps, a second sorted batch), records where its second run starts:
 * a range that crosses it is at most two runs of consecutive rows found by binary search, not by testing each row.
 */
public final class ZoneMap {

    /** Rows per block: small enough to skip in data that is only locally ordered, large enough to cost ~1% memory. */
    public static final int BLOCK = 256;

    private final int[] min;
    private final int[] max;
    /**
     * Per block (NULL slots included): BLOCK if its values never decrease, the offset in the block of the one row
     * whose value is below its predecessor's, or -1 if they decrease more than once.
     */
    private final short[] secondRun;

    private ZoneMap(int[] min, int[] max, short[] secondRun) {
        this.min = min;
        this.max = max;
        this.secondRun = secondRun;
    }

    static ZoneMap of(int[] values, int size) {
        int blocks = (size + BLOCK - 1) / BLOCK;
        int[] min = new int[blocks];
        int[] max = new int[blocks];
        short[] secondRun = new short[blocks];
        for (int b = 0; b < blocks; b++) {
            int start = b * BLOCK;
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            int descents = 0;
            int lastDescent = BLOCK;
            for (int r = start, end = Math.min(size, start + BLOCK); r < end; r++) {
                lo = Math.min(lo, values[r]);
                hi = Math.max(hi, values[r]);
                if (r > start && values[r] < values[r - 1]) {
                    descents++;
                    lastDescent = r - start;
                }
            }
            min[b] = lo;
            max[b] = hi;
            secondRun[b] = (short) (descents <= 1 ? lastDescent : -1);
        }
        return new ZoneMap(min, max, secondRun);
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

    /**
     * Where the second ascending run of {@code block} starts, as an offset in the block: {@link #BLOCK} (or past the
     * block's last row) if the whole block is ascending, -1 if it is not made of at most two ascending runs.
     */
    public int secondRun(int block) {
        return secondRun[block];
    }

    /** The estimated heap bytes this map holds. */
    public long bytes() {
        return 10L * min.length + 48;
    }
}
