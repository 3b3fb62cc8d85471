package org.lakepg.wire.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Stateless-per-message framing of the client's byte stream into {@link FrontendMessage}s: first
 * untyped startup packets, then typed messages. Length limits follow PostgreSQL 15 (postmaster.c,
 * postgres.c SocketBackend); after a fatal framing error the rest of the input is discarded.
 */
public final class FrontendDecoder extends ByteToMessageDecoder {
    /** MAX_STARTUP_PACKET_LENGTH. */
    static final int MAX_STARTUP_PACKET_LENGTH = 10000;
    /** PQ_SMALL_MESSAGE_LIMIT: for messages that never carry user data. */
    static final int SMALL_MESSAGE_LIMIT = 10000;
    /** PG_MAX_AUTH_TOKEN_LENGTH: every message before authentication ends. */
    static final int AUTH_MESSAGE_LIMIT = 65535;

    private enum Phase { STARTUP, AUTHENTICATING, READY, DONE }

    private final int maxMessageSize;
    private volatile Phase phase = Phase.STARTUP;
    private boolean sslRequested;
    private boolean gssRequested;

    public FrontendDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** Called once authentication succeeded: typed messages get their full meaning and size limits. */
    public void authenticated() {
        if (phase == Phase.AUTHENTICATING) {
            phase = Phase.READY;
        }
    }

    /**
     * Frames every complete message in {@code in} (a reader outside Netty's pipeline, such as a worker that reads
     * its socket itself); an incomplete message stays in {@code in} until more bytes arrive.
     */
    public void decodeAvailable(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int readable = in.readableBytes();
            int produced = out.size();
            decode(null, in, out);
            if (out.size() == produced && in.readableBytes() == readable) {
                return;
            }
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (phase) {
            case STARTUP -> decodeStartupPacket(in, out);
            case AUTHENTICATING, READY -> decodeTypedMessage(in, out);
            case DONE -> in.skipBytes(in.readableBytes());
        }
    }

    private void decodeStartupPacket(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            fail(in, out, null); // "invalid length of startup packet" is only logged by PostgreSQL
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        ByteBuf body = in.readSlice(length - 4);
        int code = body.readInt();
        switch (code) {
            case StartupCodes.SSL_REQUEST -> {
                if (!sslRequested) {
                    sslRequested = true;
                    if (in.isReadable()) {
                        // bytes after SSLRequest were sent before our answer: never let them pass unencrypted
                        fail(in, out, PgException.of(SqlState.PROTOCOL_VIOLATION,
                                "received unencrypted data after SSL request").withDetail(
                                "This could be either a client-software bug or evidence of an attempted man-in-the-middle attack."));
                        return;
                    }
                    out.add(new FrontendMessage.SslRequest());
                    return;
                }
            }
            case StartupCodes.GSSENC_REQUEST -> {
                if (!gssRequested) {
                    gssRequested = true;
                    out.add(new FrontendMessage.GssEncRequest());
                    return;
                }
            }
            case StartupCodes.CANCEL_REQUEST -> {
                if (length == 16) {
                    out.add(new FrontendMessage.CancelRequest(body.readInt(), body.readInt()));
                }
                fail(in, out, null);
                return;
            }
            default -> {
            }
        }
        decodeStartupMessage(code, body, in, out);
    }

    private void decodeStartupMessage(int version, ByteBuf body, ByteBuf in, List<Object> out) {
        int major = version >>> 16;
        if (major != 3) {
            PgException error = PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "unsupported frontend protocol %d.%d: server supports 3.0 to 3.0", major, version & 0xFFFF);
            in.skipBytes(in.readableBytes());
            out.add(new FrontendMessage.Fatal(error, major < 3));
            phase = Phase.DONE;
            return;
        }
        try {
            out.add(new FrontendMessage.Startup(version, StartupParameters.read(body)));
            phase = Phase.AUTHENTICATING;
        } catch (PgException e) {
            fail(in, out, e);
        }
    }

    private void decodeTypedMessage(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 1) {
            return;
        }
        byte type = in.getByte(in.readerIndex());
        int limit;
        if (phase == Phase.AUTHENTICATING) {
            limit = AUTH_MESSAGE_LIMIT;
        } else {
            limit = MessageTypes.sizeLimit(type, maxMessageSize);
            if (limit < 0) {
                fail(in, out, PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid frontend message type %d", type));
                return;
            }
        }
        if (in.readableBytes() < 5) {
            return;
        }
        int length = in.getInt(in.readerIndex() + 1);
        if (length < 4 || length > limit) {
            fail(in, out, null); // "invalid message length" is only logged by PostgreSQL
            return;
        }
        if (in.readableBytes() < 1 + length) {
            return;
        }
        in.skipBytes(5);
        ByteBuf body = in.readSlice(length - 4);
        if (phase == Phase.AUTHENTICATING) {
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            out.add(new FrontendMessage.AuthenticationResponse(type, bytes));
            return;
        }
        try {
            out.add(MessageBodies.read(type, new MessageReader(body)));
        } catch (PgException e) {
            out.add(new FrontendMessage.Malformed(type, e));
        }
    }

    /**
     * A message the client pipelined behind its authentication, framed before the decoder learned
     * that authentication succeeded: give it the meaning and checks it gets after authentication.
     */
    public FrontendMessage reinterpret(FrontendMessage.AuthenticationResponse early) {
        int limit = MessageTypes.sizeLimit(early.type(), maxMessageSize);
        if (limit < 0) {
            return new FrontendMessage.Fatal(
                    PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid frontend message type %d", early.type()), false);
        }
        if (early.body().length + 4 > limit) {
            return new FrontendMessage.Fatal(null, false);
        }
        try {
            return MessageBodies.read(early.type(), new MessageReader(Unpooled.wrappedBuffer(early.body())));
        } catch (PgException e) {
            return new FrontendMessage.Malformed(early.type(), e);
        }
    }

    private void fail(ByteBuf in, List<Object> out, PgException error) {
        in.skipBytes(in.readableBytes());
        phase = Phase.DONE;
        out.add(new FrontendMessage.Fatal(error, false));
    }
}
