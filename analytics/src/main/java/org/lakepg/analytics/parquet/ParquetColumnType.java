package org.lakepg.analytics.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.lakepg.analytics.batch.Column;

/**
 * How a PostgreSQL column is stored in Parquet, chosen so other engines read the natural type: dates and timestamps
 * as Parquet DATE/TIMESTAMP (shifted from PostgreSQL's 2000-01-01 epoch to Unix's), numeric(p,s) as DECIMAL
 * (INT64 up to 18 digits, 16-byte FIXED up to 38), unconstrained numeric and uuid as their text.
 */
public enum ParquetColumnType {
    BOOLEAN, INT16, INT32, INT64, FLOAT, DOUBLE, DECIMAL_INT64, DECIMAL_FIXED16, DECIMAL_TEXT, STRING, BINARY,
    DATE, TIMESTAMP, TIMESTAMPTZ, UUID;

    /** Days from 1970-01-01 to 2000-01-01. */
    public static final int EPOCH_DAYS_OFFSET = 10957;
    /** Microseconds from 1970-01-01 to 2000-01-01. */
    public static final long EPOCH_MICROS_OFFSET = EPOCH_DAYS_OFFSET * 86_400_000_000L;

    public static ParquetColumnType of(Column column) {
        return switch (column.type()) {
            case BOOL -> BOOLEAN;
            case INT2 -> INT16;
            case INT4 -> INT32;
            case INT8 -> INT64;
            case FLOAT4 -> FLOAT;
            case FLOAT8 -> DOUBLE;
            case NUMERIC -> !column.hasTypmod() || column.precision() > 38 ? DECIMAL_TEXT
                    : column.precision() <= 18 ? DECIMAL_INT64 : DECIMAL_FIXED16;
            case TEXT, VARCHAR, BPCHAR -> STRING;
            case BYTEA -> BINARY;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMPTZ -> TIMESTAMPTZ;
            case UUID -> UUID;
        };
    }

    public PrimitiveType parquetType(Column column) {
        Repetition repetition = column.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        return switch (this) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
            case INT16 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true)).named(column.name());
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
            case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(column.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
            case DECIMAL_INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.decimalType(column.scale(), column.precision())).named(column.name());
            case DECIMAL_FIXED16 -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(16)
                    .as(LogicalTypeAnnotation.decimalType(column.scale(), column.precision())).named(column.name());
            case DECIMAL_TEXT, STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(column.name());
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(column.name());
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(column.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(column.name());
            case TIMESTAMPTZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(column.name());
            // uuid as its text: Spark rejects Parquet's UUID annotation and Delta has no uuid type; the
            // lower-case text orders like the 16 bytes, so statistics still prune
            case UUID -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(column.name());
        };
    }
}
