package org.lakepg.storage.cloud.safekeeper;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;

/**
 * The bytes of safekeeper requests and replies inside Ratis messages: a tag byte, then big-endian fields. Kept
 * apart from Ratis so the same bytes can be logged, tested and replayed without a server.
 */
public final class SafekeeperCodec {

    private static final int ACQUIRE = 1;
    private static final int APPEND = 2;
    private static final int TRIM = 3;
    private static final int READ = 4;
    private static final int STATUS = 5;
    private static final int MANIFEST = 6;
    private static final int NUDGE = 7;
    private static final int DELETE = 8;

    private static final int TIMELINE_STATE = 101;
    private static final int APPENDED = 102;
    private static final int RECORDS = 103;
    private static final int REJECTED = 104;
    private static final int MANIFEST_REPLY = 105;

    private SafekeeperCodec() {
    }

    public static byte[] encode(SafekeeperRequest request) {
        return write(out -> {
            switch (request) {
                case SafekeeperRequest.Acquire a -> {
                    out.writeByte(ACQUIRE);
                    timeline(out, a.timeline());
                    out.writeLong(a.generation());
                    out.writeLong(a.startLsn().value());
                }
                case SafekeeperRequest.Append a -> {
                    out.writeByte(APPEND);
                    timeline(out, a.timeline());
                    out.writeLong(a.generation());
                    out.writeLong(a.startLsn().value());
                    out.writeInt(a.payloads().size());
                    for (byte[] p : a.payloads()) {
                        out.writeInt(p.length);
                        out.write(p);
                    }
                }
                case SafekeeperRequest.Trim t -> {
                    out.writeByte(TRIM);
                    timeline(out, t.timeline());
                    out.writeLong(t.upTo().value());
                }
                case SafekeeperRequest.Delete d -> {
                    out.writeByte(DELETE);
                    timeline(out, d.timeline());
                }
                case SafekeeperRequest.Read r -> {
                    out.writeByte(READ);
                    timeline(out, r.timeline());
                    out.writeLong(r.from().value());
                    out.writeInt(r.maxBytes());
                }
                case SafekeeperRequest.Status s -> {
                    out.writeByte(STATUS);
                    timeline(out, s.timeline());
                }
                case SafekeeperRequest.Manifest m -> out.writeByte(MANIFEST);
                case SafekeeperRequest.Nudge n -> out.writeByte(NUDGE);
            }
        });
    }

    public static SafekeeperRequest decodeRequest(InputStream bytes) {
        return read(bytes, in -> {
            int tag = in.readUnsignedByte();
            if (tag == MANIFEST) {
                return new SafekeeperRequest.Manifest();
            }
            if (tag == NUDGE) {
                return new SafekeeperRequest.Nudge();
            }
            TimelineId timeline = new TimelineId(in.readLong(), in.readLong());
            return switch (tag) {
                case ACQUIRE -> new SafekeeperRequest.Acquire(timeline, in.readLong(), lsn(in));
                case APPEND -> {
                    long generation = in.readLong();
                    Lsn start = lsn(in);
                    int count = in.readInt();
                    List<byte[]> payloads = new ArrayList<>(Math.min(count, 1 << 16));
                    for (int i = 0; i < count; i++) {
                        payloads.add(bytes(in));
                    }
                    yield new SafekeeperRequest.Append(timeline, generation, start, payloads);
                }
                case TRIM -> new SafekeeperRequest.Trim(timeline, lsn(in));
                case DELETE -> new SafekeeperRequest.Delete(timeline);
                case READ -> new SafekeeperRequest.Read(timeline, lsn(in), in.readInt());
                case STATUS -> new SafekeeperRequest.Status(timeline);
                default -> throw corrupt("unknown safekeeper request tag " + tag);
            };
        });
    }

