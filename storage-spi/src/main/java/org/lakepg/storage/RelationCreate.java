package org.lakepg.storage;

import java.util.Objects;

/** Makes a relation fork exist with 0 blocks (no effect if it exists already). */
public record RelationCreate(int relation, ForkNumber fork) implements PageChange {

    public RelationCreate {
        Objects.requireNonNull(fork, "fork");
    }
}
