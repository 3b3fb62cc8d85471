package org.lakepg.analytics.batch;

import java.math.BigDecimal;

/**
 * A vector of numeric values, held one of two ways. <em>Scaled</em>: every value is {@code unscaled[i] / 10^scale}
 * with one scale for the vector — what numeric(p ≤ 18, s) columns and most unconstrained columns hold; operators
 * then add and compare longs without allocating. <em>Boxed</em>: one BigDecimal per value, for values beyond a long
 * or of mixed scales. Both give back exactly the BigDecimal put in (value and scale, which is PostgreSQL's display
 * scale).
 */
public final class DecimalVector extends ColumnVector {

    /** Boxed values, or null while only the scaled form exists (then made on first {@link #values()}). */
    private BigDecimal[] values;
    private final long[] unscaled;
    private final int scale;

    public DecimalVector(PgType type, BigDecimal[] values, int size, NullMask nulls) {
        super(type, size, nulls);
        if (values.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        this.values = values;
        this.unscaled = null;
        this.scale = -1;
    }

    private DecimalVector(PgType type, long[] unscaled, int scale, int size, NullMask nulls) {
        super(type, size, nulls);
        if (unscaled.length < size) {
            throw new IllegalArgumentException("values array shorter than the vector");
        }
        if (scale < 0) {
            throw new IllegalArgumentException("negative numeric scale " + scale);
        }
        this.unscaled = unscaled;
        this.scale = scale;
    }

    /** A vector of {@code unscaled[i] / 10^scale} (values at NULL positions are ignored). */
    public static DecimalVector scaled(PgType type, long[] unscaled, int scale, int size, NullMask nulls) {
        return new DecimalVector(type, unscaled, scale, size, nulls);
    }

    /** Whether the values are held as longs of one {@link #scale()}. */
    public boolean isScaled() {
        return unscaled != null;
    }

    /** The unscaled longs of a scaled vector (read-only by convention; may be longer than {@link #size()}). */
    public long[] unscaled() {
        if (unscaled == null) {
            throw new IllegalStateException("numeric vector is not scaled");
        }
        return unscaled;
    }

    /** See {@link #magnitudeBits()}; -1 until computed (a benign race: any thread computes the same int). */
    private int magnitudeBits = -1;

    /**
     * The least k with every unscaled value's magnitude at most 2^k (a scaled vector): what sums need to know to skip
     * per-row overflow tests. Computed once per vector, since vectors are immutable and decoded ones are cached.
     */
    public int magnitudeBits() {
        int k = magnitudeBits;
        if (k < 0) {
            long[] values = unscaled();
            long bits = 0;
            for (int i = 0; i < size(); i++) {
                long v = values[i];
                bits |= v ^ (v >> 63); // |v| for v >= 0, |v| - 1 for v < 0
            }
            k = 64 - Long.numberOfLeadingZeros(bits);
            magnitudeBits = k;
        }
        return k;
    }

    /** The one scale of a scaled vector. */
    public int scale() {
        if (unscaled == null) {
            throw new IllegalStateException("numeric vector is not scaled");
        }
        return scale;
    }

    /** The values boxed (read-only by convention; may be longer than {@link #size()}; null at NULL positions). */
    public BigDecimal[] values() {
        BigDecimal[] boxed = values;
        if (boxed == null) {
            boxed = new BigDecimal[size()];
            for (int i = 0; i < boxed.length; i++) {
                if (!isNull(i)) {
                    boxed[i] = BigDecimal.valueOf(unscaled[i], scale);
                }
            }
            values = boxed;
        }
        return boxed;
    }

    public BigDecimal at(int index) {
        BigDecimal[] boxed = values;
        return boxed != null ? boxed[index] : BigDecimal.valueOf(unscaled[index], scale);
    }

    @Override
    Object valueAt(int index) {
        return at(index);
    }

    @Override
    public DecimalVector gather(int[] positions, int count) {
        NullMask gatheredNulls = nulls().gather(positions, count);
        if (unscaled != null) {
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                int p = positions[i];
                if (p >= 0) {
                    out[i] = unscaled[p];
                }
            }
            return new DecimalVector(type(), out, scale, count, gatheredNulls);
        }
        BigDecimal[] out = new BigDecimal[count];
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p >= 0) {
                out[i] = values[p];
            }
        }
        return new DecimalVector(type(), out, count, gatheredNulls);
    }
}
