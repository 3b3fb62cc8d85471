package org.lakepg.server.index.gin;

import java.util.List;

/**
 * What one index condition asks of a GIN index column (extractQuery's entries and search mode): the rows with
 * {@code all} of the entries (with none: every row, GIN_SEARCH_MODE_ALL), or with any of them, plus with
 * {@code orEmpty} the rows whose value has no entries (GIN_SEARCH_MODE_INCLUDE_EMPTY, as {@code <@} needs).
 */
public record GinQuery(boolean all, List<byte[]> entries, boolean orEmpty) {

    public GinQuery {
        entries = List.copyOf(entries);
    }

    static GinQuery all(List<byte[]> entries) {
        return new GinQuery(true, entries, false);
    }

    static GinQuery any(List<byte[]> entries, boolean orEmpty) {
        return new GinQuery(false, entries, orEmpty);
    }

    /** Whether every row of the index qualifies. */
    public boolean everything() {
        return all && entries.isEmpty();
    }
}
