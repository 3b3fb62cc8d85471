package org.lakepg.analytics.snapshot;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BatchBuilder;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.source.PageRange;
import org.lakepg.analytics.source.TableSource;
import org.lakepg.storage.Lsn;

/**
 * Reads a table as of any LSN L with zero lag: from the newest snapshot taken at or before L, the rows of pages
 * unchanged since the snapshot come from Parquet and only the pages changed after it (or added) are decoded from the
 * row store at L. The result equals the row store at L, not "the last refresh".
 */
public final class FreshRead {

    private static final int BATCH_ROWS = 8192;

    private final TableSnapshots snapshots;

    public FreshRead(TableSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * Hands {@code sink} batches of {@code columns} holding every row of the table at {@code lsn} (pushdown
     * predicates may drop row groups that cannot match, as with any scan: apply the filter above).
     */
    public FreshReadStats read(TableSource source, Lsn lsn, List<Integer> columns, List<ColumnPredicate> pushdown,
                               Consumer<Batch> sink) {
        Optional<Manifest> pinned = snapshots.pinAsOf(lsn);
        try {
            return read(source, lsn, columns, pushdown, sink, pinned);
        } finally {
            pinned.ifPresent(snapshots::unpin);
        }
    }

    private FreshReadStats read(TableSource source, Lsn lsn, List<Integer> columns, List<ColumnPredicate> pushdown,
                                Consumer<Batch> sink, Optional<Manifest> pinned) {
        Schema schema = source.schema();
        Optional<Manifest> snapshot = pinned.filter(m -> m.schema().equals(schema));
        int pageCount = source.pageCount(lsn);
        if (snapshot.isEmpty()) {
            long decoded = decode(source, schema, List.of(new PageRange(0, pageCount)), lsn, columns, sink);
            return new FreshReadStats(0, 0, decoded, ScanStats.NONE);
        }
        Manifest m = snapshot.get();
        BitSet stale = source.changedPages(m.lsn(), lsn);
        // pages the snapshot has that the table no longer has (truncation) are stale too
        if (pageCount < m.pageCount()) {
            stale.set(pageCount, m.pageCount());
        }
        int fromParquet = 0;
        int patched = 0;
        ScanStats parquetStats = ScanStats.NONE;
        List<PageRange> toDecode = new ArrayList<>();
        long decodedInFiles = 0;
        for (DataFile f : m.files()) {
            int firstStale = stale.nextSetBit(f.pages().from());
            boolean clean = firstStale < 0 || firstStale >= f.pages().to();
            if (clean) {
                parquetStats = parquetStats.plus(snapshots.scanFile(f, columns, pushdown, sink));
                fromParquet++;
                continue;
            }
            patched++;
            // the file's clean pages from Parquet, its stale ones decoded, interleaved in page order
            List<Batch> fileBatches = new ArrayList<>();
            parquetStats = parquetStats.plus(snapshots.scanFile(f, columns, List.of(), fileBatches::add));
            decodedInFiles += patch(source, schema, lsn, columns, f, stale, pageCount, fileBatches, sink);
        }
        if (pageCount > m.pageCount()) {
            toDecode.add(new PageRange(m.pageCount(), pageCount));
        }
        long decoded = decodedInFiles + decode(source, schema, toDecode, lsn, columns, sink);
        return new FreshReadStats(fromParquet, patched, decoded, parquetStats);
    }

    /**
     * Rows in heap page order, like a sequential scan of the row store: runs of clean pages come from the file's
     * rows, stale pages are decoded where they are. Order matters beyond tidiness: float sums depend on it, and the
     * answer must equal the row engine's to the last bit.
     */
    private static long patch(TableSource source, Schema schema, Lsn lsn, List<Integer> columns, DataFile f,
                              BitSet stale, int pageCount, List<Batch> fileBatches, Consumer<Batch> sink) {
        long decoded = 0;
        int row = 0;
        int runStart = 0; // first file row of the current run of clean pages
        int staleFrom = -1; // first page of the current run of stale pages, -1 if none
        for (int p = f.pages().from(); p < f.pages().to(); p++) {
            int n = f.rowsPerPage().get(p - f.pages().from());
            if (stale.get(p)) {
                if (staleFrom < 0) {
                    emitRows(fileBatches, runStart, row, sink);
                    staleFrom = p;
                }
                runStart = row + n;
            } else if (staleFrom >= 0) {
                decoded += decode(source, schema, List.of(new PageRange(staleFrom, Math.max(staleFrom, Math.min(p, pageCount)))), lsn,
                        columns, sink);
                staleFrom = -1;
            }
            row += n;
        }
        if (staleFrom >= 0) {
            decoded += decode(source, schema, List.of(new PageRange(staleFrom,
                    Math.max(staleFrom, Math.min(f.pages().to(), pageCount)))), lsn, columns, sink);
        } else {
            emitRows(fileBatches, runStart, row, sink);
        }
        return decoded;
    }

    /** Rows {@code [from, to)} of a file read as consecutive batches. */
    private static void emitRows(List<Batch> fileBatches, int from, int to, Consumer<Batch> sink) {
        int offset = 0;
        for (Batch b : fileBatches) {
            int start = Math.max(from, offset);
            int end = Math.min(to, offset + b.rowCount());
            if (start < end) {
                if (start == offset && end == offset + b.rowCount()) {
                    sink.accept(b);
                } else {
                    int[] positions = new int[end - start];
                    for (int i = 0; i < positions.length; i++) {
                        positions[i] = start - offset + i;
                    }
                    sink.accept(b.gather(positions, positions.length));
                }
            }
            offset += b.rowCount();
        }
    }

    private static long decode(TableSource source, Schema schema, List<PageRange> ranges, Lsn lsn,
                               List<Integer> columns, Consumer<Batch> sink) {
        long pages = 0;
        for (PageRange range : ranges) {
            if (range.pageCount() == 0) {
                continue;
            }
            pages += range.pageCount();
            BatchBuilder[] builder = {new BatchBuilder(schema, BATCH_ROWS)};
            source.readPages(range, lsn, (page, row) -> {
                builder[0].add(row);
                if (builder[0].rowCount() == BATCH_ROWS) {
                    sink.accept(builder[0].build().project(columns));
                    builder[0] = new BatchBuilder(schema, BATCH_ROWS);
                }
            });
            if (builder[0].rowCount() > 0) {
                sink.accept(builder[0].build().project(columns));
            }
        }
        return pages;
    }
}
