package org.lakepg.storage.cloud.proposer;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lakepg.storage.TimelineId;

/**
 * What a proposer (the compute writing a timeline) asks a safekeeper in the proposer protocol. Every request is
 * about one timeline; its code on the wire is {@link #code()}.
 */
public sealed interface AcceptorRequest {

    TimelineId timeline();

    int code();

    /**
     * Asks for this member's vote for {@code term}: granted when the term is above every term it has voted for (or
     * it is the same proposer asking again). The vote is durable before the answer. A timeline the member does not
     * know is created with its history starting at {@code startLsn}.
     */
    record Vote(TimelineId timeline, long term, UUID proposer, long startLsn) implements AcceptorRequest {
        public Vote {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(proposer, "proposer");
        }

        @Override
        public int code() {
            return 1;
        }
    }

    /**
     * The proposer of {@code term} won: the member cuts its WAL after {@code truncateTo} (where it stops agreeing
     * with the proposer's log), adopts {@code history} and from then on accepts this term's appends.
     */
    record Elected(TimelineId timeline, long term, TermHistory history, long truncateTo) implements AcceptorRequest {
        public Elected {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(history, "history");
        }

        @Override
        public int code() {
            return 2;
        }
    }

    /**
     * Records (encoded, {@code WalRecordCodec}) that continue the member's WAL at {@code beginLsn}, and the
     * proposer's commit LSN; answered once they are fsynced. No payloads: only the commit LSN moves.
     */
    record Append(TimelineId timeline, long term, long beginLsn, long commitLsn, List<byte[]> payloads)
            implements AcceptorRequest {
        public static final int CODE = 3;

        public Append {
            Objects.requireNonNull(timeline, "timeline");
            payloads = List.copyOf(payloads);
        }

        @Override
        public int code() {
            return CODE;
        }
    }

    /** The member's state of the timeline. */
    record Status(TimelineId timeline) implements AcceptorRequest {
        @Override
        public int code() {
            return 4;
        }
    }

    /**
     * Records with LSN &gt; {@code from}: only committed ones unless {@code uncommitted} (a new proposer copying
     * the most advanced log to the members that lack it).
     */
    record Read(TimelineId timeline, long from, int maxBytes, boolean uncommitted) implements AcceptorRequest {
        @Override
        public int code() {
            return 5;
        }
    }

    /**
     * The member lacks records that no member keeps any more (S3 holds them): it drops its WAL and continues empty
     * from {@code lsn}, a committed LSN where another member's stored WAL begins.
     */
    record Restart(TimelineId timeline, long term, long lsn) implements AcceptorRequest {
        @Override
        public int code() {
            return 7;
        }
    }

    /** Removes WAL at or below {@code upTo} (never past the commit LSN): S3 holds it. */
    record Trim(TimelineId timeline, long upTo) implements AcceptorRequest {
        @Override
        public int code() {
            return 6;
        }
    }

    /**
     * The timeline was dropped (its branch or database): the member removes its WAL and control file. Answered with
     * the member's last state of it, or NOT_FOUND if it has none.
     */
    record Delete(TimelineId timeline) implements AcceptorRequest {
        @Override
        public int code() {
            return 8;
        }
    }
}
