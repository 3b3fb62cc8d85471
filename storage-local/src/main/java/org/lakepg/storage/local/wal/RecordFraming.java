package org.lakepg.storage.local.wal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a WAL record sits in a segment file: {@code length:u32 crc:u32 payload}. The CRC32C covers the record's start
 * LSN, the length and the payload, so a record copied to the wrong place or torn half-way fails its check.
 */
final class RecordFraming {

    static final int HEADER_SIZE = org.lakepg.storage.WalRecordCodec.FRAME_OVERHEAD;
    /** Bigger lengths are garbage, not records (a record holds at most a few thousand page images). */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;

    private RecordFraming() {
    }

    static int crc(long startLsn, int length, byte[] payload, int offset) {
        CRC32C crc = new CRC32C();
        ByteBuffer prefix = ByteBuffer.allocate(12).putLong(startLsn).putInt(length).flip();
        crc.update(prefix);
        crc.update(payload, offset, length);
        return (int) crc.getValue();
    }

    /** Writes header + payload into {@code out} for a record starting at {@code startLsn}. */
    static void frame(ByteBuffer out, long startLsn, byte[] payload) {
        out.putInt(payload.length);
        out.putInt(crc(startLsn, payload.length, payload, 0));
        out.put(payload);
    }
}
