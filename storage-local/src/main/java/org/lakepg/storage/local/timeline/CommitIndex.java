package org.lakepg.storage.local.timeline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A timeline's own commit markers (LSN, timestamp) in LSN order, for "LSN at time". Clocks can step back, so the
 * search uses the running maximum of timestamps: the answer is the last commit before the first one stamped after
 * the requested time, as PostgreSQL's recovery_target_time stops there.
 */
final class CommitIndex {

    private long[] lsns = new long[64];
    private long[] runningMaxMicros = new long[64];
    private int size;

    synchronized void add(long lsn, long timestampMicros) {
        if (size == lsns.length) {
            lsns = Arrays.copyOf(lsns, size * 2);
            runningMaxMicros = Arrays.copyOf(runningMaxMicros, size * 2);
        }
        lsns[size] = lsn;
        runningMaxMicros[size] = size == 0 ? timestampMicros : Math.max(runningMaxMicros[size - 1], timestampMicros);
        size++;
    }

    /** What {@link #scan} found: the last commit not after the time (-1: none), and whether a later one was seen. */
    record Scan(long lastLsn, boolean passedTime) {
    }

    /**
     * Among own commits with LSN &lt;= {@code upTo}, in LSN order: the last one before the first stamped after
     * {@code micros} (then {@code passedTime}), or simply the last one if none is stamped after it.
     */
    synchronized Scan scan(long micros, long upTo) {
        int limit = upperBound(upTo);
        int lo = 0;
        int hi = limit;
        while (lo < hi) { // first index with runningMax > micros
            int mid = (lo + hi) >>> 1;
            if (runningMaxMicros[mid] > micros) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new Scan(lo == 0 ? -1 : lsns[lo - 1], lo < limit);
    }

    private int upperBound(long upTo) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lsns[mid] <= upTo) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Writes the commits at or below {@code upTo}: the count, then each (LSN, running maximum) pair as two big-endian
     * longs. Encoded in one buffer: a busy timeline's index holds millions of commits and is written at every
     * checkpoint, where a write call per value dominated the pageserver's profile.
     */
    synchronized void write(DataOutputStream out, long upTo) throws IOException {
        int n = upperBound(upTo);
        out.writeInt(n);
        ByteBuffer pairs = ByteBuffer.allocate(n * 2 * Long.BYTES);
        for (int i = 0; i < n; i++) {
            pairs.putLong(lsns[i]).putLong(runningMaxMicros[i]);
        }
        out.write(pairs.array());
    }

    /** Reads what {@link #write} wrote (read whole, then decoded: see there). */
    static CommitIndex read(DataInputStream in) throws IOException {
        CommitIndex index = new CommitIndex();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative commit count " + n);
        }
        byte[] bytes = new byte[Math.multiplyExact(n, 2 * Long.BYTES)];
        in.readFully(bytes);
        ByteBuffer pairs = ByteBuffer.wrap(bytes);
        index.lsns = new long[Math.max(64, n)];
        index.runningMaxMicros = new long[Math.max(64, n)];
        long runningMax = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            index.lsns[i] = pairs.getLong();
            runningMax = i == 0 ? pairs.getLong() : Math.max(runningMax, pairs.getLong());
            index.runningMaxMicros[i] = runningMax;
        }
        index.size = n;
        return index;
    }
}
