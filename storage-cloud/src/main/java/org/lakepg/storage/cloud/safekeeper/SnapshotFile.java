package org.lakepg.storage.cloud.safekeeper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32C;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.TimelineLog.TimelineState;
import org.lakepg.storage.local.FileUtil;

/**
 * A safekeeper snapshot: the timelines' generations and WAL bounds as of one Raft log index. The WAL itself is not
 * in it — it stays in the segment files, which are fsynced before the snapshot is written — so a snapshot is a few
 * bytes per timeline and lets Ratis drop its own copy of the records.
 * Layout: {@code magic:i32 version:i32 count:i32 (high low generation start end trimmed)* crc32c:i32}.
 */
final class SnapshotFile {

    private static final int MAGIC = 0x4C4B534B; // "LKSK"
    private static final int VERSION = 1;

    private SnapshotFile() {
    }

    static void write(Path file, Collection<TimelineState> timelines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(timelines.size());
        for (TimelineState t : timelines) {
            out.writeLong(t.id().high());
            out.writeLong(t.id().low());
            out.writeLong(t.generation());
            out.writeLong(t.startLsn());
            out.writeLong(t.endLsn());
            out.writeLong(t.trimmedUpTo());
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        FileUtil.writeAtomically(file, bytes.toByteArray());
    }

    static List<TimelineState> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 16) {
            throw corrupt(file, "too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw corrupt(file, "not a safekeeper snapshot of version " + VERSION);
        }
        int count = in.readInt();
        if (count < 0 || (long) count * 48 + 16 != bytes.length) {
            throw corrupt(file, "wrong length for " + count + " timelines");
        }
        List<TimelineState> timelines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            timelines.add(new TimelineState(new TimelineId(in.readLong(), in.readLong()), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong()));
        }
        if (in.readInt() != (int) crc.getValue()) {
            throw corrupt(file, "checksum mismatch");
        }
        return timelines;
    }

    private static StorageException corrupt(Path file, String why) {
        return StorageException.of(StorageException.Reason.CORRUPTED, "safekeeper snapshot %s is corrupt: %s", file, why);
    }
}
