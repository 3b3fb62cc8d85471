package org.lakepg.storage.cloud.rpc;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;

/**
 * Field encodings of the pageserver RPC, shared by server and client: big-endian fixed-width integers; a timeline id
 * is two i64; an LSN is an i64; a page key is {@code relation:i32 fork:u8 block:i32}; a string is {@code length:i32}
 * UTF-8 bytes; a bitset is {@code words:i32 i64*words}; a timeline is
 * {@code id hasParent:u8 [parent] branchLsn name:str createdSeconds:i64 createdNanos:i32}.
 */
public final class RpcCodec {

    /** Bytes of the frame header after the length field: request id and code. */
    public static final int HEADER = 8 + 1;
    /** The largest frame accepted (a GetPages batch of 8 KiB pages stays well below it). */
    public static final int MAX_FRAME = 64 << 20;

    private RpcCodec() {
    }

    static void timelineId(ByteBuf out, TimelineId id) {
        out.writeLong(id.high());
        out.writeLong(id.low());
    }

    static TimelineId timelineId(ByteBuf in) {
        return new TimelineId(in.readLong(), in.readLong());
    }

    static void lsn(ByteBuf out, Lsn lsn) {
        out.writeLong(lsn.value());
    }

    static Lsn lsn(ByteBuf in) {
        long v = in.readLong();
        if (v < 0) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid LSN %d", v);
        }
        return Lsn.of(v);
    }

    static void key(ByteBuf out, PageKey key) {
        out.writeInt(key.relation());
        out.writeByte(key.fork().number());
        out.writeInt(key.block());
    }

    static PageKey key(ByteBuf in) {
        return new PageKey(in.readInt(), fork(in), in.readInt());
    }

    static ForkNumber fork(ByteBuf in) {
        return ForkNumber.ofNumber(in.readUnsignedByte());
    }

    public static void string(ByteBuf out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    static String string(ByteBuf in) {
        int length = in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid string length %d", length);
        }
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    static void bitset(ByteBuf out, BitSet bits) {
        long[] words = bits.toLongArray();
        out.writeInt(words.length);
        for (long w : words) {
            out.writeLong(w);
        }
    }

    static BitSet bitset(ByteBuf in) {
        int n = in.readInt();
        if (n < 0 || (long) n * 8 > in.readableBytes()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid bitset length %d", n);
        }
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = in.readLong();
        }
        return BitSet.valueOf(words);
    }

    static void timeline(ByteBuf out, Timeline t) {
        timelineId(out, t.id());
        out.writeBoolean(t.parent() != null);
        if (t.parent() != null) {
            timelineId(out, t.parent());
        }
        lsn(out, t.branchLsn());
        string(out, t.name());
        instant(out, t.created());
    }

    static void instant(ByteBuf out, Instant at) {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    static Instant instant(ByteBuf in) {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    static Timeline timeline(ByteBuf in) {
        TimelineId id = timelineId(in);
        TimelineId parent = in.readBoolean() ? timelineId(in) : null;
        Lsn branchLsn = lsn(in);
        String name = string(in);
        return new Timeline(id, parent, branchLsn, name, instant(in));
    }
}
