package org.lakepg.analytics.batch;

/** A vector of int4 and date (days since 2000-01-01) values. */
public final class IntVector extends ColumnVector {

    private final int[] values;
    /** Min/max per block of rows, for vectors that live long (see {@link #withZoneMap}); null if not built. */
    private final ZoneMap zones;

    public IntVector(PgType type, int[] values, int size, NullMask nulls) {
        this(type, values, size, nulls, null);
    }

    private IntVector(PgType type, int[] values, int size, NullMask nulls, ZoneMap zones) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
        this.zones = zones;
    }

    /** The same values with a {@link ZoneMap} (one pass over them): worth it for a vector scanned many times. */
    public IntVector withZoneMap() {
        return zones != null ? this : new IntVector(type(), values, size(), nulls(), ZoneMap.of(values, size()));
    }

    /** The zone map, or null when the vector has none. */
    public ZoneMap zones() {
        return zones;
    }

    /** The backing array (read-only by convention; may be longer than {@link #size()}). */
    public int[] values() {
        return values;
    }

    public int at(int index) {
        return values[index];
    }

    @Override
    Object valueAt(int index) {
        return values[index];
    }

    @Override
    public IntVector gather(int[] positions, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new IntVector(type(), out, count, nulls().gather(positions, count));
    }
}
