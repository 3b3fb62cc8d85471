package org.lakepg.analytics.parquet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;
import org.lakepg.analytics.batch.Column;

/** Converts one value between the row engine's Java form and the Parquet physical form of its column. */
final class ParquetValues {

    private ParquetValues() {
    }

    /** The Parquet form of {@code value} (as statistics and dictionaries hold it), or null if not comparable there. */
    static Comparable<?> toParquet(Column column, ParquetColumnType type, Object value) {
        return switch (type) {
            case BOOLEAN -> (Boolean) value;
            case INT16 -> (int) (Short) value;
            case INT32 -> (Integer) value;
            case INT64 -> (Long) value;
            case DATE -> (Integer) value + ParquetColumnType.EPOCH_DAYS_OFFSET;
            case TIMESTAMP, TIMESTAMPTZ -> (Long) value + ParquetColumnType.EPOCH_MICROS_OFFSET;
            case DECIMAL_INT64 -> {
                BigDecimal d = (BigDecimal) value;
                // A literal with more digits than the column's scale never equals a stored value exactly; keep it
                // out of pruning rather than rounding it into a wrong answer.
                if (d.stripTrailingZeros().scale() > column.scale()) {
                    yield null;
                }
                BigInteger unscaled = d.setScale(column.scale(), RoundingMode.UNNECESSARY).unscaledValue();
                yield unscaled.bitLength() < 64 ? unscaled.longValue() : null;
            }
            case STRING -> Binary.fromString((String) value);
            case BINARY -> Binary.fromConstantByteArray((byte[]) value);
            case UUID -> {
                UUID u = (UUID) value;
                yield Binary.fromConstantByteArray(ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                        .putLong(u.getLeastSignificantBits()).array());
            }
            // float ordering in statistics ignores NaN, decimal text orders as text: never prune on them
            case FLOAT, DOUBLE, DECIMAL_FIXED16, DECIMAL_TEXT -> null;
        };
    }
}
