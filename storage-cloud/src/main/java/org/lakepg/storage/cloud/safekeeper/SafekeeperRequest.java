package org.lakepg.storage.cloud.safekeeper;

import java.util.List;
import java.util.Objects;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;

/**
 * What a compute, the pageserver or another safekeeper asks the safekeepers. {@link Acquire}, {@link Append},
 * {@link Trim} and {@link Delete} change state and go through the Raft log ({@link Nudge} goes through it and changes nothing);
 * {@link Read}, {@link Status} and {@link Manifest} are queries answered by one member.
 */
public sealed interface SafekeeperRequest {

    /** {@link #NEXT_GENERATION} as generation asks for one more than the highest seen. */
    long NEXT_GENERATION = 0;

    /**
     * Takes the timeline for writing with a generation higher than any seen, fencing older writers; creates the
     * timeline (its history starting at {@code startLsn}) if the safekeepers do not know it yet.
     */
    record Acquire(TimelineId timeline, long generation, Lsn startLsn) implements SafekeeperRequest {
        public Acquire {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(startLsn, "startLsn");
            if (generation < 0) {
                throw new IllegalArgumentException("generation must not be negative: " + generation);
            }
        }
    }

    /** Encoded WAL records (the SPI's {@link org.lakepg.storage.WalRecordCodec} form) starting at {@code startLsn}. */
    record Append(TimelineId timeline, long generation, Lsn startLsn, List<byte[]> payloads) implements SafekeeperRequest {
        public Append {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(startLsn, "startLsn");
            payloads = List.copyOf(payloads);
        }
    }

    /** Removes WAL at or below {@code upTo} that the pageserver has persisted (whole segments only). */
    record Trim(TimelineId timeline, Lsn upTo) implements SafekeeperRequest {
        public Trim {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(upTo, "upTo");
        }
    }

    /** The timeline was dropped (its branch or database): every member removes its WAL. */
    record Delete(TimelineId timeline) implements SafekeeperRequest {
        public Delete {
            Objects.requireNonNull(timeline, "timeline");
        }
    }

    /** Records with LSN &gt; {@code from}, at most about {@code maxBytes} of them (always at least one). */
    record Read(TimelineId timeline, Lsn from, int maxBytes) implements SafekeeperRequest {
        public Read {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(from, "from");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
            }
        }
    }

    /**
     * Every timeline's state together with the Raft index it reflects: what a member with an empty disk copies
     * from the leader before it can follow the log again.
     */
    record Manifest() implements SafekeeperRequest {
    }

    /** The timeline's generation and WAL bounds on the member that answers. */
    record Status(TimelineId timeline) implements SafekeeperRequest {
        public Status {
            Objects.requireNonNull(timeline, "timeline");
        }
    }

    /**
     * An empty log entry a member asks for when it (re)starts, so that the leader sends it entries, not only
     * heartbeats (see {@link StartupNudge}). Applying it changes nothing.
     */
    record Nudge() implements SafekeeperRequest {
    }
}
