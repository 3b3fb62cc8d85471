package org.lakepg.analytics.batch;

import java.util.Arrays;

/**
 * Which positions of a vector are NULL: a bitmap, one bit per row (set = NULL). {@link #NONE} stands for "no NULLs",
 * so operators can take a fast path without looking at bits.
 */
public final class NullMask {

    public static final NullMask NONE = new NullMask(new long[0], 0);

    private final long[] bits;
    private final int nullCount;

    private NullMask(long[] bits, int nullCount) {
        this.bits = bits;
        this.nullCount = nullCount;
    }

    /** A mask over {@code bits} (owned by the mask from now on); NONE if no bit is set. */
    public static NullMask of(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count == 0 ? NONE : new NullMask(bits, count);
    }

    public static long[] newBits(int capacity) {
        return new long[(capacity + 63) >>> 6];
    }

    public static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << index;
    }

    /** Whether bit {@code index} of a bitmap made by {@link #newBits} is set. */
    public static boolean isSet(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    public boolean isNull(int index) {
        return nullCount != 0 && (bits[index >>> 6] & (1L << index)) != 0;
    }

    public boolean hasNulls() {
        return nullCount != 0;
    }

    public int nullCount() {
        return nullCount;
    }

    /** The mask of {@code positions} (a -1 position is NULL, as used by outer joins). */
    public NullMask gather(int[] positions, int count) {
        long[] out = null;
        for (int i = 0; i < count; i++) {
            int p = positions[i];
            if (p < 0 || isNull(p)) {
                if (out == null) {
                    out = newBits(count);
                }
                set(out, i);
            }
        }
        return out == null ? NONE : of(out);
    }

    /** NULL where either mask is NULL (the result of a strict binary operator). */
    public static NullMask union(NullMask a, NullMask b, int size) {
        if (!a.hasNulls()) {
            return b;
        }
        if (!b.hasNulls()) {
            return a;
        }
        long[] out = newBits(size);
        for (int i = 0; i < out.length; i++) {
            out[i] = word(a, i) | word(b, i);
        }
        return of(out);
    }

    static long word(NullMask mask, int i) {
        return i < mask.bits.length ? mask.bits[i] : 0;
    }

    @Override
    public String toString() {
        return "NullMask" + Arrays.toString(bits);
    }
}
