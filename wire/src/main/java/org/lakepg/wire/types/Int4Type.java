package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** int4 (integer). */
public final class Int4Type extends AbstractPgType<Integer> {

    public static final Int4Type INSTANCE = new Int4Type();

    private Int4Type() {
        super(23, Integer.class);
    }

    @Override
    public Integer parseText(String text, FormatSettings settings) {
        return (int) IntegerTypes.parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    @Override
    public String formatText(Integer value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public Integer decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 4);
        return ByteBuffer.wrap(bytes).getInt();
    }

    @Override
    public byte[] encodeBinary(Integer value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
