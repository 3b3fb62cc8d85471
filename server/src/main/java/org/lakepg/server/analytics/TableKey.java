package org.lakepg.server.analytics;

import org.lakepg.storage.TimelineId;

/**
 * A table's snapshots are per timeline (a branch has its own) and per heap relation (a rewrite such as TRUNCATE or
 * ALTER TABLE ... TYPE makes a new relation and so starts new snapshots).
 */
public record TableKey(TimelineId timeline, int relation) {

    /** Where the table's snapshots live in the object store. */
    public String root() {
        return "analytics/" + timeline + "/" + relation + "/";
    }
}
