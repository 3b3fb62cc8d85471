package org.lakepg.storage.cloud.proposer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.RecentRecords;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Frame;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.local.wal.SegmentedWal;

/**
 * One timeline on one safekeeper in the proposer protocol (the acceptor's side of Neon's safekeeper algorithm):
 * votes for terms, adopts the elected proposer's history (cutting a divergent tail), appends and fsyncs its
 * records, and serves committed WAL. Changes run one at a time (the server's write thread); reads run
 * concurrently.
 */
final class AcceptorTimeline implements AutoCloseable {

    /** Newest WAL kept in memory for reads near the end (the pageserver following the timeline). */
    static final long RECENT_BYTES = 2L << 20;

    private final TimelineId id;
    private final Path dir;
    private final long segmentSize;
    private volatile SegmentedWal wal;
    /** Appended records not forced yet (write thread only). */
    private boolean unsynced;
    private volatile RecentRecords recent;
    private volatile AcceptorControl control;
    /** The commit LSN proposers told this member; persisted only with the control's other changes. */
    private volatile long commitLsn;

    private AcceptorTimeline(TimelineId id, Path dir, SegmentedWal wal, AcceptorControl control, long segmentSize) {
        this.id = id;
        this.segmentSize = segmentSize;
        this.dir = dir;
        this.wal = wal;
        this.control = control;
        this.commitLsn = control.commitLsn();
        this.recent = new RecentRecords(RECENT_BYTES, wal.insertLsn());
    }

