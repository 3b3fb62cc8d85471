package org.lakepg.server.access.heap;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Out-of-line storage for large payloads (PostgreSQL's TOAST), in a heap relation of its own. A value is cut into
 * chunks of one page each, written last chunk first so every chunk can name the next one's tid; the row keeps a
 * 24-byte pointer {@code [value id:8][length:8][first chunk tid:8]}. Chunks belong to the row that points at them:
 * vacuum removes them together with it.
 */
final class ToastStore {

    /** Chunk data bytes: a chunk tuple then fills most of an 8 KiB page. */
    static final int CHUNK_DATA = 8000;
    /** Largest value, as PostgreSQL's 1 GB limit for a varlena. */
    static final long MAX_VALUE = (1L << 30) - 1;
    private static final int CHUNK_HEADER = 8 + 4 + 8;
    static final int POINTER_SIZE = 24;

    private final HeapRelation chunks;

    ToastStore(HeapRelation chunks) {
        this.chunks = chunks;
    }

    HeapRelation relation() {
        return chunks;
    }

    byte[] store(long xid, int cid, byte[] value) {
        if (value.length > MAX_VALUE) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "invalid memory alloc request size %d", value.length);
        }
        long valueId = ThreadLocalRandom.current().nextLong();
        int count = Math.max(1, (value.length + CHUNK_DATA - 1) / CHUNK_DATA);
        long next = -1;
        for (int seq = count - 1; seq >= 0; seq--) {
            int from = seq * CHUNK_DATA;
            int len = Math.min(CHUNK_DATA, value.length - from);
            byte[] chunk = new byte[CHUNK_HEADER + len];
            Bytes.i64(chunk, 0, valueId);
            Bytes.i32(chunk, 8, seq);
            Bytes.i64(chunk, 12, next);
            System.arraycopy(value, from, chunk, CHUNK_HEADER, len);
            next = chunks.place(xid, cid, chunk, 0).pack();
        }
        byte[] pointer = new byte[POINTER_SIZE];
        Bytes.i64(pointer, 0, valueId);
        Bytes.i64(pointer, 8, value.length);
        Bytes.i64(pointer, 16, next);
        return pointer;
    }

    byte[] fetch(byte[] pointer) {
        long valueId = Bytes.i64(pointer, 0);
        long length = Bytes.i64(pointer, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
        long next = Bytes.i64(pointer, 16);
        int seq = 0;
        while (next >= 0) {
            Tid tid = Tid.unpack(next);
            try (PinnedPage page = chunks.context().cache().pinShared(chunks.key(tid.block()))) {
                byte[] p = page.data();
                int t = chunkOffset(p, tid, valueId, seq);
                int len = SlottedPage.itemLength(p, tid.offset()) - TupleHeader.SIZE - CHUNK_HEADER;
                out.write(p, t + TupleHeader.SIZE + CHUNK_HEADER, len);
                next = Bytes.i64(p, t + TupleHeader.SIZE + 12);
            }
            seq++;
        }
        if (out.size() != length) {
            throw corrupted(valueId, seq);
        }
        return out.toByteArray();
    }

    /** The tids of a value's chunks (for vacuum), stopping quietly at a chunk that is already gone. */
    List<Tid> chunkTids(byte[] pointer) {
        long valueId = Bytes.i64(pointer, 0);
        long next = Bytes.i64(pointer, 16);
        List<Tid> tids = new ArrayList<>();
        int seq = 0;
        while (next >= 0) {
            Tid tid = Tid.unpack(next);
            if (tid.block() >= chunks.blockCount()) {
                break;
            }
            try (PinnedPage page = chunks.context().cache().pinShared(chunks.key(tid.block()))) {
                byte[] p = page.data();
                if (tid.offset() > SlottedPage.itemCount(p)
                        || SlottedPage.itemFlags(p, tid.offset()) != SlottedPage.LP_NORMAL) {
                    break;
                }
                int t = SlottedPage.itemOffset(p, tid.offset());
                if (Bytes.i64(p, t + TupleHeader.SIZE) != valueId || Bytes.i32(p, t + TupleHeader.SIZE + 8) != seq) {
                    break;
                }
                tids.add(tid);
                next = Bytes.i64(p, t + TupleHeader.SIZE + 12);
            }
            seq++;
        }
        return tids;
    }

    private static int chunkOffset(byte[] p, Tid tid, long valueId, int seq) {
        if (tid.offset() > SlottedPage.itemCount(p) || SlottedPage.itemFlags(p, tid.offset()) != SlottedPage.LP_NORMAL) {
            throw corrupted(valueId, seq);
        }
        int t = SlottedPage.itemOffset(p, tid.offset());
        if (Bytes.i64(p, t + TupleHeader.SIZE) != valueId || Bytes.i32(p, t + TupleHeader.SIZE + 8) != seq) {
            throw corrupted(valueId, seq);
        }
        return t;
    }

    private static PgException corrupted(long valueId, int seq) {
        return PgException.of(SqlState.DATA_CORRUPTED, "missing chunk number %d for toast value %d", seq, valueId);
    }
}
