package org.lakepg.analytics.batch;

import java.util.Objects;

/**
 * One column of a batch: a typed array of values plus a NULL bitmap. Values at NULL positions are unspecified
 * (zero/null). Immutable once built. {@link #get} boxes a value the way the server's row engine holds it
 * (Boolean, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], UUID; dates Integer, timestamps Long).
 */
public abstract sealed class ColumnVector
        permits BoolVector, ShortVector, IntVector, LongVector, FloatVector, DoubleVector, DecimalVector, StringVector,
        BytesVector, UuidVector {

    private final PgType type;
    private final int size;
    private final NullMask nulls;

    ColumnVector(PgType type, int size, NullMask nulls) {
        this.type = Objects.requireNonNull(type, "type");
        this.size = size;
        this.nulls = Objects.requireNonNull(nulls, "nulls");
    }

    public final PgType type() {
        return type;
    }

    public final int size() {
        return size;
    }

    public final NullMask nulls() {
        return nulls;
    }

    public final boolean isNull(int index) {
        return nulls.isNull(index);
    }

    /** The value at {@code index} boxed (null for NULL). */
    public final Object get(int index) {
        return isNull(index) ? null : valueAt(index);
    }

    abstract Object valueAt(int index);

    /** A new vector of the values at {@code positions[0..count)}; a position of -1 gives NULL. */
    public abstract ColumnVector gather(int[] positions, int count);

    /** An all-NULL vector of a type (outer join padding, aggregates over no rows). */
    public static ColumnVector nulls(PgType type, int size) {
        VectorBuilder builder = new VectorBuilder(type, size);
        for (int i = 0; i < size; i++) {
            builder.addNull();
        }
        return builder.build();
    }
}
