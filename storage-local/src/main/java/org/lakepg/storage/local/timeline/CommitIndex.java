package org.lakepg.storage.local.timeline;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.storage.StorageException;

/**
 * A timeline's own commit markers (LSN, timestamp) in LSN order, for "LSN at time". Clocks can step back, so the
 * search uses the running maximum of timestamps: the answer is the last commit before the first one stamped after
 * the requested time, as PostgreSQL's recovery_target_time stops there.
 * <p>
 * Commits up to the last checkpoint live in immutable {@link CommitSegment} files (one per checkpoint, small ones
 * merged), the rest in an in-memory tail; a checkpoint writes only the tail, so its cost does not grow with the
 * timeline's age. The running maximum is carried across segments, so the whole index is one monotone sequence and
 * a search loads at most one segment (a few recent ones are cached).
 */
final class CommitIndex {

    /** A segment this full is never merged again. */
    static final int FULL_SEGMENT = 64 * 1024;
    /** More trailing segments than this below {@link #FULL_SEGMENT} commits are merged into one. */
    static final int MAX_SMALL_SEGMENTS = 8;
    private static final int CACHED_SEGMENTS = 4;

    private final Path dir;
    private volatile List<CommitSegment> segments;
    private long[] lsns = new long[64];
    private long[] runningMaxMicros = new long[64];
    private int size;
    private final Map<String, CommitSegment.Entries> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommitSegment.Entries> eldest) {
            return size() > CACHED_SEGMENTS;
        }
    };

    /** An index made of the segments in {@code dir} a manifest names (nothing in memory yet). */
    CommitIndex(Path dir, List<CommitSegment> segments) {
        this.dir = dir;
        this.segments = List.copyOf(segments);
    }

    /** The segments written so far (what the manifest names). */
    List<CommitSegment> segments() {
        return segments;
    }

    synchronized void add(long lsn, long timestampMicros) {
        if (size == lsns.length) {
            lsns = Arrays.copyOf(lsns, size * 2);
            runningMaxMicros = Arrays.copyOf(runningMaxMicros, size * 2);
        }
        lsns[size] = lsn;
        runningMaxMicros[size] = Math.max(previousMax(), timestampMicros);
        size++;
    }

    private long previousMax() {
        if (size > 0) {
            return runningMaxMicros[size - 1];
        }
        List<CommitSegment> s = segments;
        return s.isEmpty() ? Long.MIN_VALUE : s.get(s.size() - 1).maxMicros();
    }

    /** What {@link #scan} found: the last commit not after the time (-1: none), and whether a later one was seen. */
    record Scan(long lastLsn, boolean passedTime) {
    }

    /**
     * Among own commits with LSN &lt;= {@code upTo}, in LSN order: the last one before the first stamped after
     * {@code micros} (then {@code passedTime}), or simply the last one if none is stamped after it.
     */
    Scan scan(long micros, long upTo) {
        while (true) {
            List<CommitSegment> segs = segments;
            long previous = -1;
            boolean retry = false;
            for (CommitSegment s : segs) {
                if (s.firstLsn() > upTo) {
                    return new Scan(previous, false);
                }
                if (s.maxMicros() <= micros && s.lastLsn() <= upTo) {
                    previous = s.lastLsn();
                    continue;
                }
                // the answer is in here: the time is passed in it, or later segments are all beyond upTo
                CommitSegment.Entries e = load(s);
                if (e == null) {
                    retry = true; // merged away meanwhile: look again at the new list
                    break;
                }
                return scan(e.lsns(), e.runningMaxMicros(), e.size(), micros, upTo, previous);
            }
            if (retry) {
                continue;
            }
            synchronized (this) {
                if (segments == segs) { // else a checkpoint moved tail commits into a segment meanwhile
                    return scan(lsns, runningMaxMicros, size, micros, upTo, previous);
                }
            }
        }
    }

    private static Scan scan(long[] lsns, long[] max, int size, long micros, long upTo, long previous) {
        int limit = upperBound(lsns, size, upTo);
        int lo = 0;
        int hi = limit;
        while (lo < hi) { // first index with runningMax > micros
            int mid = (lo + hi) >>> 1;
            if (max[mid] > micros) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new Scan(lo == 0 ? previous : lsns[lo - 1], lo < limit);
    }

    private static int upperBound(long[] lsns, int size, long upTo) {
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

    /** The segment's commits (cached), or null if its file is gone (merged into another meanwhile). */
    private CommitSegment.Entries load(CommitSegment s) {
        synchronized (cache) {
            CommitSegment.Entries e = cache.get(s.name());
            if (e != null) {
                return e;
            }
        }
        CommitSegment.Entries e;
        try {
            e = s.read(dir);
        } catch (NoSuchFileException gone) {
            if (segments.contains(s)) {
                throw new StorageException(StorageException.Reason.CORRUPTED,
                        "commit segment " + dir.resolve(s.name()) + " is missing", gone);
            }
            return null;
        } catch (IOException ex) {
            throw new StorageException(StorageException.Reason.IO,
                    "could not read commit segment " + dir.resolve(s.name()) + ": " + ex.getMessage(), ex);
        }
        synchronized (cache) {
            cache.put(s.name(), e);
        }
        return e;
    }

    /** What {@link #seal} left: the segments to name in the manifest, and files to delete once it is written. */
    record Sealed(List<CommitSegment> segments, List<String> obsolete) {
    }

    /**
     * Moves the in-memory commits at or below {@code upTo} into a new segment file (merging the trailing small
     * segments when there are too many). The caller names {@link Sealed#segments} in the manifest, then deletes
     * {@link Sealed#obsolete}. Only one seal may run at a time (the timeline's maintenance lock).
     */
    Sealed seal(long upTo) throws IOException {
        long[] newLsns;
        long[] newMax;
        int n;
        synchronized (this) {
            n = upperBound(lsns, size, upTo);
            newLsns = Arrays.copyOf(lsns, n);
            newMax = Arrays.copyOf(runningMaxMicros, n);
        }
        List<CommitSegment> next = new ArrayList<>(segments);
        List<String> obsolete = new ArrayList<>();
        // in pieces of at most FULL_SEGMENT commits (an index read from the old format holds them all), so a
        // search never loads more than one such piece
        for (int from = 0; from < n; from += FULL_SEGMENT) {
            int to = Math.min(n, from + FULL_SEGMENT);
            long[] pieceLsns = Arrays.copyOfRange(newLsns, from, to);
            long[] pieceMax = Arrays.copyOfRange(newMax, from, to);
            CommitSegment written = CommitSegment.write(dir, pieceLsns, pieceMax, to - from);
            next.add(written);
            synchronized (cache) {
                cache.put(written.name(), new CommitSegment.Entries(pieceLsns, pieceMax, to - from));
            }
        }
        if (n > 0) {
            mergeSmallTail(next, obsolete);
        }
        synchronized (this) {
            segments = List.copyOf(next);
            System.arraycopy(lsns, n, lsns, 0, size - n);
            System.arraycopy(runningMaxMicros, n, runningMaxMicros, 0, size - n);
            size -= n;
        }
        return new Sealed(segments, obsolete);
    }

    /** Merges the trailing segments below {@link #FULL_SEGMENT} commits if there are more than a few. */
    private void mergeSmallTail(List<CommitSegment> segs, List<String> obsolete) throws IOException {
        int from = segs.size();
        while (from > 0 && segs.get(from - 1).count() < FULL_SEGMENT) {
            from--;
        }
        List<CommitSegment> small = segs.subList(from, segs.size());
        if (small.size() <= MAX_SMALL_SEGMENTS) {
            return;
        }
        int total = small.stream().mapToInt(CommitSegment::count).sum();
        long[] l = new long[total];
        long[] m = new long[total];
        int at = 0;
        for (CommitSegment s : small) {
            CommitSegment.Entries e = load(s);
            System.arraycopy(e.lsns(), 0, l, at, e.size());
            System.arraycopy(e.runningMaxMicros(), 0, m, at, e.size());
            at += e.size();
        }
        CommitSegment merged = CommitSegment.write(dir, l, m, total);
        small.forEach(s -> obsolete.add(s.name()));
        small.clear();
        segs.add(merged);
    }

    /**
     * Reads the commit index an old checkpoint file embedded whole (the count, then (LSN, running maximum) pairs as
     * big-endian longs); those commits stay in memory until the next checkpoint writes them as a segment.
     */
    static CommitIndex readEmbedded(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative commit count " + n);
        }
        byte[] bytes = new byte[Math.multiplyExact(n, 2 * Long.BYTES)];
        in.readFully(bytes);
        ByteBuffer pairs = ByteBuffer.wrap(bytes);
        long[] l = new long[Math.max(64, n)];
        long[] m = new long[Math.max(64, n)];
        long runningMax = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            l[i] = pairs.getLong();
            runningMax = i == 0 ? pairs.getLong() : Math.max(runningMax, pairs.getLong());
            m[i] = runningMax;
        }
        CommitIndex index = new CommitIndex(null, List.of());
        index.lsns = l;
        index.runningMaxMicros = m;
        index.size = n;
        return index;
    }

    /** This index (read from an old checkpoint file) writing its segments to {@code segmentDir}. */
    CommitIndex in(Path segmentDir) {
        CommitIndex moved = new CommitIndex(segmentDir, segments);
        synchronized (this) {
            moved.lsns = lsns;
            moved.runningMaxMicros = runningMaxMicros;
            moved.size = size;
        }
        return moved;
    }
}
