package org.lakepg.storage.cloud.safekeeper;

import java.util.List;
import java.util.Objects;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecordCodec;

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

    /** One WAL record as it travels: the LSN it ends at and its bytes ({@link WalRecordCodec}). */
    record Frame(long lsn, byte[] payload) {
        public Frame {
            Objects.requireNonNull(payload, "payload");
        }

        /** Frames are values: equal when their LSN and bytes are. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.lsn == lsn && java.util.Arrays.equals(f.payload, payload);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(lsn) * 31 + java.util.Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Frame[lsn=" + lsn + ", " + payload.length + " bytes]";
        }
    }

    /**
     * Records in LSN order; {@code endLsn} is where the answering member's WAL ended when it read them. They stay
     * encoded on the way: a safekeeper serves the bytes it stored, and only the reader decodes them.
     */
    record Records(List<Frame> frames, Lsn endLsn) implements SafekeeperReply {
        public Records {
            frames = List.copyOf(frames);
            Objects.requireNonNull(endLsn, "endLsn");
        }

        /** Records of decoded entries (tests, and reads served from segment files). */
        public static Records of(List<WalEntry> entries, Lsn endLsn) {
            return new Records(entries.stream().map(e -> new Frame(e.lsn().value(), WalRecordCodec.encode(e.record()))).toList(),
                    endLsn);
        }

        /** The records, decoded. */
        public List<WalEntry> entries() {
            List<WalEntry> entries = new java.util.ArrayList<>(frames.size());
            for (Frame f : frames) {
                entries.add(new WalEntry(Lsn.of(f.lsn()), WalRecordCodec.decode(f.payload(), 0, f.payload().length)));
            }
            return entries;
        }

        public boolean isEmpty() {
            return frames.isEmpty();
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
