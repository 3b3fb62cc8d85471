package org.lakepg.storage.local.timeline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.local.FileUtil;

/**
 * An immutable file of commit markers (LSN, running maximum of timestamps) for LSNs in [firstLsn, lastLsn], as the
 * checkpoint manifest names it: by this summary, so a checkpoint writes only the commits since the previous one.
 * The running maximum is the timeline's (not the segment's), so it is monotone across segments and {@code
 * maxMicros} is simply the last one. Kept next to the layer files, and copied, uploaded and restored with them.
 */
record CommitSegment(String name, long firstLsn, long lastLsn, int count, long maxMicros) {

    private static final byte[] MAGIC = "LPGCMIT1".getBytes(StandardCharsets.US_ASCII);
    static final String PREFIX = "commits-";

    static boolean isSegmentName(String fileName) {
        return fileName.startsWith(PREFIX);
    }

    /** The commits of one segment in memory. */
    record Entries(long[] lsns, long[] runningMaxMicros, int size) {
    }

    /** Writes {@code n} commits (n &gt; 0) as a new segment file in {@code dir} (durable on return). */
    static CommitSegment write(Path dir, long[] lsns, long[] runningMax, int n) throws IOException {
        String name = String.format("%s%016X-%016X.idx", PREFIX, lsns[0], lsns[n - 1]);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + Integer.BYTES + n * 2 * Long.BYTES + Integer.BYTES);
        buf.put(MAGIC).putInt(n);
        for (int i = 0; i < n; i++) {
            buf.putLong(lsns[i]).putLong(runningMax[i]);
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        FileUtil.writeAtomically(dir.resolve(name), buf.array());
        return new CommitSegment(name, lsns[0], lsns[n - 1], n, runningMax[n - 1]);
    }

    /** Reads this segment's file from {@code dir}, checking it against the summary. */
    Entries read(Path dir) throws IOException {
        Path file = dir.resolve(name);
        byte[] all = Files.readAllBytes(file);
        int expected = MAGIC.length + Integer.BYTES + count * 2 * Long.BYTES + Integer.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(all, 0, Math.max(0, all.length - 4));
        if (all.length != expected || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || (int) crc.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "commit segment " + file + " is corrupt");
        }
        ByteBuffer buf = ByteBuffer.wrap(all, MAGIC.length, all.length - MAGIC.length - 4);
        if (buf.getInt() != count) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "commit segment " + file + " is corrupt");
        }
        long[] lsns = new long[count];
        long[] max = new long[count];
        for (int i = 0; i < count; i++) {
            lsns[i] = buf.getLong();
            max[i] = buf.getLong();
        }
        if (lsns[0] != firstLsn || lsns[count - 1] != lastLsn || max[count - 1] != maxMicros) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "commit segment " + file + " does not match its manifest");
        }
        return new Entries(lsns, max, count);
    }

    void writeSummary(DataOutputStream out) throws IOException {
        out.writeUTF(name);
        out.writeLong(firstLsn);
        out.writeLong(lastLsn);
        out.writeInt(count);
        out.writeLong(maxMicros);
    }

    static CommitSegment readSummary(DataInputStream in) throws IOException {
        String name = in.readUTF();
        if (!isSegmentName(name) || name.contains("/") || name.contains("\\")) {
            throw new IOException("bad commit segment name " + name);
        }
        CommitSegment s = new CommitSegment(name, in.readLong(), in.readLong(), in.readInt(), in.readLong());
        if (s.count <= 0 || s.firstLsn > s.lastLsn) {
            throw new IOException("bad commit segment " + s);
        }
        return s;
    }
}