    public static byte[] encode(SafekeeperReply reply) {
        return write(out -> {
            switch (reply) {
                case SafekeeperReply.TimelineState s -> {
                    out.writeByte(TIMELINE_STATE);
                    state(out, s);
                }
                case SafekeeperReply.Manifest m -> {
                    out.writeByte(MANIFEST_REPLY);
                    out.writeLong(m.term());
                    out.writeLong(m.index());
                    out.writeInt(m.timelines().size());
                    for (SafekeeperReply.TimelineSummary t : m.timelines()) {
                        timeline(out, t.id());
                        state(out, t.state());
                    }
                }
                case SafekeeperReply.Appended a -> {
                    out.writeByte(APPENDED);
                    out.writeLong(a.endLsn().value());
                }
                case SafekeeperReply.Records r -> {
                    out.writeByte(RECORDS);
                    out.writeLong(r.endLsn().value());
                    out.writeInt(r.frames().size());
                    for (SafekeeperReply.Frame f : r.frames()) {
                        out.writeLong(f.lsn());
                        out.writeInt(f.payload().length);
                        out.write(f.payload());
                    }
                }
                case SafekeeperReply.Rejected r -> {
                    out.writeByte(REJECTED);
                    out.writeByte(r.why().ordinal());
                    byte[] text = r.message().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(text.length);
                    out.write(text);
                }
            }
        });
    }

    public static SafekeeperReply decodeReply(InputStream bytes) {
        return read(bytes, in -> {
            int tag = in.readUnsignedByte();
            return switch (tag) {
                case TIMELINE_STATE -> state(in);
                case MANIFEST_REPLY -> {
                    long term = in.readLong();
                    long index = in.readLong();
                    int count = in.readInt();
                    List<SafekeeperReply.TimelineSummary> timelines = new ArrayList<>(Math.min(count, 1 << 16));
                    for (int i = 0; i < count; i++) {
                        timelines.add(new SafekeeperReply.TimelineSummary(new TimelineId(in.readLong(), in.readLong()), state(in)));
                    }
                    yield new SafekeeperReply.Manifest(term, index, timelines);
                }
                case APPENDED -> new SafekeeperReply.Appended(lsn(in));
                case RECORDS -> {
                    Lsn end = lsn(in);
                    int count = in.readInt();
                    List<SafekeeperReply.Frame> frames = new ArrayList<>(Math.min(count, 1 << 16));
                    for (int i = 0; i < count; i++) {
                        long lsn = in.readLong();
                        frames.add(new SafekeeperReply.Frame(lsn, bytes(in)));
                    }
                    yield new SafekeeperReply.Records(frames, end);
                }
                case REJECTED -> {
                    int why = in.readUnsignedByte();
                    if (why >= SafekeeperReply.Why.values().length) {
                        throw corrupt("unknown rejection " + why);
                    }
                    yield new SafekeeperReply.Rejected(SafekeeperReply.Why.values()[why],
                            new String(bytes(in), StandardCharsets.UTF_8));
                }
                default -> throw corrupt("unknown safekeeper reply tag " + tag);
            };
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static <T> T read(InputStream bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(bytes)) {
            return reader.read(in);
        } catch (EOFException e) {
            throw corrupt("truncated safekeeper message");
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not read safekeeper message: " + e.getMessage(), e);
        }
    }

    private static void timeline(DataOutputStream out, TimelineId timeline) throws IOException {
        out.writeLong(timeline.high());
        out.writeLong(timeline.low());
    }

    private static void state(DataOutputStream out, SafekeeperReply.TimelineState s) throws IOException {
        out.writeLong(s.generation());
        out.writeLong(s.startLsn().value());
        out.writeLong(s.endLsn().value());
        out.writeLong(s.trimmedUpTo().value());
    }

    private static SafekeeperReply.TimelineState state(DataInputStream in) throws IOException {
        return new SafekeeperReply.TimelineState(in.readLong(), lsn(in), lsn(in), lsn(in));
    }

    private static Lsn lsn(DataInputStream in) throws IOException {
        long value = in.readLong();
        if (value < 0) {
            throw corrupt("negative LSN in safekeeper message");
        }
        return Lsn.of(value);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw corrupt("negative length in safekeeper message");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    private static StorageException corrupt(String message) {
        return new StorageException(StorageException.Reason.CORRUPTED, message);
    }
}
