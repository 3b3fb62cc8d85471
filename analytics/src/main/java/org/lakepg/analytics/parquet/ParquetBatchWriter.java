package org.lakepg.analytics.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.BytesVector;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.FloatVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.StringVector;
import org.lakepg.analytics.batch.UuidVector;

/**
 * Writes batches to one Parquet file through parquet-java's column writers (statistics and dictionary encoding come
 * from them), without Hadoop: the file goes to an {@link OutputFile}, pages are compressed by {@link PageCodecs}.
 */
public final class ParquetBatchWriter implements AutoCloseable {

    private final Schema schema;
    private final MessageType messageType;
    private final ParquetColumnType[] columnTypes;
    private final ParquetWriteOptions options;
    private final ParquetProperties properties;
    private final ParquetFileWriter fileWriter;
    private ColumnChunkPageWriteStore pageStore;
    private ColumnWriteStore columnStore;
    private ColumnWriter[] writers;
    private long rowsInGroup;
    private long totalRows;
    private boolean closed;

    public ParquetBatchWriter(Schema schema, OutputFile out, ParquetWriteOptions options) {
        this.schema = schema;
        this.options = options;
        this.columnTypes = new ParquetColumnType[schema.size()];
        Type[] fields = new Type[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.column(i);
            columnTypes[i] = ParquetColumnType.of(c);
            fields[i] = columnTypes[i].parquetType(c);
        }
        this.messageType = new MessageType("lakepg", fields);
        this.properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(options.dictionary())
                .withPageSize(options.pageBytes())
                .withDictionaryPageSize(options.dictionaryPageBytes())
                .withStatisticsEnabled(true)
                .build();
        try {
            this.fileWriter = new ParquetFileWriter(out, messageType, ParquetFileWriter.Mode.CREATE,
                    options.rowGroupBytes(), 0, properties.getColumnIndexTruncateLength(),
                    properties.getStatisticsTruncateLength(), false);
            fileWriter.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MessageType messageType() {
        return messageType;
    }

    private void startGroup() {
        pageStore = new ColumnChunkPageWriteStore(PageCodecs.INSTANCE.getCompressor(options.codec()), messageType,
                new HeapByteBufferAllocator(), properties.getColumnIndexTruncateLength(),
                properties.getPageWriteChecksumEnabled());
        columnStore = properties.newColumnWriteStore(messageType, pageStore);
        List<ColumnDescriptor> descriptors = messageType.getColumns();
        writers = new ColumnWriter[descriptors.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = columnStore.getColumnWriter(descriptors.get(i));
        }
        rowsInGroup = 0;
    }

    private void finishGroup() throws IOException {
        columnStore.flush();
        fileWriter.startBlock(rowsInGroup);
        pageStore.flushToFileWriter(fileWriter);
        fileWriter.endBlock();
        columnStore.close();
        pageStore.close();
        columnStore = null;
    }

    /** Appends the batch's rows (its schema must be this writer's). */
    public void write(Batch batch) {
        if (!batch.schema().equals(schema)) {
            throw new IllegalArgumentException("batch schema differs from the file's");
        }
        // cell writers are bound to the current row group's column writers: rebuilt when a group starts
        CellWriter[] cells = null;
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                if (columnStore == null) {
                    startGroup();
                    cells = null;
                }
                if (cells == null) {
                    cells = new CellWriter[schema.size()];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = cellWriter(batch.column(c), c);
                    }
                }
                // Row by row, so the column store's page-size checks (done per record) cut pages at row boundaries.
                for (CellWriter cell : cells) {
                    cell.write(row);
                }
                columnStore.endRecord();
                rowsInGroup++;
                totalRows++;
                if (rowsInGroup >= options.rowGroupRows()
                        || ((rowsInGroup & 1023) == 0 && columnStore.getBufferedSize() >= options.rowGroupBytes())) {
                    finishGroup();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rowCount() {
        return totalRows;
    }

    @FunctionalInterface
    private interface CellWriter {
        void write(int row);
    }

    private CellWriter cellWriter(ColumnVector vector, int column) {
        ColumnWriter w = writers[column];
        int def = messageType.getColumns().get(column).getMaxDefinitionLevel();
        ParquetColumnType type = columnTypes[column];
        Column col = schema.column(column);
        if (vector.nulls().hasNulls() && def == 0) {
            throw new IllegalArgumentException("NULL in NOT NULL column \"" + col.name() + "\"");
        }
        return switch (vector) {
            case BoolVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(v.at(row), 0, def); }
            };
            case ShortVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write((int) v.at(row), 0, def); }
            };
            case IntVector v -> {
                int offset = type == ParquetColumnType.DATE ? ParquetColumnType.EPOCH_DAYS_OFFSET : 0;
                yield row -> {
                    if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(v.at(row) + offset, 0, def); }
                };
            }
            case LongVector v -> {
                long offset = type == ParquetColumnType.TIMESTAMP || type == ParquetColumnType.TIMESTAMPTZ
                        ? ParquetColumnType.EPOCH_MICROS_OFFSET : 0;
                yield row -> {
                    if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(v.at(row) + offset, 0, def); }
                };
            }
            case FloatVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(v.at(row), 0, def); }
            };
            case DoubleVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(v.at(row), 0, def); }
            };
            case DecimalVector v -> row -> {
                if (v.isNull(row)) {
                    w.writeNull(0, 0);
                    return;
                }
                if (type == ParquetColumnType.DECIMAL_INT64 && v.isScaled() && v.scale() == col.scale()) {
                    w.write(v.unscaled()[row], 0, def); // already the column's unscaled long
                    return;
                }
                BigDecimal d = v.at(row);
                switch (type) {
                    case DECIMAL_INT64 -> w.write(unscaled(d, col).longValueExact(), 0, def);
                    case DECIMAL_FIXED16 -> w.write(Binary.fromConstantByteArray(fixed16(unscaled(d, col))), 0, def);
                    default -> w.write(Binary.fromString(d.toPlainString()), 0, def);
                }
            };
            case StringVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(Binary.fromString(v.at(row)), 0, def); }
            };
            case BytesVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(Binary.fromConstantByteArray(v.at(row)), 0, def); }
            };
            case UuidVector v -> row -> {
                if (v.isNull(row)) { w.writeNull(0, 0); } else { w.write(Binary.fromString(v.at(row).toString()), 0, def); }
            };
        };
    }

    private static java.math.BigInteger unscaled(BigDecimal d, Column col) {
        return d.setScale(col.scale(), RoundingMode.HALF_UP).unscaledValue();
    }

    /** A 16-byte big-endian two's complement, as Parquet's FIXED_LEN_BYTE_ARRAY decimal wants. */
    static byte[] fixed16(java.math.BigInteger unscaled) {
        byte[] minimal = unscaled.toByteArray();
        if (minimal.length > 16) {
            throw new ArithmeticException("numeric value does not fit in 38 digits");
        }
        byte[] out = new byte[16];
        byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
        java.util.Arrays.fill(out, 0, 16 - minimal.length, pad);
        System.arraycopy(minimal, 0, out, 16 - minimal.length, minimal.length);
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (columnStore != null) {
                finishGroup();
            }
            fileWriter.end(Map.of(SchemaNote.KEY, SchemaNote.write(schema), "writer", "lakepg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file for {@code batches}, in memory (one ObjectStore object). */
    public static byte[] toBytes(Schema schema, Iterable<Batch> batches, ParquetWriteOptions options) {
        InMemoryOutputFile out = new InMemoryOutputFile();
        try (ParquetBatchWriter writer = new ParquetBatchWriter(schema, out, options)) {
            for (Batch b : batches) {
                writer.write(b);
            }
        }
        return out.toByteArray();
    }
}
