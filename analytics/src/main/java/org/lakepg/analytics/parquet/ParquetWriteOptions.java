package org.lakepg.analytics.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How batches are laid out in a Parquet file: a row group ends after {@code rowGroupRows} rows or when its buffered
 * size passes {@code rowGroupBytes}; dictionary encoding falls back to plain per column chunk when the dictionary
 * outgrows {@code dictionaryPageBytes}.
 */
public record ParquetWriteOptions(int rowGroupRows, long rowGroupBytes, int pageBytes, int dictionaryPageBytes,
                                  boolean dictionary, CompressionCodecName codec) {

    public ParquetWriteOptions {
        if (rowGroupRows <= 0 || rowGroupBytes <= 0 || pageBytes <= 0 || dictionaryPageBytes <= 0) {
            throw new IllegalArgumentException("row group and page sizes must be positive");
        }
    }

    public static ParquetWriteOptions defaults() {
        return new ParquetWriteOptions(128 * 1024, 64L << 20, 1 << 20, 1 << 20, true, CompressionCodecName.SNAPPY);
    }

    public ParquetWriteOptions withRowGroupRows(int rows) {
        return new ParquetWriteOptions(rows, rowGroupBytes, pageBytes, dictionaryPageBytes, dictionary, codec);
    }

    public ParquetWriteOptions withCodec(CompressionCodecName newCodec) {
        return new ParquetWriteOptions(rowGroupRows, rowGroupBytes, pageBytes, dictionaryPageBytes, dictionary, newCodec);
    }
}
