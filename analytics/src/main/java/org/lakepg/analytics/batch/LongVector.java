package org.lakepg.analytics.batch;

/** A vector of int8, timestamp and timestamptz (microseconds since 2000-01-01) values. */
public final class LongVector extends ColumnVector {

    private final long[] values;

    public LongVector(PgType type, long[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public long[] values() {
        return values;
    }

    public long at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public LongVector gather(int[] positions, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new LongVector(type(), out, count, nulls().gather(positions, count));
    }
}
