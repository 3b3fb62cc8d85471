package org.lakepg.analytics.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.lakepg.analytics.batch.Column;

/** Converts one value between the row engine's Java form and the Parquet physical form of its column. */
final class ParquetValues {

    private ParquetValues() {
    }

    /**
     * The Parquet form of {@code value} (as statistics and dictionaries hold it), or null if it cannot be compared
     * there exactly (then the row group is simply not pruned).
     */
    static Comparable<?> toParquet(Column column, ParquetColumnType type, Object value) {
        boolean integral = value instanceof Short || value instanceof Integer || value instanceof Long;
        if (!integral && (type == ParquetColumnType.INT16 || type == ParquetColumnType.INT32
                || type == ParquetColumnType.INT64 || type == ParquetColumnType.DATE
                || type == ParquetColumnType.TIMESTAMP || type == ParquetColumnType.TIMESTAMPTZ)) {
            return null; // e.g. int4 column = 1.5: not comparable in the column's own domain
        }
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean b ? b : null;
            case INT16, INT32 -> {
                long v = ((Number) value).longValue();
                yield v == (int) v ? (Comparable<?>) (int) v : null;
            }
            case INT64 -> ((Number) value).longValue();
            case DATE -> {
                long v = ((Number) value).longValue() + ParquetColumnType.EPOCH_DAYS_OFFSET;
                yield v == (int) v ? (Comparable<?>) (int) v : null;
            }
            case TIMESTAMP, TIMESTAMPTZ -> {
                long v = ((Number) value).longValue();
                yield Math.abs(v) < Long.MAX_VALUE / 2 ? (Comparable<?>) (v + ParquetColumnType.EPOCH_MICROS_OFFSET) : null;
            }
            case DECIMAL_INT64 -> {
                if (!(value instanceof BigDecimal d)) {
                    yield null;
                }
                // A literal with more digits than the column's scale never equals a stored value exactly; keep it
                // out of pruning rather than rounding it into a wrong answer.
                if (d.stripTrailingZeros().scale() > column.scale()) {
                    yield null;
                }
                BigInteger unscaled = d.setScale(column.scale(), RoundingMode.UNNECESSARY).unscaledValue();
                yield unscaled.bitLength() < 64 ? unscaled.longValue() : null;
            }
            case STRING -> value instanceof String str ? Binary.fromString(str) : null;
            case BINARY -> value instanceof byte[] b ? Binary.fromConstantByteArray(b) : null;
            case UUID -> value instanceof UUID u ? Binary.fromString(u.toString()) : null;
            // float ordering in statistics ignores NaN, decimal text orders as text: never prune on them
            case FLOAT, DOUBLE, DECIMAL_FIXED16, DECIMAL_TEXT -> null;
        };
    }
}
