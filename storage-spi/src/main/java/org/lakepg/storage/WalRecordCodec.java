package org.lakepg.storage;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The compact binary form of a {@link WalRecord}, shared by every store and the network. Integers are varints;
 * a full page image leaves out its longest run of zero bytes (the "hole" between PostgreSQL's pd_lower and
 * pd_upper), as PostgreSQL does. Layout:
 * <pre>
 * flags:u8 (bit 0 = marker) [xid:varlong kind:u8 timestampMicros:i64] changeCount:varint change*
 * change = tag:u8 relation:i32 ... (see the TAG_ constants)
 * </pre>
 */
public final class WalRecordCodec {

    /**
     * Bytes every store counts per record besides its encoded form (local: length + CRC32C header). A record's LSN is
     * the previous LSN + FRAME_OVERHEAD + its encoded length, in every store, so LSNs mean the same thing in local
     * and cloud storage and a timeline can move between them.
     */
    public static final int FRAME_OVERHEAD = 8;

    private static final int TAG_IMAGE = 1;
    private static final int TAG_PATCH = 2;
    private static final int TAG_CREATE = 3;
    private static final int TAG_TRUNCATE = 4;
    private static final int TAG_DROP = 5;

    private WalRecordCodec() {
    }

    /** The LSN a record appended after {@code previous} gets. */
    public static Lsn lsnAfter(Lsn previous, byte[] encoded) {
        return previous.plus(FRAME_OVERHEAD + (long) encoded.length);
    }

    public static byte[] encode(WalRecord record) {
        Out out = new Out(estimateSize(record));
        TransactionMarker marker = record.marker();
        out.write(marker == null ? 0 : 1);
        if (marker != null) {
            out.varLong(marker.xid());
            out.write(marker.kind().ordinal());
            out.fixedLong(marker.timestampMicros());
        }
        out.varLong(record.changes().size());
        for (PageChange change : record.changes()) {
            switch (change) {
                case FullPageImage image -> {
                    out.write(TAG_IMAGE);
                    key(out, image.key());
                    writeImage(out, image.image());
                }
                case PagePatch patch -> {
                    out.write(TAG_PATCH);
                    key(out, patch.key());
                    out.varLong(patch.patches().size());
                    for (Patch p : patch.patches()) {
                        out.varLong(p.offset());
                        out.varLong(p.bytes().length);
                        out.write(p.bytes(), 0, p.bytes().length);
                    }
                }
                case RelationCreate create -> {
                    out.write(TAG_CREATE);
                    out.fixedInt(create.relation());
                    out.write(create.fork().number());
                }
                case RelationTruncate truncate -> {
                    out.write(TAG_TRUNCATE);
                    out.fixedInt(truncate.relation());
                    out.write(truncate.fork().number());
                    out.varLong(truncate.newBlockCount());
                }
                case RelationDrop drop -> {
                    out.write(TAG_DROP);
                    out.fixedInt(drop.relation());
                }
            }
        }
        return out.toByteArray();
    }

