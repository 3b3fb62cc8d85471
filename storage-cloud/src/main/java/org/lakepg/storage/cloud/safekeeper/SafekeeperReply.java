package org.lakepg.storage.cloud.safekeeper;

import java.util.List;
import java.util.Objects;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;

/** The safekeepers' answer to a {@link SafekeeperRequest}. */
public sealed interface SafekeeperReply {

    /** A timeline's state: answer to Acquire, Trim and Status. */
    record TimelineState(long generation, Lsn startLsn, Lsn endLsn, Lsn trimmedUpTo) implements SafekeeperReply {
        public TimelineState {
            Objects.requireNonNull(startLsn, "startLsn");
            Objects.requireNonNull(endLsn, "endLsn");
            Objects.requireNonNull(trimmedUpTo, "trimmedUpTo");
        }
    }

    /** The append is in the replicated log and applied; the timeline's WAL now ends at {@code endLsn}. */
    record Appended(Lsn endLsn) implements SafekeeperReply {
        public Appended {
            Objects.requireNonNull(endLsn, "endLsn");
        }
    }

    /** Records in LSN order; {@code endLsn} is where the answering member's WAL ended when it read them. */
    record Records(List<WalEntry> entries, Lsn endLsn) implements SafekeeperReply {
        public Records {
            entries = List.copyOf(entries);
            Objects.requireNonNull(endLsn, "endLsn");
        }
    }

    /** Answer to {@link SafekeeperRequest.Manifest}: every timeline's state as of Raft entry (term, index). */
    record Manifest(long term, long index, List<TimelineSummary> timelines) implements SafekeeperReply {
        public Manifest {
            timelines = List.copyOf(timelines);
        }
    }

    /** One timeline in a {@link Manifest}. */
    record TimelineSummary(TimelineId id, TimelineState state) {
        public TimelineSummary {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The request was refused; nothing changed. */
    record Rejected(Why why, String message) implements SafekeeperReply {
        public Rejected {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(message, "message");
        }
    }

    enum Why {
        /** A newer generation owns the timeline: the sender must stop writing. */
        FENCED,
        /** Unknown timeline, or WAL already trimmed. */
        NOT_FOUND,
        /** A request that can never succeed as sent (an LSN gap, a generation never acquired). */
        INVALID
    }
}
