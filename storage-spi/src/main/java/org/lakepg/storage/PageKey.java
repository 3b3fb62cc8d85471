package org.lakepg.storage;

import java.util.Comparator;
import java.util.Objects;

/**
 * Names one 8 KiB page: a relation (a 32-bit file id, compared unsigned), one of its forks, a block number.
 * Ordered by relation, fork, block — the order layer files are sorted in.
 */
public record PageKey(int relation, ForkNumber fork, int block) implements Comparable<PageKey> {

    private static final Comparator<PageKey> ORDER = Comparator
            .comparingLong((PageKey k) -> Integer.toUnsignedLong(k.relation))
            .thenComparingInt(k -> k.fork.number())
            .thenComparingInt(PageKey::block);

    public PageKey {
        Objects.requireNonNull(fork, "fork");
        if (block < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + block);
        }
    }

    public static PageKey main(int relation, int block) {
        return new PageKey(relation, ForkNumber.MAIN, block);
    }

    // written out: the buffer cache compares keys on every page pin, and the record's generated methods
    // (hashing the fork by identity) showed up in the select-only profile
    @Override
    public boolean equals(Object o) {
        return o instanceof PageKey k && block == k.block && relation == k.relation && fork == k.fork;
    }

    @Override
    public int hashCode() {
        return (relation * 31 + fork.ordinal()) * 0x9E3779B1 + block;
    }

    @Override
    public int compareTo(PageKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(relation) + "/" + fork.name().toLowerCase() + "/" + block;
    }
}
