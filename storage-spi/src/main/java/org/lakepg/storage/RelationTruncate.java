package org.lakepg.storage;

import java.util.Objects;

/**
 * Shrinks a relation fork to {@code newBlockCount} blocks; the pages beyond are forgotten (a later extension
 * reads them as zero pages). Never grows a relation: a count at or above the current size changes nothing.
 */
public record RelationTruncate(int relation, ForkNumber fork, int newBlockCount) implements PageChange {

    public RelationTruncate {
        Objects.requireNonNull(fork, "fork");
        if (newBlockCount < 0) {
            throw new IllegalArgumentException("block count must not be negative: " + newBlockCount);
        }
    }
}
