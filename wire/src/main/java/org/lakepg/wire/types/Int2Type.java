package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** int2 (smallint). */
public final class Int2Type extends AbstractPgType<Short> {

    public static final Int2Type INSTANCE = new Int2Type();

    private Int2Type() {
        super(21, Short.class);
    }

    @Override
    public Short parseText(String text, FormatSettings settings) {
        return (short) IntegerTypes.parse(text, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    @Override
    public String formatText(Short value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public Short decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 2);
        return ByteBuffer.wrap(bytes).getShort();
    }

    @Override
    public byte[] encodeBinary(Short value) {
        return ByteBuffer.allocate(2).putShort(value).array();
    }
}
