package org.lakepg.storage.cloud.wal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.lakepg.storage.cloud.safekeeper.SafekeeperRequest;

/**
 * The safekeepers as the compute and the pageserver use them, whichever protocol carries the WAL: a Raft group
 * ({@link SafekeeperClient}) or the compute as the proposer ({@code proposer.ProposerQuorum}). Reads only ever
 * return committed WAL; an append completes once a majority has it durable.
 */
public interface WalQuorum extends AutoCloseable {

    /** Reads ask for about this much WAL per round trip. */
    int READ_CHUNK_BYTES = 4 << 20;

    List<SafekeeperAddress> members();

    /**
     * Takes the timeline for writing with {@code generation} ({@link SafekeeperRequest#NEXT_GENERATION}: one more
     * than the highest seen), fencing older writers; creates it with history from {@code startLsn} if it is new.
     * The answer's end LSN is committed: the writer continues after it.
     */
    SafekeeperReply.TimelineState acquire(TimelineId timeline, long generation, Lsn startLsn);

    /** Ships records; completes with {@code Appended} once a majority has them durable, or {@code Rejected}. */
    CompletableFuture<SafekeeperReply> append(SafekeeperRequest.Append append);

    /**
     * Whether {@link #append} may be called from the thread that completes an earlier append's future. The Raft
     * client may not (its reply thread can hold the lock sending needs); a writer then hands the next round to
     * another thread.
     */
    default boolean appendsFromReplyThread() {
        return false;
    }

    /** Removes WAL at or below {@code upTo} on every member it reaches (whole segments). */
    SafekeeperReply.TimelineState trim(TimelineId timeline, Lsn upTo);

    /**
     * The timeline was dropped: every member removes its WAL. Returns how many members no longer have it (those
     * that were down keep their copy; see docs/safekeepers.md).
     */
    int delete(TimelineId timeline);

    /** The timeline's committed state as far as the members that answer know it. */
    SafekeeperReply.TimelineState status(TimelineId timeline);

    /** The timeline's state as one member has it (it may lag). */
    SafekeeperReply.TimelineState status(TimelineId timeline, SafekeeperAddress member);

    /** One chunk of committed records with LSN &gt; {@code from}. */
    SafekeeperReply.Records readChunk(TimelineId timeline, Lsn from, int maxBytes);

    /** One chunk of the committed records one member has with LSN &gt; {@code from}. */
    SafekeeperReply.Records readChunk(TimelineId timeline, Lsn from, int maxBytes, SafekeeperAddress member);

    /** Streams committed records with {@code from} &lt; LSN &lt;= {@code upTo} ({@link Lsn#MAX}: to the end now). */
    default WalReader read(TimelineId timeline, Lsn from, Lsn upTo) {
        return read(timeline, from, upTo, null);
    }

    /** Like {@link #read(TimelineId, Lsn, Lsn)}, starting with {@code first}, a chunk already read from {@code from}. */
    default WalReader read(TimelineId timeline, Lsn from, Lsn upTo, SafekeeperReply.Records first) {
        Lsn limit = upTo.equals(Lsn.MAX) ? status(timeline).endLsn() : upTo;
        return new SafekeeperWalReader(this, timeline, from, limit, List.of(), first);
    }

    @Override
    void close();
}
