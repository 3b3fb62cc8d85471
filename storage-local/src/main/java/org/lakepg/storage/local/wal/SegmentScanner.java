package org.lakepg.storage.local.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;

/** Reads a segment's records in order and says where the valid part ends (the first torn or corrupt record). */
final class SegmentScanner {

    /** {@code problem} is null when the whole file was valid. */
    record Result(long validBytes, String problem) {
    }

    private SegmentScanner() {
    }

    static Result scan(Path file, long segmentStart, BiConsumer<Lsn, WalRecord> consumer) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return scan(bytes, segmentStart, Long.MAX_VALUE, consumer);
    }

    /** A whole segment file, for readers that may race with the WAL's trimming (which removes whole files). */
    static byte[] readSegment(long segmentStart, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND,
                    "WAL segment starting at %s was removed while being read", Lsn.of(segmentStart));
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not read WAL: " + e.getMessage(), e);
        }
    }

    private static boolean zerosFrom(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Scans {@code bytes}; stops before a record whose LSN would exceed {@code limit}. */
    static Result scan(byte[] bytes, long segmentStart, long limit, BiConsumer<Lsn, WalRecord> consumer) {
        String[] undecodable = new String[1];
        Result result = scanFrames(bytes, segmentStart, limit, (end, buffer, payloadAt, length) -> {
            WalRecord record;
            try {
                record = WalRecordCodec.decode(buffer, payloadAt, length);
            } catch (StorageException e) {
                undecodable[0] = e.getMessage();
                return false;
            }
            consumer.accept(Lsn.of(end), record);
            return true;
        });
        return undecodable[0] == null ? result : new Result(result.validBytes(), undecodable[0]);
    }

    /**
     * Scans the frames of {@code bytes} (length and checksum checked, payload not decoded); stops before a record
     * whose LSN would exceed {@code limit} or that {@code visitor} refuses ({@link Result#validBytes} is then its start).
     */
    static Result scanFrames(byte[] bytes, long segmentStart, long limit, SegmentedWal.FrameVisitor visitor) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int pos = 0;
        while (pos < bytes.length) {
            if (bytes[pos] == 0 && bytes.length - pos >= RecordFraming.HEADER_SIZE && zerosFrom(bytes, pos)) {
                return new Result(pos, null); // the preallocated rest of the segment: the WAL ends here
            }
            if (bytes.length - pos < RecordFraming.HEADER_SIZE) {
                return new Result(pos, "torn record header");
            }
            int length = buffer.getInt(pos);
            int crc = buffer.getInt(pos + 4);
            if (length <= 0 || length > RecordFraming.MAX_PAYLOAD || length > bytes.length - pos - RecordFraming.HEADER_SIZE) {
                return new Result(pos, length <= 0 || length > RecordFraming.MAX_PAYLOAD ? "invalid record length " + length : "torn record");
            }
            long start = segmentStart + pos;
            int payloadAt = pos + RecordFraming.HEADER_SIZE;
            if (RecordFraming.crc(start, length, bytes, payloadAt) != crc) {
                return new Result(pos, "record checksum mismatch");
            }
            long end = start + RecordFraming.HEADER_SIZE + length;
            if (end > limit || !visitor.visit(end, bytes, payloadAt, length)) {
                return new Result(pos, null);
            }
            pos = payloadAt + length;
        }
        return new Result(pos, null);
    }
}
