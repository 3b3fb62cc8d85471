package org.lakepg.analytics.parquet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.UUID;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.StringVector;
import org.lakepg.analytics.batch.VectorBuilder;

/**
 * Decodes a column chunk page by page straight into a vector: definition levels and values are read with
 * parquet-java's own ValuesReaders, one tight loop per type, instead of going through the record-assembly
 * ColumnReader (a few virtual calls and checks per value). Strings of a dictionary page are decoded once.
 * Files here are flat and written with V1 data pages by {@link ParquetBatchWriter}.
 */
final class PageDecoder {

    private PageDecoder() {
    }

    /**
     * @param mayHaveNulls false when the chunk's statistics count no NULLs: the definition levels are then not read
     *                     value by value
     */
    static ColumnVector decode(PageReader pages, ColumnDescriptor descriptor, Column column, ParquetColumnType type,
                               int rows, boolean mayHaveNulls) throws IOException {
        DictionaryPage dictionaryPage = pages.readDictionaryPage();
        Dictionary dictionary = dictionaryPage == null ? null
                : dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage);
        String[] strings = null;
        if (dictionary != null && type == ParquetColumnType.STRING) {
            strings = new String[dictionary.getMaxId() + 1];
            for (int id = 0; id < strings.length; id++) {
                strings[id] = dictionary.decodeToBinary(id).toStringUsingUTF8();
            }
        }
        int maxDef = mayHaveNulls ? descriptor.getMaxDefinitionLevel() : 0;
        VectorBuilder out = new VectorBuilder(column.type(), rows);
        // text whose pages are all dictionary-encoded stays so: ids into the dictionary's strings
        int[] dictionaryIds = strings != null ? new int[rows] : null;
        long[] dictionaryNulls = strings != null ? NullMask.newBits(rows) : null;
        int done = 0;
        while (done < rows) {
            DataPage page = pages.readPage();
            if (!(page instanceof DataPageV1 v1)) {
                throw new IOException("unexpected Parquet page " + page + " (lakepg writes V1 data pages)");
            }
            int count = v1.getValueCount();
            ByteBufferInputStream in = v1.getBytes().toInputStream();
            v1.getRlEncoding().getValuesReader(descriptor, ValuesType.REPETITION_LEVEL).initFromPage(count, in);
            ValuesReader levels = v1.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
            levels.initFromPage(count, in);
            boolean dictionaryEncoded = v1.getValueEncoding().usesDictionary();
            ValuesReader values = dictionaryEncoded
                    ? v1.getValueEncoding().getDictionaryBasedValuesReader(descriptor, ValuesType.VALUES, dictionary)
                    : v1.getValueEncoding().getValuesReader(descriptor, ValuesType.VALUES);
            if (dictionaryIds != null) {
                if (dictionaryEncoded) {
                    values.initFromPage(count, in);
                    for (int i = 0; i < count; i++) {
                        if (maxDef > 0 && levels.readInteger() != maxDef) {
                            NullMask.set(dictionaryNulls, done + i);
                        } else {
                            dictionaryIds[done + i] = values.readValueDictionaryId();
                        }
                    }
                    done += count;
                    continue;
                }
                // a page fell back to PLAIN (the dictionary grew too big): the rows so far become strings
                for (int i = 0; i < done; i++) {
                    if (NullMask.isSet(dictionaryNulls, i)) {
                        out.addNull();
                    } else {
                        out.addObject(strings[dictionaryIds[i]]);
                    }
                }
                dictionaryIds = null;
            }
            if (v1.getValueEncoding() == Encoding.PLAIN && PLAIN_FIXED_WIDTH.contains(type)) {
                decodePlainFixedWidth(out, levels, in, maxDef, count, type, column.scale());
            } else {
                values.initFromPage(count, in);
                decodePage(out, levels, values, maxDef, count, column, type, dictionaryEncoded ? strings : null);
            }
            done += count;
        }
        if (dictionaryIds != null) {
            return StringVector.dictionaryEncoded(column.type(), dictionaryIds, strings, rows,
                    NullMask.of(dictionaryNulls));
        }
        return out.build();
    }

    private static final java.util.Set<ParquetColumnType> PLAIN_FIXED_WIDTH = java.util.EnumSet.of(
            ParquetColumnType.INT32, ParquetColumnType.DATE, ParquetColumnType.INT64, ParquetColumnType.DOUBLE,
            ParquetColumnType.DECIMAL_INT64);

    /**
     * PLAIN pages of fixed-width values are little-endian arrays of the non-NULL values: read them as a buffer view
     * instead of one reader call per value (high-cardinality columns, where dictionaries fall back to PLAIN).
     */
    private static void decodePlainFixedWidth(VectorBuilder out, ValuesReader levels, ByteBufferInputStream in,
                                              int maxDef, int count, ParquetColumnType type, int scale)
            throws IOException {
        boolean[] isNull = null;
        int nonNull = count;
        if (maxDef > 0) {
            isNull = new boolean[count];
            for (int i = 0; i < count; i++) {
                if (levels.readInteger() != maxDef) {
                    isNull[i] = true;
                    nonNull--;
                }
            }
        }
        int width = type == ParquetColumnType.INT64 || type == ParquetColumnType.DOUBLE
                || type == ParquetColumnType.DECIMAL_INT64 ? 8 : 4;
        ByteBuffer bytes = in.slice(nonNull * width).order(ByteOrder.LITTLE_ENDIAN);
        int next = 0;
        switch (type) {
            case DOUBLE -> {
                DoubleBuffer values = bytes.asDoubleBuffer();
                for (int i = 0; i < count; i++) {
                    if (isNull != null && isNull[i]) {
                        out.addNull();
                    } else {
                        out.addDouble(values.get(next++));
                    }
                }
            }
            case INT64 -> {
                LongBuffer values = bytes.asLongBuffer();
                for (int i = 0; i < count; i++) {
                    if (isNull != null && isNull[i]) {
                        out.addNull();
                    } else {
                        out.addLong(values.get(next++));
                    }
                }
            }
            case DECIMAL_INT64 -> {
                LongBuffer values = bytes.asLongBuffer();
                for (int i = 0; i < count; i++) {
                    if (isNull != null && isNull[i]) {
                        out.addNull();
                    } else {
                        out.addScaledDecimal(values.get(next++), scale);
                    }
                }
            }
            default -> {
                IntBuffer values = bytes.asIntBuffer();
                int offset = type == ParquetColumnType.DATE ? ParquetColumnType.EPOCH_DAYS_OFFSET : 0;
                for (int i = 0; i < count; i++) {
                    if (isNull != null && isNull[i]) {
                        out.addNull();
                    } else {
                        out.addInt(values.get(next++) - offset);
                    }
                }
            }
        }
    }

    private static void decodePage(VectorBuilder out, ValuesReader levels, ValuesReader values, int maxDef, int count,
                                   Column column, ParquetColumnType type, String[] strings) {
        boolean nullable = maxDef > 0;
        switch (type) {
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    if (nullable && levels.readInteger() != maxDef) {
                        out.addNull();
                    } else {
                        out.addInt(values.readInteger());
                    }
                }
            }
            case DATE -> {
                for (int i = 0; i < count; i++) {
                    if (nullable && levels.readInteger() != maxDef) {
                        out.addNull();
                    } else {
                        out.addInt(values.readInteger() - ParquetColumnType.EPOCH_DAYS_OFFSET);
                    }
                }
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) {
                    if (nullable && levels.readInteger() != maxDef) {
                        out.addNull();
                    } else {
                        out.addLong(values.readLong());
                    }
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < count; i++) {
                    if (nullable && levels.readInteger() != maxDef) {
                        out.addNull();
                    } else {
                        out.addDouble(values.readDouble());
                    }
                }
            }
            case STRING -> {
                for (int i = 0; i < count; i++) {
                    if (nullable && levels.readInteger() != maxDef) {
                        out.addNull();
                    } else if (strings != null) {
                        out.addObject(strings[values.readValueDictionaryId()]);
                    } else {
                        out.addObject(values.readBytes().toStringUsingUTF8());
                    }
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    if (nullable && levels.readInteger() != maxDef) {
                        out.addNull();
                    } else {
                        addOther(out, values, column, type);
                    }
                }
            }
        }
    }

    private static void addOther(VectorBuilder out, ValuesReader values, Column column, ParquetColumnType type) {
        switch (type) {
            case BOOLEAN -> out.addBoolean(values.readBoolean());
            case INT16 -> out.addShort((short) values.readInteger());
            case TIMESTAMP, TIMESTAMPTZ -> out.addLong(values.readLong() - ParquetColumnType.EPOCH_MICROS_OFFSET);
            case FLOAT -> out.addFloat(values.readFloat());
            case DECIMAL_INT64 -> out.addScaledDecimal(values.readLong(), column.scale());
            case DECIMAL_FIXED16 -> out.addObject(new BigDecimal(new BigInteger(values.readBytes().getBytes()),
                    column.scale()));
            case DECIMAL_TEXT -> out.addObject(new BigDecimal(values.readBytes().toStringUsingUTF8()));
            case BINARY -> out.addObject(values.readBytes().getBytes());
            case UUID -> out.addObject(UUID.fromString(values.readBytes().toStringUsingUTF8()));
            default -> throw new IllegalStateException("decoded in its own loop: " + type);
        }
    }
}
