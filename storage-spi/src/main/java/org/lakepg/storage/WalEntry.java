package org.lakepg.storage;

import java.util.Objects;

/** A WAL record with its LSN (the end position of the record). */
public record WalEntry(Lsn lsn, WalRecord record) {

    public WalEntry {
        Objects.requireNonNull(lsn, "lsn");
        Objects.requireNonNull(record, "record");
    }
}
