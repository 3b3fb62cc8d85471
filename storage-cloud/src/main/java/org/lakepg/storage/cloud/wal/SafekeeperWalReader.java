package org.lakepg.storage.cloud.wal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;

/**
 * Reads a timeline's records in chunks from the safekeepers up to {@code remoteLimit}, then the compute's own
 * records that are not yet durable ({@code tail}), so a compute reads its appends at once.
 */
final class SafekeeperWalReader implements FramedWalReader {

    /** A new leader may not have applied everything it committed yet: how long to wait for it. */
    private static final long CATCH_UP_WAIT_NANOS = 30_000_000_000L;

    private final WalQuorum client;
    private final TimelineId timeline;
    private final long remoteLimit;
    private final List<WalEntry> tail;
    /** Records read and not yet returned; payload null for the compute's own tail. */
    private final ArrayDeque<Buffered> buffered = new ArrayDeque<>();
    private byte[] lastPayload;

    private record Buffered(WalEntry entry, byte[] payload) {
    }
    private long position;
    private boolean tailDone;
    /** A chunk already fetched from {@code from} (the pageserver's poll got it with the end LSN), or null. */
    private SafekeeperReply.Records prefetched;

    SafekeeperWalReader(WalQuorum client, TimelineId timeline, Lsn from, Lsn remoteLimit, List<WalEntry> tail) {
        this(client, timeline, from, remoteLimit, tail, null);
    }

    SafekeeperWalReader(WalQuorum client, TimelineId timeline, Lsn from, Lsn remoteLimit, List<WalEntry> tail,
            SafekeeperReply.Records prefetched) {
        this.prefetched = prefetched;
        this.client = client;
        this.timeline = timeline;
        this.position = from.value();
        this.remoteLimit = remoteLimit.value();
        this.tail = tail;
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty()) {
            if (position < remoteLimit) {
                fetchChunk();
            } else if (!tailDone) {
                tailDone = true;
                for (WalEntry e : tail) {
                    if (e.lsn().value() > position) {
                        buffered.add(new Buffered(e, null));
                    }
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private void fetchChunk() {
        long deadline = System.nanoTime() + CATCH_UP_WAIT_NANOS;
        while (true) {
            SafekeeperReply.Records chunk = prefetched != null ? prefetched
                    : client.readChunk(timeline, Lsn.of(position), WalQuorum.READ_CHUNK_BYTES);
            prefetched = null;
            List<WalEntry> entries = chunk.entries();
            for (int i = 0; i < entries.size(); i++) {
                WalEntry e = entries.get(i);
                if (e.lsn().value() > remoteLimit) {
                    position = remoteLimit;
                    return;
                }
                buffered.add(new Buffered(e, chunk.frames().get(i).payload()));
                position = e.lsn().value();
            }
            if (!entries.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw StorageException.of(StorageException.Reason.IO,
                        "the safekeepers' WAL of timeline %s ends at %s, short of %s", timeline, chunk.endLsn(), Lsn.of(remoteLimit));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(StorageException.Reason.IO, "interrupted while reading WAL", e);
            }
        }
    }

    @Override
    public WalEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Buffered b = buffered.poll();
        lastPayload = b.payload();
        return b.entry();
    }

    @Override
    public byte[] lastPayload() {
        return lastPayload;
    }

    @Override
    public void close() {
        buffered.clear();
        position = remoteLimit;
        tailDone = true;
    }
}
