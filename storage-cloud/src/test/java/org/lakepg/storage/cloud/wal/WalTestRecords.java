package org.lakepg.storage.cloud.wal;

import java.nio.ByteBuffer;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecord;

/** Records whose contents say who wrote them: relation = writer, block = sequence number, patch = both. */
final class WalTestRecords {

    private WalTestRecords() {
    }

    static WalRecord record(int writer, int sequence) {
        byte[] bytes = ByteBuffer.allocate(16 + sequence % 50).putInt(writer).putInt(sequence).putLong(writer * 1_000_003L + sequence).array();
        return WalRecord.of(PagePatch.of(PageKey.main(1000 + writer, sequence), 24, bytes));
    }

    static int writer(WalEntry entry) {
        return ((PagePatch) entry.record().changes().get(0)).key().relation() - 1000;
    }

    static int sequence(WalEntry entry) {
        return ((PagePatch) entry.record().changes().get(0)).key().block();
    }
}
