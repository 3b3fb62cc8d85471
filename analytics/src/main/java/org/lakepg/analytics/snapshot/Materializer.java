package org.lakepg.analytics.snapshot;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BatchBuilder;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ParquetBatchWriter;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.source.PageRange;
import org.lakepg.analytics.source.TableSource;
import org.lakepg.storage.Lsn;

/**
 * Turns a table's heap pages at an LSN into a Parquet snapshot. Pages are grouped on a fixed grid of
 * {@code pagesPerFile}, so after changes only the files whose pages changed (or whose range grew or shrank) are
 * rewritten; the rest of the previous snapshot is reused as is.
 */
public final class Materializer {

    private static final int BATCH_ROWS = 8192;

    private final TableSnapshots snapshots;
    private final int pagesPerFile;
    private final ParquetWriteOptions writeOptions;

    public Materializer(TableSnapshots snapshots, int pagesPerFile, ParquetWriteOptions writeOptions) {
        if (pagesPerFile <= 0) {
            throw new IllegalArgumentException("pagesPerFile must be positive");
        }
        this.snapshots = snapshots;
        this.pagesPerFile = pagesPerFile;
        this.writeOptions = writeOptions;
    }

    /**
     * Brings the snapshot to {@code lsn}: the first snapshot (or one after a schema change) decodes every page;
     * later ones decode only the pages {@code changedPages} reports since the previous snapshot's LSN.
     */
    public MaterializeResult refresh(TableSource source, Lsn lsn) {
        snapshots.catchUpDeltaLog();
        Optional<Manifest> previous = snapshots.latest();
        Schema schema = source.schema();
        if (previous.isPresent() && !previous.get().lsn().isBefore(lsn) && previous.get().schema().equals(schema)) {
            return new MaterializeResult(previous.get(), 0, previous.get().files().size(), 0, 0);
        }
        boolean reuse = previous.isPresent() && previous.get().schema().equals(schema);
        int pageCount = source.pageCount(lsn);
        BitSet changed = reuse ? source.changedPages(previous.get().lsn(), lsn) : new BitSet();
        List<DataFile> files = new ArrayList<>();
        int written = 0;
        int kept = 0;
        long decoded = 0;
        long bytes = 0;
        for (int from = 0; from < pageCount; from += pagesPerFile) {
            PageRange range = new PageRange(from, Math.min(from + pagesPerFile, pageCount));
            Optional<DataFile> old = reuse ? reusable(previous.get(), range, changed) : Optional.empty();
            if (old.isPresent()) {
                files.add(old.get());
                kept++;
                continue;
            }
            DataFile file = writeRange(source, schema, range, lsn);
            files.add(file);
            written++;
            decoded += range.pageCount();
            bytes += file.sizeBytes();
        }
        long version = previous.map(m -> m.version() + 1).orElse(0L);
        String tableId = previous.map(Manifest::tableId).orElseGet(() -> UUID.randomUUID().toString());
        Manifest manifest = new Manifest(source.name(), tableId, version, lsn, schema, pageCount, files);
        source.beforeSnapshotCommit(lsn);
        snapshots.commit(previous, manifest);
        return new MaterializeResult(manifest, written, kept, decoded, bytes);
    }

    /** The previous snapshot's file for exactly {@code range}, if none of its pages changed. */
    private static Optional<DataFile> reusable(Manifest previous, PageRange range, BitSet changed) {
        for (DataFile f : previous.files()) {
            if (f.pages().equals(range)) {
                int next = changed.nextSetBit(range.from());
                return next >= 0 && next < range.to() ? Optional.empty() : Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private DataFile writeRange(TableSource source, Schema schema, PageRange range, Lsn lsn) {
        List<Batch> batches = new ArrayList<>();
        int[] rowsPerPage = new int[range.pageCount()];
        BatchBuilder[] builder = {new BatchBuilder(schema, BATCH_ROWS)};
        long[] rows = {0};
        source.readPages(range, lsn, (page, row) -> {
            if (!range.contains(page)) {
                throw new IllegalStateException("source returned a row of page " + page + " for " + range);
            }
            rowsPerPage[page - range.from()]++;
            builder[0].add(row);
            rows[0]++;
            if (builder[0].rowCount() == BATCH_ROWS) {
                batches.add(builder[0].build());
                builder[0] = new BatchBuilder(schema, BATCH_ROWS);
            }
        });
        if (builder[0].rowCount() > 0) {
            batches.add(builder[0].build());
        }
        byte[] parquet = ParquetBatchWriter.toBytes(schema, batches, writeOptions);
        // A new name per write: files are immutable, and an old snapshot (time travel, Delta readers) still names
        // the file it had.
        String path = TableSnapshots.DATA + String.format("pages-%08d-%08d-%016x-%s.parquet", range.from(),
                range.to(), lsn.value(), UUID.randomUUID().toString().substring(0, 8));
        snapshots.putFile(path, parquet);
        List<Integer> perPage = new ArrayList<>(rowsPerPage.length);
        for (int n : rowsPerPage) {
            perPage.add(n);
        }
        return new DataFile(path, range, rows[0], parquet.length, perPage);
    }
}
