package org.lakepg.storage.cloud.safekeeper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Rejected;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.local.wal.SegmentedWal;

/**
 * One timeline on one safekeeper: its writer generation and its WAL, kept in storage-local's segment files (the
 * same framing, so the same LSNs). Changed only by the state machine's apply thread, in Raft log order; read by
 * query threads.
 *
 * <p>The logical end ({@link #endLsn}) is what the applied Raft entries say; the segment files may hold more after
 * a restart (records written but not yet covered by a snapshot), which replayed entries then skip rather than write
 * twice.
 */
final class TimelineLog implements AutoCloseable {

    /** Newest WAL kept in memory per timeline for reads near the end. */
    static final long RECENT_BYTES = 2L << 20;

    private final TimelineId id;
    private final Lsn startLsn;
    private final SegmentedWal wal;
    private final RecentRecords recent;
    private volatile long generation;
    private volatile long endLsn;
    private volatile long trimmedUpTo;

    private TimelineLog(TimelineId id, Lsn startLsn, SegmentedWal wal, long generation, long endLsn, long trimmedUpTo) {
        this.id = id;
        this.startLsn = startLsn;
        this.wal = wal;
        this.recent = new RecentRecords(RECENT_BYTES, endLsn);
        this.generation = generation;
        this.endLsn = endLsn;
        this.trimmedUpTo = trimmedUpTo;
    }

    /** Opens (creating if needed) the timeline's segment files in {@code dir} with the state a snapshot recorded. */
    static TimelineLog open(Path dir, TimelineState state, long segmentSize) {
        long replayAfter = Math.max(state.endLsn(), state.startLsn());
        SegmentedWal wal = SegmentedWal.open(dir, state.id().toString(), state.startLsn(), segmentSize, replayAfter,
                (lsn, record) -> { });
        return new TimelineLog(state.id(), Lsn.of(state.startLsn()), wal, state.generation(), state.endLsn(),
                state.trimmedUpTo());
    }

    /** What a snapshot keeps of a timeline. */
    record TimelineState(TimelineId id, long generation, long startLsn, long endLsn, long trimmedUpTo) {
    }

    TimelineState state() {
        return new TimelineState(id, generation, startLsn.value(), endLsn, trimmedUpTo);
    }

    SafekeeperReply.TimelineState reply() {
        return new SafekeeperReply.TimelineState(generation, startLsn, Lsn.of(endLsn), Lsn.of(trimmedUpTo));
    }

    SafekeeperReply acquire(long requested) {
        long next = requested == SafekeeperRequest.NEXT_GENERATION ? generation + 1 : requested;
        if (next <= generation) {
            return new Rejected(Why.FENCED, String.format(
                    "generation %d is not newer than generation %d that owns timeline %s", next, generation, id));
        }
        generation = next;
        return reply();
    }

    SafekeeperReply append(SafekeeperRequest.Append append) {
        if (append.generation() < generation) {
            return new Rejected(Why.FENCED, String.format(
                    "timeline %s was taken over by generation %d; writer generation %d is fenced",
                    id, generation, append.generation()));
        }
        if (append.generation() != generation) {
            return new Rejected(Why.INVALID, String.format(
                    "generation %d never acquired timeline %s (its generation is %d)", append.generation(), id, generation));
        }
        long position = append.startLsn().value();
        if (position > endLsn) {
            return new Rejected(Why.INVALID, String.format("append at %s would leave a gap: WAL of timeline %s ends at %s",
                    append.startLsn(), id, Lsn.of(endLsn)));
        }
        long onDisk = wal.insertLsn();
        List<byte[]> toWrite = new ArrayList<>(append.payloads().size());
        for (byte[] payload : append.payloads()) {
            long recordEnd = position + WalRecordCodec.FRAME_OVERHEAD + payload.length;
            if (recordEnd <= endLsn) {
                position = recordEnd; // a retried request: applied before
                continue;
            }
            if (position < endLsn) {
                return new Rejected(Why.INVALID, String.format(
                        "append to timeline %s does not meet its end %s at a record boundary", id, Lsn.of(endLsn)));
            }
            if (recordEnd <= onDisk) {
                position = recordEnd; // written before a restart, not yet covered by a snapshot
                continue;
            }
            if (position < onDisk) {
                throw StorageException.of(StorageException.Reason.CORRUPTED,
                        "WAL of timeline %s on disk ends at %s, inside a record being replayed", id, Lsn.of(onDisk));
            }
            toWrite.add(payload);
            position = recordEnd;
        }
        if (!toWrite.isEmpty()) {
            long[] lsns = wal.appendAll(toWrite);
            if (lsns[lsns.length - 1] != position) {
                throw StorageException.of(StorageException.Reason.CORRUPTED,
                        "WAL of timeline %s put a record at %s, expected %s", id, Lsn.of(lsns[lsns.length - 1]), Lsn.of(position));
            }
        }
        remember(append, endLsn);
        endLsn = Math.max(endLsn, position);
        return new SafekeeperReply.Appended(Lsn.of(endLsn));
    }

    /** Keeps the records of {@code append} beyond {@code previousEnd} for reads near the end. */
    private void remember(SafekeeperRequest.Append append, long previousEnd) {
        long position = append.startLsn().value();
        for (byte[] payload : append.payloads()) {
            position += WalRecordCodec.FRAME_OVERHEAD + payload.length;
            if (position > previousEnd) {
                recent.add(position, payload);
            }
        }
    }

    SafekeeperReply trim(Lsn upTo) {
        long limit = Math.min(upTo.value(), endLsn);
        if (limit > trimmedUpTo) {
            wal.removeSegmentsUpTo(limit);
            trimmedUpTo = limit;
        }
        return reply();
    }

    SafekeeperReply read(Lsn from, int maxBytes) {
        long end = endLsn;
        if (from.value() >= trimmedUpTo) {
            List<SafekeeperReply.Frame> kept = recent.read(from.value(), end, maxBytes);
            if (kept != null) {
                return new SafekeeperReply.Records(kept, Lsn.of(end));
            }
        }
        List<SafekeeperReply.Frame> frames = new ArrayList<>();
        if (from.value() < end) {
            long[] bytes = {0};
            try {
                // the stored bytes as they are: decoding a segment into records (to encode them again) took ~20x
                // its size in heap, and a few such reads at once ran a 384 MB safekeeper into back-to-back full GCs
                wal.readFrames(from.value(), (lsn, buffer, offset, length) -> {
                    if (lsn > end || bytes[0] >= maxBytes) {
                        return false;
                    }
                    frames.add(new SafekeeperReply.Frame(lsn, Arrays.copyOfRange(buffer, offset, offset + length)));
                    bytes[0] += length;
                    return true;
                });
            } catch (StorageException e) {
                if (e.reason() == StorageException.Reason.NOT_FOUND) {
                    return new Rejected(Why.NOT_FOUND, e.getMessage());
                }
                throw e;
            }
        }
        return new SafekeeperReply.Records(frames, Lsn.of(end));
    }

    /** Forces the segment files to disk (before a snapshot lets Ratis drop its copy of these records). */
    void sync() {
        wal.sync();
    }

    @Override
    public void close() {
        wal.close();
    }
}
