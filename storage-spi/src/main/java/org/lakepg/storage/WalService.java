package org.lakepg.storage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The write-ahead log of every timeline. Appending makes a record visible to {@link PageService} reads at its LSN
 * at once; {@link #flush} makes it durable. Group commit is the implementation's job: concurrent flushes share one
 * fsync (local) or one quorum round (cloud).
 */
public interface WalService {

    /**
     * Appends one record; returns its LSN: the previous LSN + {@link WalRecordCodec#FRAME_OVERHEAD} + the record's
     * encoded length (the end position, as in PostgreSQL).
     */
    Lsn append(TimelineId timeline, WalRecord record);

    /** Appends records atomically as a consecutive run (no other append interleaves); returns their LSNs in order. */
    List<Lsn> appendAll(TimelineId timeline, List<WalRecord> records);

    /**
     * Completes, with the durable LSN, once everything up to {@code upTo} survives a crash. An {@code upTo} beyond
     * the insert LSN is clamped to it, so {@code flush(t, Lsn.MAX)} flushes everything appended so far.
     */
    CompletableFuture<Lsn> flush(TimelineId timeline, Lsn upTo);

    /** Everything at or below this LSN is durable. */
    Lsn durableLsn(TimelineId timeline);

    /** The LSN of the last appended record (the branch LSN if nothing was appended on this timeline yet). */
    Lsn insertLsn(TimelineId timeline);

    /**
     * Reads this timeline's own records with LSN &gt; {@code from}, up to the insert LSN at the time of the call.
     * A branch's own WAL starts after its branch LSN; earlier history belongs to its ancestors. Fails with
     * NOT_FOUND reason if the requested part was already removed after a checkpoint.
     */
    WalReader read(TimelineId timeline, Lsn from);
}
