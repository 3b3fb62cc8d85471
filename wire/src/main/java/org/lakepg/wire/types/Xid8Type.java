package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** xid8: an unsigned 64-bit transaction id in a Long (printed unsigned); input as strtoul. */
public final class Xid8Type extends AbstractPgType<Long> {

    public static final Xid8Type INSTANCE = new Xid8Type();

    private Xid8Type() {
        super(5069, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        return CStrings.strtoul(text, 0);
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return Long.toUnsignedString(value);
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 8);
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
