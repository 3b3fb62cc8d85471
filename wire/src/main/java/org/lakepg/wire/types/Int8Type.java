package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** int8 (bigint). */
public final class Int8Type extends AbstractPgType<Long> {

    public static final Int8Type INSTANCE = new Int8Type();

    private Int8Type() {
        super(20, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        return IntegerTypes.parse(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return value.toString();
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
