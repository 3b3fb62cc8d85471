package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Builds {@link ParquetReadOptions} without Hadoop. Every public way to build them (ParquetReadOptions.builder(),
 * new Builder(conf)) calls ParquetInputFormat.getFilter, whose class extends Hadoop's FileInputFormat, so it fails
 * with NoClassDefFoundError when no Hadoop jar is present (parquet-java 1.16 and 1.18 alike). The constructor the
 * builder ends in is package-private, hence this one class in parquet's package. lakepg reads files through
 * ParquetFileReader's column readers and applies row-group filters itself, so every filter here is off.
 */
public final class HadoopFreeReadOptions {

    private HadoopFreeReadOptions() {
    }

    public static ParquetReadOptions create(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false, // useSignedStringMinMax
                false, // useStatsFilter
                false, // useDictionaryFilter
                false, // useRecordFilter
                false, // useColumnIndexFilter
                false, // usePageChecksumVerification
                false, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                8 << 20,
                new HashMap<>(),
                null,
                null,
                new PlainParquetConfiguration());
    }
}
