package org.lakepg.analytics.batch;

/** A vector of int2 values. */
public final class ShortVector extends ColumnVector {

    private final short[] values;

    public ShortVector(PgType type, short[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public short[] values() {
        return values;
    }

    public short at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public ShortVector gather(int[] positions, int count) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new ShortVector(type(), out, count, nulls().gather(positions, count));
    }
}
