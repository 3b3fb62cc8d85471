package org.lakepg.wire.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The name/value list of a StartupMessage, validated like postmaster.c's ProcessStartupPacket. */
final class StartupParameters {
    private StartupParameters() {
    }

    static Map<String, String> read(ByteBuf body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            String name = readString(body);
            if (name == null) {
                throw badLayout();
            }
            if (name.isEmpty()) {
                if (body.isReadable()) {
                    throw badLayout(); // the terminator must be the packet's last byte
                }
                return parameters;
            }
            String value = readString(body);
            if (value == null) {
                throw badLayout();
            }
            parameters.put(name, value);
        }
    }

    private static PgException badLayout() {
        return PgException.of(SqlState.PROTOCOL_VIOLATION, "invalid startup packet layout: expected terminator as last byte");
    }

    private static String readString(ByteBuf body) {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            body.skipBytes(body.readableBytes());
            return null;
        }
        String value = body.toString(body.readerIndex(), end - body.readerIndex(), StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return value;
    }
}
