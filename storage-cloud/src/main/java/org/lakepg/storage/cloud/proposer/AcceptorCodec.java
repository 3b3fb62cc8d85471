package org.lakepg.storage.cloud.proposer;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Frame;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;

/**
 * The proposer protocol's payloads, in the pageserver RPC's frames (request code = {@link AcceptorRequest#code()}).
 * Big-endian fixed-width fields; a timeline id is two i64; a history is {@code n:i32 (term:i64 lsn:i64)*n}; byte
 * lists are {@code n:i32 (length:i32 bytes)*n}. A reply starts with its kind: 1 State, 2 Flushed, 3 Records,
 * 4 Rejected.
 */
public final class AcceptorCodec {

    private AcceptorCodec() {
    }

    public static void encode(AcceptorRequest request, ByteBuf out) {
        timeline(out, request.timeline());
        switch (request) {
            case AcceptorRequest.Vote v -> {
                out.writeLong(v.term());
                out.writeLong(v.proposer().getMostSignificantBits());
                out.writeLong(v.proposer().getLeastSignificantBits());
                out.writeLong(v.startLsn());
            }
            case AcceptorRequest.Elected e -> {
                out.writeLong(e.term());
                history(out, e.history());
                out.writeLong(e.truncateTo());
            }
            case AcceptorRequest.Append a -> {
                out.writeLong(a.term());
                out.writeLong(a.beginLsn());
                out.writeLong(a.commitLsn());
                out.writeInt(a.payloads().size());
                for (byte[] p : a.payloads()) {
                    out.writeInt(p.length);
                    out.writeBytes(p);
                }
            }
            case AcceptorRequest.Status s -> {
            }
            case AcceptorRequest.Read r -> {
                out.writeLong(r.from());
                out.writeInt(r.maxBytes());
                out.writeBoolean(r.uncommitted());
            }
            case AcceptorRequest.Trim t -> out.writeLong(t.upTo());
            case AcceptorRequest.Delete d -> {
            }
            case AcceptorRequest.Restart r -> {
                out.writeLong(r.term());
                out.writeLong(r.lsn());
            }
        }
    }

    public static AcceptorRequest decodeRequest(int code, ByteBuf in) {
        TimelineId timeline = new TimelineId(in.readLong(), in.readLong());
        return switch (code) {
            case 1 -> new AcceptorRequest.Vote(timeline, in.readLong(), new UUID(in.readLong(), in.readLong()), in.readLong());
            case 2 -> new AcceptorRequest.Elected(timeline, in.readLong(), history(in), in.readLong());
            case 3 -> {
                long term = in.readLong();
                long begin = in.readLong();
                long commit = in.readLong();
                int n = count(in, 4);
                List<byte[]> payloads = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    payloads.add(bytes(in));
                }
                yield new AcceptorRequest.Append(timeline, term, begin, commit, payloads);
            }
            case 4 -> new AcceptorRequest.Status(timeline);
            case 5 -> new AcceptorRequest.Read(timeline, in.readLong(), in.readInt(), in.readBoolean());
            case 6 -> new AcceptorRequest.Trim(timeline, in.readLong());
            case 7 -> new AcceptorRequest.Restart(timeline, in.readLong(), in.readLong());
            case 8 -> new AcceptorRequest.Delete(timeline);
            default -> throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "unknown safekeeper request %d", code);
        };
    }

    public static void encode(AcceptorReply reply, ByteBuf out) {
        switch (reply) {
            case AcceptorReply.State s -> {
                out.writeByte(1);
                out.writeLong(s.term());
                out.writeBoolean(s.voteGranted());
                history(out, s.history());
                out.writeLong(s.startLsn());
                out.writeLong(s.flushLsn());
                out.writeLong(s.commitLsn());
                out.writeLong(s.trimmedUpTo());
                out.writeLong(s.walStart());
            }
            case AcceptorReply.Flushed f -> {
                out.writeByte(2);
                out.writeLong(f.term());
                out.writeLong(f.flushLsn());
            }
            case AcceptorReply.Records r -> {
                out.writeByte(3);
                out.writeLong(r.endLsn());
                out.writeInt(r.frames().size());
                for (Frame f : r.frames()) {
                    out.writeLong(f.lsn());
                    out.writeInt(f.payload().length);
                    out.writeBytes(f.payload());
                }
            }
            case AcceptorReply.Rejected r -> {
                out.writeByte(4);
                out.writeByte(r.why().ordinal());
                byte[] message = r.message().getBytes(StandardCharsets.UTF_8);
                out.writeInt(message.length);
                out.writeBytes(message);
            }
        }
    }

    public static AcceptorReply decodeReply(ByteBuf in) {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 1 -> new AcceptorReply.State(in.readLong(), in.readBoolean(), history(in), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong());
            case 2 -> new AcceptorReply.Flushed(in.readLong(), in.readLong());
            case 3 -> {
                long end = in.readLong();
                int n = count(in, 12);
                List<Frame> frames = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long lsn = in.readLong();
                    frames.add(new Frame(lsn, bytes(in)));
                }
                yield new AcceptorReply.Records(frames, end);
            }
            case 4 -> {
                int why = in.readUnsignedByte();
                if (why >= Why.values().length) {
                    throw StorageException.of(StorageException.Reason.CORRUPTED, "unknown rejection %d", why);
                }
                yield new AcceptorReply.Rejected(Why.values()[why], new String(bytes(in), StandardCharsets.UTF_8));
            }
            default -> throw StorageException.of(StorageException.Reason.CORRUPTED, "unknown safekeeper reply kind %d", kind);
        };
    }

    private static void timeline(ByteBuf out, TimelineId id) {
        out.writeLong(id.high());
        out.writeLong(id.low());
    }

    private static void history(ByteBuf out, TermHistory history) {
        out.writeInt(history.entries().size());
        for (TermHistory.TermStart t : history.entries()) {
            out.writeLong(t.term());
            out.writeLong(t.lsn());
        }
    }

    private static TermHistory history(ByteBuf in) {
        int n = count(in, 16);
        List<TermHistory.TermStart> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new TermHistory.TermStart(in.readLong(), in.readLong()));
        }
        return new TermHistory(entries);
    }

    /** A list length, checked against what is left so a corrupt frame cannot ask for a huge allocation. */
    private static int count(ByteBuf in, int minBytesEach) {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytesEach > in.readableBytes()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "invalid list length %d", n);
        }
        return n;
    }

    private static byte[] bytes(ByteBuf in) {
        int length = count(in, 1);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }
}
