package org.lakepg.analytics.batch;

/** A vector of text, varchar and bpchar values. */
public final class StringVector extends ColumnVector {

    private final String[] values;

    public StringVector(PgType type, String[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public String[] values() {
        return values;
    }

    public String at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public StringVector gather(int[] positions, int count) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new StringVector(type(), out, count, nulls().gather(positions, count));
    }
}
