package org.lakepg.storage.local.layer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.BitSet;
import java.util.Set;
import java.util.zip.CRC32C;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;

/**
 * An immutable layer file opened for reading: its index lives in memory (compact arrays), page data is read with
 * positional reads on demand. A delta layer holds the page writes with LSNs in (startLsn, endLsn]; an image layer
 * holds, at LSN endLsn, a full image of every page the timeline itself had written by then.
 */
public final class LayerFile implements AutoCloseable {

    public enum Kind { DELTA, IMAGE }

    /** A version stored in this file. */
    public record DiskVersion(LayerFile file, int index) implements VersionRef {
        @Override
        public long lsn() {
            return file.lsns[index];
        }

        @Override
        public boolean isBase() {
            return (file.flags[index] & LayerFileWriter.FLAG_BASE) != 0;
        }

        @Override
        public boolean isImage() {
            return (file.flags[index] & LayerFileWriter.FLAG_IMAGE) != 0;
        }

        @Override
        public PageWrite load() {
            return file.load(index);
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final Kind kind;
    private final long startLsn;
    private final long endLsn;
    private final long fileSize;
    private final PageKey[] keys;
    /** Versions of keys[i] are first[i] .. first[i+1]-1. */
    private final int[] first;
    private final long[] lsns;
    private final byte[] flags;
    private final long[] offsets;
    private final int[] lengths;

    private LayerFile(Path path, FileChannel channel, Kind kind, long startLsn, long endLsn, long fileSize, PageKey[] keys,
            int[] first, long[] lsns, byte[] flags, long[] offsets, int[] lengths) {
        this.path = path;
        this.channel = channel;
        this.kind = kind;
        this.startLsn = startLsn;
        this.endLsn = endLsn;
        this.fileSize = fileSize;
        this.keys = keys;
        this.first = first;
        this.lsns = lsns;
        this.flags = flags;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    public static LayerFile open(Path path) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            if (size < LayerFileWriter.HEADER_SIZE + LayerFileWriter.FOOTER_SIZE) {
                throw corrupt(path, "too short");
            }
            ByteBuffer header = read(channel, 0, LayerFileWriter.HEADER_SIZE);
            ByteBuffer footer = read(channel, size - LayerFileWriter.FOOTER_SIZE, LayerFileWriter.FOOTER_SIZE);
            byte[] magic = new byte[8];
            header.get(magic);
            if (!Arrays.equals(magic, LayerFileWriter.MAGIC)) {
                throw corrupt(path, "bad magic");
            }
            int kindOrdinal = header.get();
            if (kindOrdinal < 0 || kindOrdinal >= Kind.values().length) {
                throw corrupt(path, "bad kind");
            }
            long start = header.getLong();
            long end = header.getLong();
            long indexOffset = footer.getLong();
            int indexLength = footer.getInt();
            int indexCrc = footer.getInt();
            footer.get(magic);
            if (!Arrays.equals(magic, LayerFileWriter.MAGIC) || indexOffset < LayerFileWriter.HEADER_SIZE
                    || indexOffset + indexLength + LayerFileWriter.FOOTER_SIZE != size) {
                throw corrupt(path, "bad footer");
            }
            ByteBuffer index = read(channel, indexOffset, indexLength);
            CRC32C crc = new CRC32C();
            crc.update(index.duplicate());
            if ((int) crc.getValue() != indexCrc) {
                throw corrupt(path, "index checksum mismatch");
            }
            int keyCount = index.getInt();
            PageKey[] keys = new PageKey[keyCount];
            int[] first = new int[keyCount + 1];
            int total = 0;
            // two passes would need the counts first; grow arrays instead
            long[] lsns = new long[Math.max(16, keyCount)];
            byte[] flags = new byte[lsns.length];
            long[] offsets = new long[lsns.length];
            int[] lengths = new int[lsns.length];
            for (int k = 0; k < keyCount; k++) {
                keys[k] = new PageKey(index.getInt(), ForkNumber.ofNumber(index.get()), index.getInt());
                int n = index.getInt();
                first[k] = total;
                if (total + n > lsns.length) {
                    int grown = Math.max(lsns.length * 2, total + n);
                    lsns = Arrays.copyOf(lsns, grown);
                    flags = Arrays.copyOf(flags, grown);
                    offsets = Arrays.copyOf(offsets, grown);
                    lengths = Arrays.copyOf(lengths, grown);
                }
                for (int v = 0; v < n; v++, total++) {
                    lsns[total] = index.getLong();
                    flags[total] = index.get();
                    offsets[total] = index.getLong();
                    lengths[total] = index.getInt();
                }
            }
            first[keyCount] = total;
            return new LayerFile(path, channel, Kind.values()[kindOrdinal], start, end, size, keys, first,
                    Arrays.copyOf(lsns, total), Arrays.copyOf(flags, total), Arrays.copyOf(offsets, total),
                    Arrays.copyOf(lengths, total));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            if (e instanceof StorageException se) {
                throw se;
            }
            throw new StorageException(StorageException.Reason.CORRUPTED, "could not open layer " + path + ": " + e, e);
        }
    }

