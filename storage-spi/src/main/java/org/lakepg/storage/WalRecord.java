package org.lakepg.storage;

import java.util.List;

/**
 * What one atomic change did: page changes applied in order, plus an optional commit/abort marker. The format
 * knows no heap or btree layout (like PostgreSQL's generic WAL), so storage can redo it without understanding it.
 */
public record WalRecord(List<PageChange> changes, TransactionMarker marker) {

    public WalRecord {
        changes = List.copyOf(changes);
        if (changes.isEmpty() && marker == null) {
            throw new IllegalArgumentException("a WAL record needs at least one change or a transaction marker");
        }
    }

    public static WalRecord of(PageChange... changes) {
        return new WalRecord(List.of(changes), null);
    }

    public static WalRecord marker(TransactionMarker marker) {
        return new WalRecord(List.of(), marker);
    }
}
