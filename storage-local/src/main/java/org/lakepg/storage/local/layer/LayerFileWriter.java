package org.lakepg.storage.local.layer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;

/**
 * Writes an immutable layer file. Versions are added in key order (and LSN order within a key); the index goes at
 * the end, followed by a fixed-size footer that points to it. Format:
 * <pre>
 * header:  magic "LPGLAYR1", kind:u8, startLsn:i64, endLsn:i64
 * data:    per version crc32c:i32 + WalRecordCodec bytes of a one-change record
 * index:   keyCount:i32, per key relation:i32 fork:u8 block:i32 versionCount:i32,
 *          per version lsn:i64 flags:u8 (1 = base, 2 = image) offset:i64 length:i32
 * footer:  indexOffset:i64 indexLength:i32 indexCrc:i32 magic "LPGLAYR1"
 * </pre>
 */
public final class LayerFileWriter implements AutoCloseable {

    static final byte[] MAGIC = "LPGLAYR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = 8 + 1 + 8 + 8;
    static final int FOOTER_SIZE = 8 + 4 + 4 + 8;
    static final int FLAG_BASE = 1;
    static final int FLAG_IMAGE = 2;

    private record IndexedVersion(long lsn, int flags, long offset, int length) {
    }

    private final Path path;
    private final FileChannel channel;
    private final DataOutputStream out;
    private final LayerFile.Kind kind;
    private final long startLsn;
    private final long endLsn;
    private long position;
    private final List<PageKey> keys = new ArrayList<>();
    private final List<List<IndexedVersion>> versions = new ArrayList<>();
    private long bytesWritten;

    public LayerFileWriter(Path path, LayerFile.Kind kind, long startLsn, long endLsn) throws IOException {
        this.path = path;
        this.kind = kind;
        this.startLsn = startLsn;
        this.endLsn = endLsn;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream raw = Channels.newOutputStream(channel);
        this.out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.write(MAGIC);
        out.writeByte(kind.ordinal());
        out.writeLong(startLsn);
        out.writeLong(endLsn);
        position = HEADER_SIZE;
    }

    /** Adds a version; keys must come in ascending order, versions of a key in ascending LSN order. */
    public void add(PageKey key, long lsn, boolean isBase, boolean isImage, PageWrite write) throws IOException {
        if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(key)) {
            if (!keys.isEmpty() && keys.get(keys.size() - 1).compareTo(key) > 0) {
                throw new IllegalStateException("layer keys out of order: " + key);
            }
            keys.add(key);
            versions.add(new ArrayList<>(1));
        }
        byte[] payload = WalRecordCodec.encode(WalRecord.of(write));
        CRC32C crc = new CRC32C();
        crc.update(payload);
        out.writeInt((int) crc.getValue());
        out.write(payload);
        versions.get(versions.size() - 1).add(new IndexedVersion(lsn,
                (isBase ? FLAG_BASE : 0) | (isImage ? FLAG_IMAGE : 0), position + 4, payload.length));
        position += 4 + payload.length;
    }

    /** Writes index and footer, fsyncs, and opens the finished file for reading. */
    public LayerFile finish() throws IOException {
        java.io.ByteArrayOutputStream indexBytes = new java.io.ByteArrayOutputStream();
        DataOutputStream index = new DataOutputStream(indexBytes);
        index.writeInt(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            PageKey key = keys.get(i);
            index.writeInt(key.relation());
            index.writeByte(key.fork().number());
            index.writeInt(key.block());
            index.writeInt(versions.get(i).size());
            for (IndexedVersion v : versions.get(i)) {
                index.writeLong(v.lsn());
                index.writeByte(v.flags());
                index.writeLong(v.offset());
                index.writeInt(v.length());
            }
        }
        byte[] indexArray = indexBytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(indexArray);
        out.write(indexArray);
        out.writeLong(position);
        out.writeInt(indexArray.length);
        out.writeInt((int) crc.getValue());
        out.write(MAGIC);
        out.flush();
        channel.force(true);
        bytesWritten = position + indexArray.length + FOOTER_SIZE;
        channel.close();
        // the manifest that will name this file must never survive a crash that loses the file's directory entry
        org.lakepg.storage.local.FileUtil.fsyncDirectory(path.getParent());
        return LayerFile.open(path);
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    public LayerFile.Kind kind() {
        return kind;
    }

    public long startLsn() {
        return startLsn;
    }

    public long endLsn() {
        return endLsn;
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
    }
}
