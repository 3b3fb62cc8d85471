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
import org.lakepg.analytics.parquet.ParquetBatchReader;
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
        Schema schema = source.schema();
        Optional<Manifest> snapshot = snapshots.asOf(lsn).filter(m -> m.schema().equals(schema));
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
        for (DataFile f : m.files()) {
            int firstStale = stale.nextSetBit(f.pages().from());
            boolean clean = firstStale < 0 || firstStale >= f.pages().to();
            try (ParquetBatchReader reader = ParquetBatchReader.open(snapshots.readFile(f))) {
                if (clean) {
                    parquetStats = parquetStats.plus(reader.scan(columns, pushdown, sink));
                    fromParquet++;
                    continue;
                }
                patched++;
                // keep the rows of the file's clean pages (they are contiguous per page, in page order)
                List<Batch> fileBatches = new ArrayList<>();
                parquetStats = parquetStats.plus(reader.scan(columns, List.of(), fileBatches::add));
                keepCleanPages(f, stale, fileBatches, sink);
            }
            for (int p = stale.nextSetBit(f.pages().from()); p >= 0 && p < Math.min(f.pages().to(), pageCount);
                    p = stale.nextSetBit(p + 1)) {
                toDecode.add(new PageRange(p, p + 1));
            }
        }
        if (pageCount > m.pageCount()) {
            toDecode.add(new PageRange(m.pageCount(), pageCount));
        }
        long decoded = decode(source, schema, toDecode, lsn, columns, sink);
        return new FreshReadStats(fromParquet, patched, decoded, parquetStats);
    }

    private static void keepCleanPages(DataFile f, BitSet stale, List<Batch> fileBatches, Consumer<Batch> sink) {
        // a boolean per file row: does it come from a clean page?
        int total = Math.toIntExact(f.rowCount());
        boolean[] keep = new boolean[total];
        int row = 0;
        for (int p = f.pages().from(); p < f.pages().to(); p++) {
            int n = f.rowsPerPage().get(p - f.pages().from());
            if (!stale.get(p)) {
                java.util.Arrays.fill(keep, row, row + n, true);
            }
            row += n;
        }
        int offset = 0;
        for (Batch b : fileBatches) {
            int[] positions = new int[b.rowCount()];
            int count = 0;
            for (int i = 0; i < b.rowCount(); i++) {
                if (keep[offset + i]) {
                    positions[count++] = i;
                }
            }
            offset += b.rowCount();
            if (count > 0) {
                sink.accept(count == b.rowCount() ? b : b.gather(positions, count));
            }
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
