package org.lakepg.analytics.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.VectorBuilder;

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
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, NO_CONVERTER, messageType, "lakepg");
                List<ColumnVector> vectors = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    int c = columns.get(i);
                    ColumnReader columnReader = store.getColumnReader(all.get(c));
                    int maxDef = all.get(c).getMaxDefinitionLevel();
                    String[] dictionary = types[c] == ParquetColumnType.STRING
                            ? stringDictionary(block, block.getColumns().get(c), all.get(c)) : null;
                    vectors.add(dictionary != null ? decodeDictionaryStrings(columnReader, column(c), dictionary, n, maxDef)
                            : decode(columnReader, schema.column(c), types[c], n, maxDef));
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

    private Column column(int c) {
        return schema.column(c);
    }

    /**
     * The decoded strings of a column chunk whose every page is dictionary-encoded (null otherwise): each distinct
     * string is then decoded from UTF-8 once per row group instead of once per row.
     */
    private String[] stringDictionary(BlockMetaData block, ColumnChunkMetaData chunk, ColumnDescriptor descriptor)
            throws IOException {
        EncodingStats stats = chunk.getEncodingStats();
        if (stats == null || !stats.hasDictionaryPages() || stats.hasNonDictionaryEncodedPages()) {
            return null;
        }
        DictionaryPageReadStore dictionaries = reader.getDictionaryReader(block);
        DictionaryPage page = dictionaries.readDictionaryPage(descriptor);
        if (page == null) {
            return null;
        }
        Dictionary dictionary = page.getEncoding().initDictionary(descriptor, page);
        String[] strings = new String[dictionary.getMaxId() + 1];
        for (int id = 0; id < strings.length; id++) {
            strings[id] = dictionary.decodeToBinary(id).toStringUsingUTF8();
        }
        return strings;
    }

    private static ColumnVector decodeDictionaryStrings(ColumnReader r, Column column, String[] dictionary, int n,
                                                        int maxDef) {
        VectorBuilder out = new VectorBuilder(column.type(), n);
        for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() != maxDef) {
                out.addNull();
            } else {
                out.addObject(dictionary[r.getCurrentValueDictionaryID()]);
            }
            r.consume();
        }
        return out.build();
    }

    private static ColumnVector decode(ColumnReader r, Column column, ParquetColumnType type, int n, int maxDef) {
        VectorBuilder out = new VectorBuilder(column.type(), n);
        for (int i = 0; i < n; i++) {
            if (r.getCurrentDefinitionLevel() != maxDef) {
                out.addNull();
                r.consume();
                continue;
            }
            switch (type) {
                case BOOLEAN -> out.addBoolean(r.getBoolean());
                case INT16 -> out.addShort((short) r.getInteger());
                case INT32 -> out.addInt(r.getInteger());
                case DATE -> out.addInt(r.getInteger() - ParquetColumnType.EPOCH_DAYS_OFFSET);
                case INT64 -> out.addLong(r.getLong());
                case TIMESTAMP, TIMESTAMPTZ -> out.addLong(r.getLong() - ParquetColumnType.EPOCH_MICROS_OFFSET);
                case FLOAT -> out.addFloat(r.getFloat());
                case DOUBLE -> out.addDouble(r.getDouble());
                case DECIMAL_INT64 -> out.addObject(BigDecimal.valueOf(r.getLong(), column.scale()));
                case DECIMAL_FIXED16 -> out.addObject(new BigDecimal(new BigInteger(r.getBinary().getBytes()),
                        column.scale()));
                case DECIMAL_TEXT -> out.addObject(new BigDecimal(r.getBinary().toStringUsingUTF8()));
                case STRING -> out.addObject(r.getBinary().toStringUsingUTF8());
                case BINARY -> out.addObject(r.getBinary().getBytes());
                case UUID -> {
                    ByteBuffer b = r.getBinary().toByteBuffer();
                    out.addObject(new UUID(b.getLong(b.position()), b.getLong(b.position() + 8)));
                }
            }
            r.consume();
        }
        return out.build();
    }

    /**
     * The column readers need a converter tree; values are pulled with getLong() etc., so it never receives values.
     * Declaring dictionary support makes the readers keep dictionary ids of dictionary-encoded pages readable.
     */
    private static final GroupConverter NO_CONVERTER = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
            return new PrimitiveConverter() {
                @Override
                public boolean hasDictionarySupport() {
                    return true;
                }

                @Override
                public void setDictionary(org.apache.parquet.column.Dictionary dictionary) {
                }
            };
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    };

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
