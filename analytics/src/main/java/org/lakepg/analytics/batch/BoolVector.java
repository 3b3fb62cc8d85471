package org.lakepg.analytics.batch;

/** A vector of bool values. */
public final class BoolVector extends ColumnVector {

    private final boolean[] values;

    public BoolVector(PgType type, boolean[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public boolean[] values() {
        return values;
    }

    public boolean at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public BoolVector gather(int[] positions, int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new BoolVector(type(), out, count, nulls().gather(positions, count));
    }
}
