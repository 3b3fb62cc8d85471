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

/**
 * The safekeepers as the pageserver sees them: committed WAL to read, never to write (a reader must not take a
 * timeline's generation, which would fence its compute). Trimming is what the pageserver tells the safekeepers
 * once S3 holds a timeline up to an LSN.
 */
public final class SafekeeperWalSource implements WalService, WalTrimming, AutoCloseable {

    private final SafekeeperClient client;
    /** The end each timeline had at the last insertLsn call: the ingestor reads right after asking it. */
    private final java.util.Map<TimelineId, Lsn> lastEnd = new java.util.concurrent.ConcurrentHashMap<>();

    public SafekeeperWalSource(SafekeeperClient client) {
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

    /** The committed end; {@link Lsn#INVALID} while no compute has written the timeline yet. */
    @Override
    public Lsn insertLsn(TimelineId timeline) {
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
        return client.read(timeline, from, end != null && end.isAfter(from) ? end : Lsn.MAX);
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
