package org.lakepg.storage;

import java.util.Objects;

/**
 * Names one 8 KiB page: a relation (a 32-bit file id, compared unsigned), one of its forks, a block number.
 * Ordered by relation, fork, block — the order layer files are sorted in.
 */
public record PageKey(int relation, ForkNumber fork, int block) implements Comparable<PageKey> {

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

    // written out too: every GetPage@LSN looks the key up in the in-memory layers' skip lists and binary-searches
    // each layer file's keys, and the comparator chain of lambdas was a visible part of a buffer miss at scale 10
    @Override
    public int compareTo(PageKey other) {
        if (relation != other.relation) {
            return Integer.compareUnsigned(relation, other.relation);
        }
        if (fork != other.fork) {
            return Integer.compare(fork.number(), other.fork.number());
        }
        return Integer.compare(block, other.block);
    }

    @Override
    public String toString() {
        return Integer.toUnsignedString(relation) + "/" + fork.name().toLowerCase() + "/" + block;
    }
}
