package org.lakepg.analytics.batch;

/** A vector of numeric values. */
public final class DecimalVector extends ColumnVector {

    private final java.math.BigDecimal[] values;

    public DecimalVector(PgType type, java.math.BigDecimal[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public java.math.BigDecimal[] values() {
        return values;
    }

    public java.math.BigDecimal at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public DecimalVector gather(int[] positions, int count) {
        java.math.BigDecimal[] out = new java.math.BigDecimal[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new DecimalVector(type(), out, count, nulls().gather(positions, count));
    }
}
