package org.lakepg.wire.types;

/**
 * A macaddr (6 bytes) or macaddr8 (8 bytes) value, the bytes packed big-endian into a long
 * so comparisons are unsigned long comparisons.
 */
public record PgMacaddr(long bits, int length) {

    public int octet(int i) {
        return (int) (bits >>> (8 * (length - 1 - i))) & 0xFF;
    }
}
