package org.lakepg.storage.cloud.proposer;

import java.util.List;
import java.util.Objects;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Frame;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;

/** A safekeeper's answer to an {@link AcceptorRequest}. */
public sealed interface AcceptorReply {

    /**
     * One member's state of a timeline: the highest term it voted for (and whether the asking proposer holds its
     * vote), the history of its log, where the log ends on disk ({@code flushLsn}, fsynced), the highest commit
     * LSN it was told, what S3 made removable and where its stored WAL now begins ({@code walStart}: reads from
     * there on find every record). Answer to Vote, Elected, Restart, Status and Trim.
     */
    record State(long term, boolean voteGranted, TermHistory history, long startLsn, long flushLsn, long commitLsn,
            long trimmedUpTo, long walStart) implements AcceptorReply {
        public State {
            Objects.requireNonNull(history, "history");
        }

        /** The term that wrote the last record this member has (elections prefer the highest, then the longest). */
        public long lastLogTerm() {
            return history.lastLogTerm(flushLsn);
        }
    }

    /** An append is fsynced: the member's WAL ends at {@code flushLsn}. */
    record Flushed(long term, long flushLsn) implements AcceptorReply {
    }

    /** Records after the asked LSN, as stored; {@code endLsn} is as far as this member could have answered. */
    record Records(List<Frame> frames, long endLsn) implements AcceptorReply {
        public Records {
            frames = List.copyOf(frames);
        }
    }

    /** Refused; nothing changed. FENCED: a higher term owns the timeline here. */
    record Rejected(Why why, String message) implements AcceptorReply {
        public Rejected {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(message, "message");
        }
    }
}
