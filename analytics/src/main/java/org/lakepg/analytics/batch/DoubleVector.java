package org.lakepg.analytics.batch;

/** A vector of float8 values. */
public final class DoubleVector extends ColumnVector {

    private final double[] values;

    public DoubleVector(PgType type, double[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public double[] values() {
        return values;
    }

    public double at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public DoubleVector gather(int[] positions, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new DoubleVector(type(), out, count, nulls().gather(positions, count));
    }
}
