package org.lakepg.wire.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Reads the fields of one message body with PostgreSQL's errors for malformed input (pqformat.c). */
final class MessageReader {
    private final ByteBuf body;

    MessageReader(ByteBuf body) {
        this.body = body;
    }

    byte readByte() {
        need(1);
        return body.readByte();
    }

    short readShort() {
        need(2);
        return body.readShort();
    }

    int readInt() {
        need(4);
        return body.readInt();
    }

    byte[] readBytes(int length) {
        if (length < 0) {
            throw insufficientData();
        }
        need(length);
        byte[] bytes = new byte[length];
        body.readBytes(bytes);
        return bytes;
    }

    /** A NUL-terminated string. */
    String readString() {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid string in message");
        }
        String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return value;
    }

    byte[] readRemaining() {
        return readBytes(body.readableBytes());
    }

    /** The message must be fully consumed. */
    void end() {
        if (body.isReadable()) {
            throw PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid message format");
        }
    }

    private void need(int bytes) {
        if (body.readableBytes() < bytes) {
            throw insufficientData();
        }
    }

    private static PgException insufficientData() {
        return PgException.of(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
    }
}
