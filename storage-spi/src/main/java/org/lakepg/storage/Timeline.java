package org.lakepg.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A line of WAL history. A branch is a timeline with a {@code parent}: its reads at LSNs at or below
 * {@code branchLsn} fall through to the parent, so creating one copies nothing. A root timeline has no
 * parent and starts at {@code branchLsn} (normally {@link Lsn#INVALID}); a branch's own WAL starts right
 * after its branch LSN.
 */
public record Timeline(TimelineId id, TimelineId parent, Lsn branchLsn, String name, Instant created) {

    public Timeline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(branchLsn, "branchLsn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        if (name.isBlank()) {
            throw new IllegalArgumentException("timeline name must not be blank");
        }
    }

    public boolean isRoot() {
        return parent == null;
    }
}
