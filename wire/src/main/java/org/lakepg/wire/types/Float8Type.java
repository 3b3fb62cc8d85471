package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** float8 (double precision). */
public final class Float8Type extends AbstractPgType<Double> {

    public static final Float8Type INSTANCE = new Float8Type();

    private Float8Type() {
        super(701, Double.class);
    }

    @Override
    public Double parseText(String text, FormatSettings settings) {
        return FloatText.parse(text, false);
    }

    @Override
    public String formatText(Double value, FormatSettings settings) {
        return FloatText.format(value, false, settings.extraFloatDigits());
    }

    @Override
    public Double decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 8);
        return ByteBuffer.wrap(bytes).getDouble();
    }

    @Override
    public byte[] encodeBinary(Double value) {
        // raw bits: PostgreSQL sends the sign of -NaN too
        return ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(value)).array();
    }
}
