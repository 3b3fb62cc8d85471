package org.lakepg.storage.cloud.wal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.pageserver.WalTrimming;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;

/**
 * The safekeepers as the pageserver sees them: committed WAL to read, never to write (a reader must not take a
 * timeline's generation, which would fence its compute). Trimming is what the pageserver tells the safekeepers
 * once S3 holds a timeline up to an LSN.
 */
public final class SafekeeperWalSource implements WalService, WalTrimming, AutoCloseable {

    private final WalQuorum client;
    /** The end each timeline had at the last insertLsn call: the ingestor reads right after asking it. */
    private final java.util.Map<TimelineId, Lsn> lastEnd = new java.util.concurrent.ConcurrentHashMap<>();
    /** The chunk the last insertLsn call read along with the end, and where it starts. */
    private final java.util.Map<TimelineId, Prefetch> prefetched = new java.util.concurrent.ConcurrentHashMap<>();

    private record Prefetch(Lsn from, SafekeeperReply.Records records) {
    }

    public SafekeeperWalSource(WalQuorum client) {
        this.client = client;
    }

    public static SafekeeperWalSource connect(List<SafekeeperAddress> members) {
        return new SafekeeperWalSource(SafekeeperClient.connect(members));
    }

    @Override
    public Lsn append(TimelineId timeline, WalRecord record) {
        throw readOnly();
    }

    @Override
    public List<Lsn> appendAll(TimelineId timeline, List<WalRecord> records) {
        throw readOnly();
    }

    private static StorageException readOnly() {
        return StorageException.of(StorageException.Reason.INVALID_REQUEST,
                "the pageserver reads the safekeepers' WAL; only a compute writes it");
    }

    /** Everything the safekeepers have is committed, hence durable. */
    @Override
    public CompletableFuture<Lsn> flush(TimelineId timeline, Lsn upTo) {
        return CompletableFuture.completedFuture(durableLsn(timeline));
    }

    @Override
    public Lsn durableLsn(TimelineId timeline) {
        return insertLsn(timeline);
    }

    /**
     * The committed end; {@link Lsn#INVALID} while no compute has written the timeline yet. The pageserver polls
     * this and then reads from where its last read ended — the end reported last time — so once that is known,
     * one read request answers both: the records after it come back with the end, and {@link #read} starts with
     * them. Half the requests on the leader, which also serves the compute's commits.
     */
    @Override
    public Lsn insertLsn(TimelineId timeline) {
        Lsn from = lastEnd.get(timeline);
        if (from != null && from.isValid()) {
            try {
                SafekeeperReply.Records chunk = client.readChunk(timeline, from, WalQuorum.READ_CHUNK_BYTES);
                prefetched.put(timeline, new Prefetch(from, chunk));
                Lsn end = Lsn.max(chunk.endLsn(), from);
                lastEnd.put(timeline, end);
                return end;
            } catch (StorageException e) {
                if (e.reason() != StorageException.Reason.NOT_FOUND) {
                    throw e;
                }
                // trimmed or unknown there: ask for the bare end below
            }
        }
        try {
            Lsn end = client.status(timeline).endLsn();
            lastEnd.put(timeline, end);
            return end;
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.NOT_FOUND) {
                return Lsn.INVALID;
            }
            throw e;
        }
    }

    @Override
    public WalReader read(TimelineId timeline, Lsn from) {
        // up to the end just asked for (committed WAL never shrinks), saving the leader one more status query
        Lsn end = lastEnd.get(timeline);
        Prefetch prefetch = prefetched.remove(timeline);
        SafekeeperReply.Records first = prefetch != null && prefetch.from().equals(from) ? prefetch.records() : null;
        return client.read(timeline, from, end != null && end.isAfter(from) ? end : Lsn.MAX, first);
    }

    @Override
    public void trimUpTo(TimelineId timeline, Lsn upTo) {
        client.trim(timeline, upTo);
    }

    @Override
    public void close() {
        client.close();
    }
}