    /** Opens the timeline stored in {@code dir}, or creates it with history from {@code startLsn}. */
    static AcceptorTimeline open(TimelineId id, Path dir, long startLsn, long segmentSize) {
        AcceptorControl control = AcceptorControl.read(dir);
        if (control == null) {
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new StorageException(StorageException.Reason.IO, "could not create " + dir + ": " + e.getMessage(), e);
            }
            control = AcceptorControl.fresh(startLsn);
            control.write(dir);
        }
        // recovery only finds where the WAL ends: records up to the commit LSN written down are known to be there
        SegmentedWal wal = SegmentedWal.open(dir.resolve("wal"), id.toString(), control.startLsn(), segmentSize,
                Math.max(control.startLsn(), control.commitLsn()), (lsn, r) -> { });
        return new AcceptorTimeline(id, dir, wal, control, segmentSize);
    }

    TimelineId id() {
        return id;
    }

    AcceptorReply.State state(boolean voteGranted) {
        AcceptorControl c = control;
        long flush = wal.insertLsn();
        return new AcceptorReply.State(c.term(), voteGranted, c.history(), c.startLsn(), flush,
                Math.min(commitLsn, flush), c.trimmedUpTo(), wal.firstLsn());
    }

    AcceptorReply vote(AcceptorRequest.Vote vote) {
        AcceptorControl c = control;
        if (vote.term() > c.term()) {
            persist(c.withVote(vote.term(), vote.proposer()));
            return state(true);
        }
        return state(vote.term() == c.term() && vote.proposer().equals(c.proposer()));
    }

    AcceptorReply elected(AcceptorRequest.Elected elected) {
        AcceptorControl c = control;
        if (elected.term() != c.term()) {
            return fenced(elected.term(), c);
        }
        if (elected.history().entries().isEmpty()
                || elected.history().entries().get(elected.history().entries().size() - 1).term() != elected.term()) {
            return new AcceptorReply.Rejected(Why.INVALID, "the history of term " + elected.term() + " must end with it");
        }
        long flush = wal.insertLsn();
        if (elected.truncateTo() > flush) {
            return new AcceptorReply.Rejected(Why.INVALID, String.format(
                    "cannot continue timeline %s at %d: its WAL here ends at %d", id, elected.truncateTo(), flush));
        }
        if (elected.truncateTo() < Math.min(commitLsn, flush)) {
            // Raft's safety says a new proposer's log holds every committed record; refuse rather than lose one
            return new AcceptorReply.Rejected(Why.INVALID, String.format(
                    "term %d would cut timeline %s at %d, below its commit LSN %d", elected.term(), id,
                    elected.truncateTo(), commitLsn));
        }
        if (elected.truncateTo() < flush) {
            wal.truncateAfter(elected.truncateTo());
            recent = new RecentRecords(RECENT_BYTES, elected.truncateTo());
        }
        persist(c.withHistory(elected.history()).withCommit(commitLsn));
        return state(true);
    }

    /** Forces the appends written since the last call; whether there were any. */
    boolean syncAppends() {
        if (!unsynced) {
            return false;
        }
        wal.sync();
        unsynced = false;
        return true;
    }

    /**
     * Writes an append's records without forcing them: the caller must {@link #syncAppends} before it answers,
     * so appends that arrived together share one fsync.
     */
    AcceptorReply appendUnsynced(AcceptorRequest.Append append) {
        AcceptorControl c = control;
        if (append.term() != c.term()) {
            return fenced(append.term(), c);
        }
        if (c.history().entries().isEmpty() || c.history().entries().get(c.history().entries().size() - 1).term() != append.term()) {
            return new AcceptorReply.Rejected(Why.INVALID, String.format(
                    "term %d appended to timeline %s before it was elected here", append.term(), id));
        }
        long flush = wal.insertLsn();
        if (!append.payloads().isEmpty()) {
            if (append.beginLsn() != flush) {
                return new AcceptorReply.Rejected(Why.INVALID, String.format(
                        "append at %d does not continue timeline %s, whose WAL here ends at %d", append.beginLsn(), id, flush));
            }
            long[] ends = wal.appendAll(append.payloads());
            unsynced = true;
            for (int i = 0; i < ends.length; i++) {
                recent.add(ends[i], append.payloads().get(i));
            }
            flush = ends[ends.length - 1];
        }
        // a commit LSN is about the proposer's log: it covers this member's WAL only up to where that is shipped
        commitLsn = Math.max(commitLsn, Math.min(append.commitLsn(), flush));
        return new AcceptorReply.Flushed(c.term(), flush);
    }

    AcceptorReply read(AcceptorRequest.Read read) {
        long flush = wal.insertLsn();
        long end = read.uncommitted() ? flush : Math.min(commitLsn, flush);
        long from = read.from();
        List<Frame> kept = from < control.trimmedUpTo() ? null : recent.read(from, end, read.maxBytes());
        if (kept != null) {
            return new AcceptorReply.Records(kept, end);
        }
        List<Frame> frames = new ArrayList<>();
        if (from < end) {
            long[] bytes = {0};
            try {
                wal.readFrames(from, (lsn, buffer, offset, length) -> {
                    if (lsn > end || bytes[0] >= read.maxBytes()) {
                        return false;
                    }
                    frames.add(new Frame(lsn, Arrays.copyOfRange(buffer, offset, offset + length)));
                    bytes[0] += length;
                    return true;
                });
            } catch (StorageException e) {
                if (e.reason() == StorageException.Reason.NOT_FOUND) {
                    return new AcceptorReply.Rejected(Why.NOT_FOUND, e.getMessage());
                }
                throw e;
            }
        }
        return new AcceptorReply.Records(frames, end);
    }

    AcceptorReply restart(AcceptorRequest.Restart restart) {
        AcceptorControl c = control;
        if (restart.term() != c.term()) {
            return fenced(restart.term(), c);
        }
        long flush = wal.insertLsn();
        if (restart.lsn() <= flush) {
            return state(false); // it has everything up to there: the proposer ships the rest
        }
        wal.close();
        Path walDir = dir.resolve("wal");
        try {
            org.lakepg.storage.local.FileUtil.deleteRecursively(walDir);
            SegmentedWal.createEmpty(walDir, restart.lsn());
        } catch (java.io.IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not restart WAL in " + walDir + ": " + e.getMessage(), e);
        }
        // the records up to the new start are committed (S3 holds them): they count as this member's
        persist(c.withCommit(restart.lsn()).withTrimmed(restart.lsn()));
        commitLsn = Math.max(commitLsn, restart.lsn());
        wal = SegmentedWal.open(walDir, id.toString(), c.startLsn(), segmentSize, restart.lsn(), (lsn, r) -> { });
        recent = new RecentRecords(RECENT_BYTES, restart.lsn());
        return state(false);
    }

    AcceptorReply trim(AcceptorRequest.Trim trim) {
        AcceptorControl c = control;
        long limit = Math.min(trim.upTo(), Math.min(commitLsn, wal.insertLsn()));
        if (limit > c.trimmedUpTo()) {
            wal.removeSegmentsUpTo(limit);
            persist(c.withTrimmed(limit).withCommit(commitLsn));
        }
        return state(false);
    }

    private AcceptorReply fenced(long term, AcceptorControl c) {
        return new AcceptorReply.Rejected(Why.FENCED, String.format(
                "timeline %s was taken over by generation %d; writer generation %d is fenced", id, c.term(), term));
    }

    private void persist(AcceptorControl next) {
        next.write(dir);
        control = next;
    }

    @Override
    public void close() {
        AcceptorControl c = control;
        if (commitLsn > c.commitLsn()) {
            c.withCommit(commitLsn).write(dir);
        }
        wal.close();
    }
}
