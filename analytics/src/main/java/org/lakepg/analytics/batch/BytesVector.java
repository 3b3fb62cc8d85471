package org.lakepg.analytics.batch;

/** A vector of bytea values. */
public final class BytesVector extends ColumnVector {

    private final byte[][] values;

    public BytesVector(PgType type, byte[][] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public byte[][] values() {
        return values;
    }

    public byte[] at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public BytesVector gather(int[] positions, int count) {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new BytesVector(type(), out, count, nulls().gather(positions, count));
    }
}