    public static WalRecord decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes exactly {@code length} bytes at {@code offset}; throws {@link StorageException} (CORRUPTED) otherwise. */
    public static WalRecord decode(byte[] bytes, int offset, int length) {
        In in = new In(bytes, offset, offset + length);
        try {
            int flags = in.read();
            if ((flags & ~1) != 0) {
                throw in.corrupt("unknown flags " + flags);
            }
            TransactionMarker marker = null;
            if (flags == 1) {
                long xid = in.varLong();
                int kind = in.read();
                if (kind >= TransactionMarker.Kind.values().length) {
                    throw in.corrupt("unknown transaction marker kind " + kind);
                }
                marker = new TransactionMarker(xid, TransactionMarker.Kind.values()[kind], in.fixedLong());
            }
            // decoded into arrays that become the records' immutable lists as they are (List.copyOf keeps them): a
            // pageserver's compaction decodes every record of a page's history, and the ArrayList copies showed
            int count = in.varInt();
            if (count > in.end - in.pos) {
                throw in.corrupt(count + " changes in " + (in.end - in.pos) + " bytes"); // each takes a byte at least
            }
            PageChange[] changes = new PageChange[count];
            for (int i = 0; i < count; i++) {
                int tag = in.read();
                changes[i] = switch (tag) {
                    case TAG_IMAGE -> new FullPageImage(readKey(in), readImage(in));
                    case TAG_PATCH -> {
                        PageKey key = readKey(in);
                        int n = in.varInt();
                        if (n > in.end - in.pos) {
                            throw in.corrupt(n + " patches in " + (in.end - in.pos) + " bytes");
                        }
                        Patch[] patches = new Patch[n];
                        for (int p = 0; p < n; p++) {
                            int patchOffset = in.varInt();
                            patches[p] = new Patch(patchOffset, in.bytes(in.varInt()));
                        }
                        yield new PagePatch(key, List.of(patches));
                    }
                    case TAG_CREATE -> new RelationCreate(in.fixedInt(), ForkNumber.ofNumber(in.read()));
                    case TAG_TRUNCATE -> new RelationTruncate(in.fixedInt(), ForkNumber.ofNumber(in.read()), in.varInt());
                    case TAG_DROP -> new RelationDrop(in.fixedInt());
                    default -> throw in.corrupt("unknown change tag " + tag);
                };
            }
            if (in.pos != in.end) {
                throw in.corrupt((in.end - in.pos) + " trailing bytes");
            }
            return new WalRecord(List.of(changes), marker);
        } catch (IllegalArgumentException e) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "invalid WAL record: " + e.getMessage(), e);
        }
    }

    private static int estimateSize(WalRecord record) {
        int size = 32;
        for (PageChange change : record.changes()) {
            size += switch (change) {
                case FullPageImage ignored -> Page.SIZE + 16;
                case PagePatch patch -> 16 + patchBytes(patch, 6);
                default -> 12;
            };
        }
        return size;
    }

    /**
     * The patches' byte count plus {@code perPatch} for each. A plain loop: this runs for every page change of every
     * record appended and checkpointed, where a stream pipeline was a measurable share of the server's CPU.
     */
    public static int patchBytes(PagePatch patch, int perPatch) {
        List<Patch> patches = patch.patches();
        int size = 0;
        for (int i = 0; i < patches.size(); i++) {
            size += patches.get(i).bytes().length + perPatch;
        }
        return size;
    }

    private static void key(Out out, PageKey key) {
        out.fixedInt(key.relation());
        out.write(key.fork().number());
        out.varLong(key.block());
    }

    private static PageKey readKey(In in) {
        int relation = in.fixedInt();
        ForkNumber fork = ForkNumber.ofNumber(in.read());
        return new PageKey(relation, fork, in.varInt());
    }

    /** Writes the page without its longest run of zeros: holeStart, holeLength, then the remaining bytes. */
    private static void writeImage(Out out, byte[] page) {
        int bestStart = 0;
        int bestLength = 0;
        int runStart = -1;
        for (int i = 0; i <= page.length; i++) {
            if (i < page.length && page[i] == 0) {
                if (runStart < 0) {
                    runStart = i;
                }
            } else if (runStart >= 0) {
                if (i - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = i - runStart;
                }
                runStart = -1;
            }
        }
        out.varLong(bestStart);
        out.varLong(bestLength);
        out.write(page, 0, bestStart);
        out.write(page, bestStart + bestLength, page.length - bestStart - bestLength);
    }

    private static byte[] readImage(In in) {
        int holeStart = in.varInt();
        int holeLength = in.varInt();
        if (holeStart < 0 || holeLength < 0 || (long) holeStart + holeLength > Page.SIZE) {
            throw in.corrupt("page image hole out of range");
        }
        byte[] page = new byte[Page.SIZE];
        in.into(page, 0, holeStart);
        in.into(page, holeStart + holeLength, Page.SIZE - holeStart - holeLength);
        return page;
    }

    /** A growable byte buffer; ByteArrayOutputStream without its synchronization. */
    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensure(int extra) {
            if (count + extra > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + extra));
            }
        }

        void varLong(long v) {
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void fixedInt(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void fixedLong(long v) {
            fixedInt((int) (v >>> 32));
            fixedInt((int) v);
        }
    }

    private static final class In {
        final byte[] buf;
        int pos;
        final int end;

        In(byte[] buf, int pos, int end) {
            if (pos < 0 || end > buf.length || pos > end) {
                throw new IndexOutOfBoundsException();
            }
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        IllegalArgumentException corrupt(String why) {
            return new IllegalArgumentException(why + " at byte " + pos);
        }

        int read() {
            if (pos >= end) {
                throw corrupt("unexpected end");
            }
            return buf[pos++] & 0xFF;
        }

        long varLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw corrupt("varint too long");
        }

        int varInt() {
            long v = varLong();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw corrupt("integer out of range " + v);
            }
            return (int) v;
        }

        int fixedInt() {
            return (read() << 24) | (read() << 16) | (read() << 8) | read();
        }

        long fixedLong() {
            return ((long) fixedInt() << 32) | (fixedInt() & 0xFFFFFFFFL);
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            into(b, 0, n);
            return b;
        }

        void into(byte[] target, int at, int n) {
            if (n > end - pos) {
                throw corrupt("unexpected end");
            }
            System.arraycopy(buf, pos, target, at, n);
            pos += n;
        }
    }
}