    private static StorageException corrupt(Path path, String why) {
        return new StorageException(StorageException.Reason.CORRUPTED, "layer file " + path + " is corrupt: " + why);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    public Path path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    public long startLsn() {
        return startLsn;
    }

    public long endLsn() {
        return endLsn;
    }

    public long fileSize() {
        return fileSize;
    }

    public int keyCount() {
        return keys.length;
    }

    private int find(PageKey key) {
        return Arrays.binarySearch(keys, key);
    }

    public boolean contains(PageKey key) {
        return find(key) >= 0;
    }

    /** Like {@link InMemoryLayer#collect}: newest first, versions in (after, upTo], stopping at a base. */
    public boolean collect(PageKey key, long upTo, long after, List<VersionRef> out) {
        int k = find(key);
        if (k < 0) {
            return false;
        }
        for (int i = first[k + 1] - 1; i >= first[k]; i--) {
            if (lsns[i] > upTo) {
                continue;
            }
            if (lsns[i] <= after) {
                return false;
            }
            DiskVersion v = new DiskVersion(this, i);
            out.add(v);
            if (v.isBase()) {
                return true;
            }
        }
        return false;
    }

    public void changedBlocks(int relation, ForkNumber fork, long from, long to, BitSet out) {
        int k = find(new PageKey(relation, fork, 0));
        if (k < 0) {
            k = -k - 1;
        }
        for (; k < keys.length && keys[k].relation() == relation && keys[k].fork() == fork; k++) {
            for (int i = first[k]; i < first[k + 1]; i++) {
                if (lsns[i] > from && lsns[i] <= to) {
                    out.set(keys[k].block());
                    break;
                }
            }
        }
    }

    public void keysUpTo(long upTo, Set<PageKey> out) {
        for (int k = 0; k < keys.length; k++) {
            if (lsns[first[k]] <= upTo) {
                out.add(keys[k]);
            }
        }
    }

    /** Loads versions {@code first..last} (consecutive in the file) with one read. */
    public List<PageWrite> loadRange(int first, int last) {
        long start = offsets[first] - 4;
        long end = offsets[last] + lengths[last];
        try {
            ByteBuffer data = read(channel, start, Math.toIntExact(end - start));
            List<PageWrite> out = new ArrayList<>(last - first + 1);
            for (int i = first; i <= last; i++) {
                int at = (int) (offsets[i] - start);
                CRC32C crc = new CRC32C();
                crc.update(data.array(), at, lengths[i]);
                if ((int) crc.getValue() != data.getInt(at - 4)) {
                    throw corrupt(path, "page data checksum mismatch at offset " + offsets[i]);
                }
                out.add((PageWrite) WalRecordCodec.decode(data.array(), at, lengths[i]).changes().get(0));
            }
            return out;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not read layer " + path + ": " + e.getMessage(), e);
        }
    }

    PageWrite load(int index) {
        try {
            ByteBuffer data = read(channel, offsets[index] - 4, lengths[index] + 4);
            int expected = data.getInt();
            CRC32C crc = new CRC32C();
            crc.update(data.array(), 4, lengths[index]);
            if ((int) crc.getValue() != expected) {
                throw corrupt(path, "page data checksum mismatch at offset " + offsets[index]);
            }
            WalRecord record = WalRecordCodec.decode(data.array(), 4, lengths[index]);
            return (PageWrite) record.changes().get(0);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not read layer " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not close layer " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
