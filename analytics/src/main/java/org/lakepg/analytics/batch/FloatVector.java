package org.lakepg.analytics.batch;

/** A vector of float4 values. */
public final class FloatVector extends ColumnVector {

    private final float[] values;

    public FloatVector(PgType type, float[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public float[] values() {
        return values;
    }

    public float at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public FloatVector gather(int[] positions, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new FloatVector(type(), out, count, nulls().gather(positions, count));
    }
}
