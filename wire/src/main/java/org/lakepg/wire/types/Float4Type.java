package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** float4 (real). */
public final class Float4Type extends AbstractPgType<Float> {

    public static final Float4Type INSTANCE = new Float4Type();

    private Float4Type() {
        super(700, Float.class);
    }

    @Override
    public Float parseText(String text, FormatSettings settings) {
        return (float) FloatText.parse(text, true);
    }

    @Override
    public String formatText(Float value, FormatSettings settings) {
        return FloatText.format(value, true, settings.extraFloatDigits());
    }

    @Override
    public Float decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 4);
        return ByteBuffer.wrap(bytes).getFloat();
    }

    @Override
    public byte[] encodeBinary(Float value) {
        // raw bits: PostgreSQL sends the sign of -NaN too
        return ByteBuffer.allocate(4).putInt(Float.floatToRawIntBits(value)).array();
    }
}
