package org.lakepg.server.access.wal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The WAL of a compute that must never write: a time-travel reader pinned at an old LSN (its pages are the past,
 * changing them would rewrite history) or a read replica. Sessions refuse writes earlier, with a statement-specific
 * message; this is the guard that makes any write that slips through fail instead of reaching storage.
 */
public final class ReadOnlyWal implements WalService {
    private final WalService wal;

    public ReadOnlyWal(WalService wal) {
        this.wal = wal;
    }

    private static PgException refused() {
        return PgException.of(SqlState.READ_ONLY_SQL_TRANSACTION, "cannot write to a read-only compute");
    }

    @Override
    public Lsn append(TimelineId timeline, WalRecord record) {
        throw refused();
    }

    @Override
    public List<Lsn> appendAll(TimelineId timeline, List<WalRecord> records) {
        throw refused();
    }

    @Override
    public CompletableFuture<Lsn> flush(TimelineId timeline, Lsn upTo) {
        return wal.flush(timeline, upTo);
    }

    @Override
    public Lsn durableLsn(TimelineId timeline) {
        return wal.durableLsn(timeline);
    }

    @Override
    public Lsn insertLsn(TimelineId timeline) {
        return wal.insertLsn(timeline);
    }

    @Override
    public WalReader read(TimelineId timeline, Lsn from) {
        return wal.read(timeline, from);
    }
}
