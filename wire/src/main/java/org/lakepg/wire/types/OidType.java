package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/**
 * oid: an unsigned 32-bit number held in a Long. Like PostgreSQL's strtoul-based input,
 * negative values down to -2147483648 are accepted and wrap ("-1" is 4294967295).
 */
public final class OidType extends AbstractPgType<Long> {

    public static final OidType INSTANCE = new OidType();

    private OidType() {
        super(26, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        long value = IntegerTypes.parse(text, Integer.MIN_VALUE, 0xFFFFFFFFL, "oid");
        return value & 0xFFFFFFFFL;
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return Long.toString(value & 0xFFFFFFFFL);
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 4);
        return ByteBuffer.wrap(bytes).getInt() & 0xFFFFFFFFL;
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(4).putInt((int) (long) value).array();
    }
}
