package org.lakepg.storage.local.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.local.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One timeline's WAL: a directory of segment files named by the LSN they start at. Records never span segments, so
 * a segment starts exactly where the previous one's last record ends and LSN = segment start + file offset.
 * Appends go to the OS at once; {@link #sync()} (called by the group-commit flusher) makes them durable.
 */
public final class SegmentedWal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedWal.class);

    private final Path dir;
    private final String timelineName;
    private final long segmentSize;
    /** Where this timeline's history begins (its branch LSN): reads from before it are not "removed" WAL. */
    private final long historyStart;
    private final ReentrantLock lock = new ReentrantLock();
    /** Held by whoever runs {@link #sync()} through the group-commit flusher: one fsync at a time per WAL. */
    private final ReentrantLock syncLock = new ReentrantLock();
    /** start LSN → file; guarded by lock. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    /** The segment appends go to; null until the first append of a new timeline. */
    private FileChannel current;
    private boolean closed;
    private long currentStart;
    /**
     * Bytes of the current segment's file written so far, zeros ahead of the insert position included. Appends go
     * into zeros written beforehand, so the fsync of a commit need not also journal a new file size (an ext4
     * fdatasync of a growing file cost about 3x one of a file written in place), as PostgreSQL's WAL segments.
     */
    private long currentAllocated;
    static final int PREALLOCATE_BYTES = 1 << 20;
    private volatile long insertLsn;
    private volatile long durableLsn;

    private SegmentedWal(Path dir, String timelineName, long historyStart, long segmentSize) {
        this.dir = dir;
        this.historyStart = historyStart;
        this.timelineName = timelineName;
        this.segmentSize = segmentSize;
    }

    /**
     * Opens (creating if needed) the WAL in {@code dir} for a timeline whose history starts at {@code startLsn};
     * recovers it — truncating at the first torn or corrupt record — and hands every record with LSN &gt;
     * {@code replayAfter} to {@code replay}, in order.
     */
    public static SegmentedWal open(Path dir, String timelineName, long startLsn, long segmentSize, long replayAfter,
            BiConsumer<Lsn, WalRecord> replay) {
        SegmentedWal wal = new SegmentedWal(dir, timelineName, startLsn, segmentSize);
        try {
            Files.createDirectories(dir);
            wal.recover(startLsn, replayAfter, replay);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not open WAL in " + dir + ": " + e.getMessage(), e);
        }
        return wal;
    }

    /**
     * Lays out an empty WAL that begins at {@code lsn}: a timeline restored from a copy of its checkpoint has no WAL
     * before it, and its next record follows the checkpoint.
     */
    public static void createEmpty(Path dir, long lsn) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(segmentName(lsn)), new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileUtil.fsyncDirectory(dir);
    }

    static String segmentName(long startLsn) {
        return String.format("%016X.seg", startLsn);
    }

    private void recover(long startLsn, long replayAfter, BiConsumer<Lsn, WalRecord> replay) throws IOException {
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches("[0-9A-F]{16}\\.seg"))
                    .forEach(p -> segments.put(Long.parseUnsignedLong(p.getFileName().toString().substring(0, 16), 16), p));
        }
        long expected = segments.isEmpty() ? startLsn : segments.firstKey();
        // Segments wholly below the one holding replayAfter were checkpointed: no need to read them.
        Long firstToScan = segments.floorKey(Math.max(replayAfter, expected));
        if (firstToScan != null) {
            expected = firstToScan;
        }
        long end = expected;
        for (Map.Entry<Long, Path> segment : new ArrayList<>(segments.tailMap(expected, true).entrySet())) {
            if (segment.getKey() != end) {
                truncateFrom(segment.getKey(), 0, end, "segment starts at " + Lsn.of(segment.getKey())
                        + " but the previous one ends at " + Lsn.of(end));
                break;
            }
            SegmentScanner.Result scanned = SegmentScanner.scan(segment.getValue(), segment.getKey(), (lsn, record) -> {
                if (lsn.value() > replayAfter) {
                    replay.accept(lsn, record);
                }
            });
            end = segment.getKey() + scanned.validBytes();
            if (scanned.problem() != null) {
                truncateFrom(segment.getKey(), scanned.validBytes(), end, scanned.problem());
                break;
            }
        }
        if (end < replayAfter) {
            throw StorageException.of(StorageException.Reason.CORRUPTED,
                    "WAL of timeline %s ends at %s, before its checkpoint at %s", timelineName, Lsn.of(end), Lsn.of(replayAfter));
        }
        if (segments.isEmpty()) {
            // the first segment is created by the first append, which keeps branch creation to a few fsyncs
            end = Math.max(startLsn, replayAfter);
            currentStart = end;
        } else {
            currentStart = segments.lastKey();
            current = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
            current.position(end - currentStart);
            currentAllocated = current.size();
        }
        insertLsn = end;
        durableLsn = end;
    }

    /** Cuts the WAL at {@code offset} of the segment starting at {@code segmentStart}; later segments are deleted. */
    private void truncateFrom(long segmentStart, long offset, long lsn, String why) throws IOException {
        long removed = 0;
        for (Map.Entry<Long, Path> later : new ArrayList<>(segments.tailMap(segmentStart, offset == 0).entrySet())) {
            removed += Files.size(later.getValue());
            Files.delete(later.getValue());
            segments.remove(later.getKey());
        }
        if (offset > 0) {
            Path path = segments.get(segmentStart);
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                removed += channel.size() - offset;
                channel.truncate(offset);
                channel.force(true);
            }
        }
        FileUtil.fsyncDirectory(dir);
        LOG.warn("WAL of timeline {}: {} at {}; truncated {} bytes, the WAL now ends there",
                timelineName, why, Lsn.of(lsn), removed);
    }

    /**
     * Removes every record after {@code lsn}, which must be a record boundary at or after the WAL's first segment
     * (a safekeeper dropping a divergent tail that no quorum acknowledged). Durable when it returns.
     */
    public void truncateAfter(long lsn) {
        lock.lock();
        try {
            ensureOpen();
            if (lsn >= insertLsn) {
                return;
            }
            if (current != null) {
                current.close();
                current = null;
            }
            Long segment = segments.floorKey(lsn);
            if (segment == null) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                        "cannot cut WAL of timeline %s at %s: it was removed there", timelineName, Lsn.of(lsn));
            }
            truncateFrom(segment, lsn - segment, lsn, "divergent tail removed");
            if (segments.isEmpty()) {
                currentStart = lsn;
            } else {
                currentStart = segments.lastKey();
                current = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE);
                current.position(lsn - currentStart);
                currentAllocated = current.size();
            }
            insertLsn = lsn;
            durableLsn = lsn;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not cut WAL: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Appends one encoded record; returns its LSN (end position). */
    public long append(byte[] payload) {
        return appendAll(List.of(payload))[0];
    }

    /** Appends encoded records as one consecutive run; returns their LSNs. */
    public long[] appendAll(List<byte[]> payloads) {
        long[] lsns = new long[payloads.size()];
        lock.lock();
        try {
            ensureOpen();
            long position = insertLsn;
            if (current == null) {
                startSegment(position);
            }
            long batchBytes = 0;
            for (byte[] p : payloads) {
                if (p.length > RecordFraming.MAX_PAYLOAD) {
                    throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "WAL record too large: %d bytes", p.length);
                }
                batchBytes += RecordFraming.HEADER_SIZE + p.length;
            }
            if (batchBytes > Integer.MAX_VALUE - 64) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "WAL batch too large: %d bytes", batchBytes);
            }
            if (position - currentStart > 0 && position - currentStart + batchBytes > segmentSize) {
                roll(position);
            }
            preallocate(position - currentStart + batchBytes);
            ByteBuffer out = ByteBuffer.allocate((int) batchBytes);
            for (int i = 0; i < lsns.length; i++) {
                byte[] p = payloads.get(i);
                RecordFraming.frame(out, position, p);
                position += RecordFraming.HEADER_SIZE + p.length;
                lsns[i] = position;
            }
            out.flip();
            while (out.hasRemaining()) {
                current.write(out);
            }
            insertLsn = position;
            return lsns;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not write WAL: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Writes zeros up to past {@code needed} bytes of the current segment, unless they are there already. */
    private void preallocate(long needed) throws IOException {
        if (needed <= currentAllocated) {
            return;
        }
        long target = Math.max(needed, Math.min(currentAllocated + PREALLOCATE_BYTES, segmentSize));
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(target - currentAllocated, PREALLOCATE_BYTES));
        long at = currentAllocated;
        while (at < target) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), target - at));
            while (zeros.hasRemaining()) {
                at += current.write(zeros, at);
            }
        }
        currentAllocated = target;
    }

    private void roll(long position) throws IOException {
        // Everything in the old segment becomes durable now, so a sync() racing with us may find its channel closed.
        current.truncate(position - currentStart); // its unused zeros
        current.force(true);
        current.close();
        durableLsn = Math.max(durableLsn, position);
        startSegment(position);
    }

    private void startSegment(long position) throws IOException {
        Path path = dir.resolve(segmentName(position));
        current = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        currentAllocated = 0;
        FileUtil.fsyncDirectory(dir);
        segments.put(position, path);
        currentStart = position;
    }

    /** Forces everything appended so far to disk; returns the new durable LSN. Called by the flusher thread. */
    public long sync() {
        FileChannel channel;
        long upTo;
        lock.lock();
        try {
            ensureOpen();
            channel = current;
            upTo = insertLsn;
        } finally {
            lock.unlock();
        }
        if (upTo > durableLsn && channel != null) {
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // a segment roll (or close) forced this channel before closing it: upTo is durable
            } catch (IOException e) {
                throw new StorageException(StorageException.Reason.IO, "could not fsync WAL: " + e.getMessage(), e);
            }
            synchronized (this) {
                durableLsn = Math.max(durableLsn, upTo);
            }
        }
        return durableLsn;
    }

    /** Where the stored WAL begins: every record after it is here (the insert LSN if nothing is stored). */
    public long firstLsn() {
        lock.lock();
        try {
            return segments.isEmpty() ? insertLsn : segments.firstKey();
        } finally {
            lock.unlock();
        }
    }

    public long insertLsn() {
        return insertLsn;
    }

    ReentrantLock syncLock() {
        return syncLock;
    }

    public long durableLsn() {
        return durableLsn;
    }

    /** One stored record as it is on disk: its end LSN and its encoded bytes ({@code length} at {@code offset}). */
    @FunctionalInterface
    public interface FrameVisitor {
        /** Returns false to stop the read before this record. */
        boolean visit(long endLsn, byte[] bytes, int offset, int length);
    }

    /** The segment files a read from {@code from} needs and where the WAL ends now. */
    private record ReadPlan(List<Map.Entry<Long, Path>> files, long limit) {
    }

    private ReadPlan planRead(long from) {
        lock.lock();
        try {
            if (segments.isEmpty()) {
                return new ReadPlan(List.of(), insertLsn);
            }
            Long first = segments.floorKey(from);
            if (first == null) {
                if (from < segments.firstKey() && segments.firstKey() > historyStart) {
                    throw StorageException.of(StorageException.Reason.NOT_FOUND,
                            "WAL of timeline %s at %s has been removed (it now starts at %s)",
                            timelineName, Lsn.of(from), Lsn.of(segments.firstKey()));
                }
                first = segments.firstKey();
            }
            return new ReadPlan(new ArrayList<>(segments.tailMap(first, true).entrySet()), insertLsn);
        } finally {
            lock.unlock();
        }
    }

    /** Reads records with LSN &gt; {@code from} up to the insert LSN now. */
    public WalReader read(long from) {
        ReadPlan plan = planRead(from);
        return new SegmentedWalReader(plan.files(), from, plan.limit());
    }

    /**
     * Visits the stored records with LSN &gt; {@code from} up to the insert LSN now, without decoding them, until the
     * visitor returns false. For readers that only pass the bytes on (a safekeeper answering a reader that is behind):
     * decoding a whole segment into records first took about 20 times its size in heap.
     */
    public void readFrames(long from, FrameVisitor visitor) {
        ReadPlan plan = planRead(from);
        boolean[] stopped = new boolean[1];
        for (Map.Entry<Long, Path> segment : plan.files()) {
            if (stopped[0] || segment.getKey() >= plan.limit()) {
                return;
            }
            byte[] bytes = SegmentScanner.readSegment(segment.getKey(), segment.getValue());
            SegmentScanner.scanFrames(bytes, segment.getKey(), plan.limit(), (end, buffer, offset, length) -> {
                if (end <= from) {
                    return true;
                }
                stopped[0] = !visitor.visit(end, buffer, offset, length);
                return !stopped[0];
            });
        }
    }

    /** Deletes segments that hold only records at or below {@code lsn} (the current segment is always kept). */
    public void removeSegmentsUpTo(long lsn) {
        lock.lock();
        try {
            while (segments.size() > 1) {
                Map.Entry<Long, Path> first = segments.firstEntry();
                long nextStart = segments.higherKey(first.getKey());
                if (nextStart > lsn) {
                    break;
                }
                Files.deleteIfExists(first.getValue());
                segments.remove(first.getKey());
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not remove WAL segment: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException(StorageException.Reason.CLOSED, "WAL of timeline " + timelineName + " is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed && current != null) {
                current.force(false);
                current.close();
                durableLsn = insertLsn;
            }
            closed = true;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not close WAL: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
