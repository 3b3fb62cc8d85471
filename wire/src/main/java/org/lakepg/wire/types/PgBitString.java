package org.lakepg.wire.types;

import java.util.Arrays;

/**
 * A bit or bit varying value: its length in bits and the bits packed most significant first,
 * the unused low bits of the last byte zero (as PostgreSQL's VARBIT keeps them).
 */
public final class PgBitString {

    private final int length;
    private final byte[] bytes;

    public PgBitString(int length, byte[] bytes) {
        if (bytes.length != (length + 7) / 8) {
            throw new IllegalArgumentException("need " + (length + 7) / 8 + " bytes for " + length + " bits");
        }
        this.length = length;
        this.bytes = bytes.clone();
        int pad = this.bytes.length * 8 - length;
        if (pad > 0) {
            this.bytes[this.bytes.length - 1] &= (byte) (0xFF << pad);
        }
    }

    public static PgBitString ofBits(boolean[] bits) {
        byte[] out = new byte[(bits.length + 7) / 8];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out[i / 8] |= (byte) (0x80 >> (i % 8));
            }
        }
        return new PgBitString(bits.length, out);
    }

    public int length() {
        return length;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Bit i counted from the left, 0-based. */
    public boolean bit(int i) {
        return (bytes[i / 8] & (0x80 >> (i % 8))) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgBitString b && b.length == length && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(bit(i) ? '1' : '0');
        }
        return out.toString();
    }
}
