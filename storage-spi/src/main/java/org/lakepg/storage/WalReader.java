package org.lakepg.storage;

import java.util.Iterator;

/** Iterates WAL entries in LSN order; close it to release files. */
public interface WalReader extends Iterator<WalEntry>, AutoCloseable {

    @Override
    void close();
}
