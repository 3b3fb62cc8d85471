package org.lakepg.storage.cloud.wal;

import org.lakepg.storage.WalReader;

/**
 * A WAL reader that also hands out each record as the writer encoded it ({@code WalRecordCodec}), so a reader that
 * stores the records again (the pageserver's local WAL) need not encode them a second time.
 */
public interface FramedWalReader extends WalReader {

    /** The encoded bytes of the entry the last {@link #next()} returned, or null if this reader does not have them. */
    byte[] lastPayload();
}
