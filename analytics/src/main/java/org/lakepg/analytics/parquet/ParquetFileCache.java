package org.lakepg.analytics.parquet;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.StringVector;

/**
 * Decoded column chunks of immutable Parquet files, so a repeated query neither fetches nor decodes a file again:
 * per file its footer and schema, and per (row group, column) the decoded vector and dictionary page. Snapshot data
 * files are never rewritten under the same name, so an entry can never be stale; a deleted file's entry just ages
 * out. Bounded by an estimate of the bytes held, least recently used files leave first.
 *
 * <p>{@link #shared()} is the process-wide cache, sized by {@code -Dlakepg.analytics.cache_mb} (default: a quarter of
 * the maximum heap; 0 disables it).
 */
public final class ParquetFileCache {

    /** A file: the store object that holds it (compared by identity) and its key there. */
    public record FileKey(Object store, String path) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FileKey k && k.store == store && k.path.equals(path);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(store) * 31 + path.hashCode();
        }
    }

    /** What is known of one file; vectors and dictionaries fill in as queries need them. */
    static final class Entry {
        final ParquetMetadata footer;
        final Schema schema;
        /** Decoded chunks by {@link #slot} (row group × column): an array, read once per chunk of every query. */
        private final AtomicReferenceArray<ColumnVector> vectors;
        final Map<Long, Optional<DictionaryPage>> dictionaries = new ConcurrentHashMap<>();
        /** Derived from the footer once, not per query: Parquet builds the column list anew on every call. */
        final List<ColumnDescriptor> columns;
        final ParquetColumnType[] types;
        final RowGroupPruner pruner;
        /** The last column selection's schema: every file of a scan selects the same columns, every query anew. */
        private volatile Selected selected;

        private record Selected(List<Integer> columns, Schema schema) {
        }

        Entry(ParquetMetadata footer, Schema schema) {
            this.footer = footer;
            this.schema = schema;
            this.vectors = new AtomicReferenceArray<>(footer.getBlocks().size() * schema.size());
            this.columns = List.copyOf(footer.getFileMetaData().getSchema().getColumns());
            this.types = new ParquetColumnType[schema.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = ParquetColumnType.of(schema.column(i));
            }
            this.pruner = new RowGroupPruner(schema, types, columns);
        }

        /** The decoded chunk of a row group's column, or null if no query decoded it yet. */
        ColumnVector vector(int rowGroup, int column) {
            return vectors.get(rowGroup * schema.size() + column);
        }

        /** Records a decoded chunk; false if another query recorded it first. */
        boolean addVector(int rowGroup, int column, ColumnVector vector) {
            return vectors.compareAndSet(rowGroup * schema.size() + column, null, vector);
        }

        /** {@code schema.select(columns)}, built once per selection instead of once per file and query. */
        Schema selected(List<Integer> columns) {
            Selected last = selected;
            if (last == null || !last.columns().equals(columns)) {
                last = new Selected(List.copyOf(columns), schema.select(columns));
                selected = last;
            }
            return last.schema();
        }

        /** The index of a column among the file's columns (the dictionary cache's slot). */
        int columnIndex(ColumnDescriptor descriptor) {
            return columns.indexOf(descriptor);
        }

        static long slot(int rowGroup, int column) {
            return ((long) rowGroup << 32) | column;
        }
    }

    private static final ParquetFileCache SHARED = new ParquetFileCache(
            Long.getLong("lakepg.analytics.cache_mb", Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)) * 1024 * 1024);

    private final long budgetBytes;
    private final LinkedHashMap<FileKey, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<FileKey, Long> sizes = new java.util.HashMap<>();
    private long heldBytes;
    private long hits;
    private long misses;

    public ParquetFileCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    public static ParquetFileCache shared() {
        return SHARED;
    }

    public boolean enabled() {
        return budgetBytes > 0;
    }

    synchronized Entry get(FileKey key) {
        Entry e = entries.get(key);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    synchronized void put(FileKey key, Entry entry) {
        if (entries.putIfAbsent(key, entry) == null) {
            sizes.put(key, 0L);
        }
    }

    /** Records {@code vector} as row group/column of the file and evicts older files beyond the budget. */
    void addVector(FileKey key, Entry entry, int rowGroup, int column, ColumnVector vector) {
        if (!entry.addVector(rowGroup, column, vector)) {
            return;
        }
        long bytes = estimateBytes(vector);
        synchronized (this) {
            Long size = sizes.get(key);
            if (size == null) {
                return; // evicted meanwhile: the entry is garbage once the query is done
            }
            sizes.put(key, size + bytes);
            heldBytes += bytes;
            Iterator<Map.Entry<FileKey, Entry>> it = entries.entrySet().iterator();
            while (heldBytes > budgetBytes && it.hasNext()) {
                FileKey oldest = it.next().getKey();
                heldBytes -= sizes.remove(oldest);
                it.remove();
            }
        }
    }

    /** Files, bytes held (estimated), hits and misses, for status and benchmarks. */
    public synchronized String describe() {
        return entries.size() + " files, " + heldBytes / (1024 * 1024) + " MB of " + budgetBytes / (1024 * 1024)
                + " MB, " + hits + " hits, " + misses + " misses";
    }

    /** Forgets a deleted file at once instead of letting it age out. */
    public synchronized void evict(FileKey key) {
        if (entries.remove(key) != null) {
            heldBytes -= sizes.remove(key);
        }
    }

    public synchronized void clear() {
        entries.clear();
        sizes.clear();
        heldBytes = 0;
    }

    static long estimateBytes(ColumnVector v) {
        long n = v.size();
        long perValue = switch (v.type().kind()) {
            case BOOL -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
            case DECIMAL -> ((DecimalVector) v).isScaled() ? 8 : 64;
            case STRING -> ((StringVector) v).isDictionaryEncoded() ? 4 : 56;
            case BYTES, UUID -> 56;
        };
        long dictionary = v instanceof StringVector s && s.isDictionaryEncoded() ? 56L * s.dictionary().length : 0;
        long zones = v instanceof IntVector i && i.zones() != null ? i.zones().bytes() : 0;
        return 64 + n * perValue + n / 8 + dictionary + zones;
    }
}
