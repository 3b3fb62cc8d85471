package org.lakepg.wire.protocol.testengine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Text and binary forms of the test engine's two types, int4 and text (everything else is text). */
final class TestValues {
    private TestValues() {
    }

    static String decode(byte[] value, int type, short format) {
        if (value == null) {
            return null;
        }
        if (format == 1 && type == TestCommand.INT4) {
            if (value.length != 4) {
                throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                        "incorrect binary data format in bind parameter 1");
            }
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    static byte[] encode(String value, int type, short format) {
        if (value == null) {
            return null;
        }
        if (format == 1 && type == TestCommand.INT4) {
            return ByteBuffer.allocate(4).putInt(Integer.parseInt(value)).array();
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
