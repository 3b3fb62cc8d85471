package org.lakepg.analytics.batch;

/** A vector of uuid values. */
public final class UuidVector extends ColumnVector {

    private final java.util.UUID[] values;

    public UuidVector(PgType type, java.util.UUID[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public java.util.UUID[] values() {
        return values;
    }

    public java.util.UUID at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public UuidVector gather(int[] positions, int count) {
        java.util.UUID[] out = new java.util.UUID[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new UuidVector(type(), out, count, nulls().gather(positions, count));
    }
}
