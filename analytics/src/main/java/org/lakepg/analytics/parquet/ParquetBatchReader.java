package org.lakepg.analytics.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.MessageType;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.Schema;

/**
 * Reads a Parquet file written by {@link ParquetBatchWriter} into batches, one per row group: only the requested
 * columns are decoded (column pruning) and row groups that cannot match the predicates are skipped by their
 * statistics or dictionaries (predicate pushdown). Hadoop-free: see {@link HadoopFreeReadOptions}.
 */
public final class ParquetBatchReader implements AutoCloseable {

    private final ParquetFileReader reader;
    private final Schema schema;
    private final MessageType messageType;
    private final ParquetColumnType[] types;

    private ParquetBatchReader(ParquetFileReader reader) {
        this.reader = reader;
        this.messageType = reader.getFooter().getFileMetaData().getSchema();
        String note = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SchemaNote.KEY);
        if (note == null) {
            throw new IllegalArgumentException("not a lakepg Parquet file (no " + SchemaNote.KEY + " metadata)");
        }
        this.schema = SchemaNote.read(note);
        this.types = new ParquetColumnType[schema.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = ParquetColumnType.of(schema.column(i));
        }
    }

    public static ParquetBatchReader open(InputFile file) {
        try {
            return new ParquetBatchReader(new ParquetFileReader(file, HadoopFreeReadOptions.create(PageCodecs.INSTANCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParquetBatchReader open(byte[] file) {
        return open(new InMemoryInputFile(file));
    }

    public Schema schema() {
        return schema;
    }

    public List<BlockMetaData> rowGroups() {
        return reader.getRowGroups();
    }

    public long rowCount() {
        return reader.getRecordCount();
    }

    /**
     * Hands {@code sink} one batch per row group that may hold rows satisfying all {@code predicates}, holding the
     * {@code columns} (indexes into {@link #schema()}) in the order given.
     */
    public ScanStats scan(List<Integer> columns, List<ColumnPredicate> predicates, Consumer<Batch> sink) {
        List<ColumnDescriptor> all = messageType.getColumns();
        List<ColumnDescriptor> requested = new ArrayList<>(columns.size());
        for (int c : columns) {
            requested.add(all.get(c));
        }
        reader.setRequestedSchema(requested);
        Schema outSchema = schema.select(columns);
        RowGroupPruner pruner = new RowGroupPruner(schema, types, all);
        int read = 0;
        int byStats = 0;
        int byDictionary = 0;
        long rows = 0;
        try {
            List<BlockMetaData> blocks = reader.getRowGroups();
            for (int g = 0; g < blocks.size(); g++) {
                BlockMetaData block = blocks.get(g);
                RowGroupPruner.Verdict verdict = predicates.isEmpty() ? RowGroupPruner.Verdict.READ
                        : pruner.judge(block, predicates, reader.getDictionaryReader(block));
                if (verdict == RowGroupPruner.Verdict.SKIP_BY_STATISTICS) {
                    byStats++;
                    continue;
                }
                if (verdict == RowGroupPruner.Verdict.SKIP_BY_DICTIONARY) {
                    byDictionary++;
                    continue;
                }
                PageReadStore pages = reader.readRowGroup(g);
                int n = Math.toIntExact(pages.getRowCount());
                List<ColumnVector> vectors = new ArrayList<>(columns.size());
                for (int c : columns) {
                    var stats = block.getColumns().get(c).getStatistics();
                    boolean mayHaveNulls = stats == null || !stats.isNumNullsSet() || stats.getNumNulls() > 0;
                    vectors.add(PageDecoder.decode(pages.getPageReader(all.get(c)), all.get(c), schema.column(c),
                            types[c], n, mayHaveNulls));
                }
                sink.accept(new Batch(outSchema, vectors, n));
                read++;
                rows += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScanStats(read, byStats, byDictionary, rows);
    }

    /**
     * {@link #scan} of an immutable file through {@code cache}: row groups and columns decoded before come from the
     * cache; the file's bytes are fetched ({@code bytes}) only when something is missing, and what is decoded then
     * is added. Pruning is the same: statistics from the cached footer, dictionary pages cached once read.
     */
    public static ScanStats scanCached(ParquetFileCache cache, ParquetFileCache.FileKey key,
                                       java.util.function.Supplier<byte[]> bytes, List<Integer> columns,
                                       List<ColumnPredicate> predicates, Consumer<Batch> sink) {
        if (!cache.enabled()) {
            try (ParquetBatchReader reader = open(bytes.get())) {
                return reader.scan(columns, predicates, sink);
            }
        }
        LazyReader lazy = new LazyReader(bytes);
        try {
            ParquetFileCache.Entry entry = cache.get(key);
            if (entry == null) {
                ParquetBatchReader reader = lazy.get();
                entry = new ParquetFileCache.Entry(reader.reader.getFooter(), reader.schema);
                cache.put(key, entry);
            }
            return scanEntry(cache, key, entry, lazy, columns, predicates, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lazy.close();
        }
    }

    private static ScanStats scanEntry(ParquetFileCache cache, ParquetFileCache.FileKey key, ParquetFileCache.Entry entry,
                                       LazyReader lazy, List<Integer> columns, List<ColumnPredicate> predicates,
                                       Consumer<Batch> sink) throws IOException {
        Schema schema = entry.schema;
        ParquetColumnType[] types = entry.types;
        List<ColumnDescriptor> all = entry.columns;
        Schema outSchema = entry.selected(columns);
        RowGroupPruner pruner = entry.pruner;
        List<BlockMetaData> blocks = entry.footer.getBlocks();
        int read = 0;
        int byStats = 0;
        int byDictionary = 0;
        long rows = 0;
        for (int g = 0; g < blocks.size(); g++) {
            BlockMetaData block = blocks.get(g);
            int group = g;
            org.apache.parquet.column.page.DictionaryPageReadStore dictionaries = descriptor -> entry.dictionaries
                    .computeIfAbsent(ParquetFileCache.Entry.slot(group, entry.columnIndex(descriptor)), slot -> {
                        try {
                            org.apache.parquet.column.page.DictionaryPageReadStore store = lazy.get().reader.getDictionaryReader(block);
                            DictionaryPage page = store.readDictionaryPage(descriptor);
                            return java.util.Optional.ofNullable(page == null ? null : page.copy());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).orElse(null);
            RowGroupPruner.Verdict verdict = predicates.isEmpty() ? RowGroupPruner.Verdict.READ
                    : pruner.judge(block, predicates, dictionaries);
            if (verdict == RowGroupPruner.Verdict.SKIP_BY_STATISTICS) {
                byStats++;
                continue;
            }
            if (verdict == RowGroupPruner.Verdict.SKIP_BY_DICTIONARY) {
                byDictionary++;
                continue;
            }
            int n = Math.toIntExact(block.getRowCount());
            ColumnVector[] vectors = new ColumnVector[columns.size()];
            List<Integer> missing = null; // allocated only when a chunk is not cached
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = entry.vector(g, columns.get(i));
                if (vectors[i] == null) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    if (!missing.contains(columns.get(i))) {
                        missing.add(columns.get(i));
                    }
                }
            }
            if (missing != null) {
                ParquetFileReader reader = lazy.get().reader;
                List<ColumnDescriptor> requested = new ArrayList<>();
                for (int c : missing) {
                    requested.add(all.get(c));
                }
                reader.setRequestedSchema(requested);
                PageReadStore pages = reader.readRowGroup(g);
                for (int c : missing) {
                    var stats = block.getColumns().get(c).getStatistics();
                    boolean mayHaveNulls = stats == null || !stats.isNumNullsSet() || stats.getNumNulls() > 0;
                    ColumnVector v = withZoneMap(PageDecoder.decode(pages.getPageReader(all.get(c)), all.get(c),
                            schema.column(c), types[c], n, mayHaveNulls));
                    cache.addVector(key, entry, g, c, v);
                    for (int i = 0; i < vectors.length; i++) {
                        if (columns.get(i) == c) {
                            vectors[i] = v;
                        }
                    }
                }
            }
            sink.accept(new Batch(outSchema, java.util.Arrays.asList(vectors), n));
            read++;
            rows += n;
        }
        return new ScanStats(read, byStats, byDictionary, rows);
    }

    /** A cached int4/date chunk is scanned by many queries: its zone map lets range filters skip blocks. */
    private static ColumnVector withZoneMap(ColumnVector v) {
        return v instanceof IntVector i ? i.withZoneMap() : v;
    }

    /** Opens the file only when something is not in the cache. */
    private static final class LazyReader {
        private final java.util.function.Supplier<byte[]> bytes;
        private ParquetBatchReader reader;

        LazyReader(java.util.function.Supplier<byte[]> bytes) {
            this.bytes = bytes;
        }

        ParquetBatchReader get() {
            if (reader == null) {
                reader = open(bytes.get());
            }
            return reader;
        }

        void close() {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** All rows and columns, as batches (tests, fresh reads). */
    public List<Batch> readAll() {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            columns.add(i);
        }
        List<Batch> out = new ArrayList<>();
        scan(columns, List.of(), out::add);
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
