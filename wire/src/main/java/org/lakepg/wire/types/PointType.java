package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** point: "(x,y)"; binary two float8. */
public final class PointType extends AbstractPgType<PgPoint> {

    public static final PointType INSTANCE = new PointType();

    private PointType() {
        super(600, PgPoint.class);
    }

    @Override
    public PgPoint parseText(String text, FormatSettings settings) {
        GeometricText in = new GeometricText(text, "point");
        PgPoint p = in.pair();
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        return p;
    }

    @Override
    public String formatText(PgPoint value, FormatSettings settings) {
        StringBuilder out = new StringBuilder();
        GeometricText.appendPoint(out, value, settings);
        return out.toString();
    }

    @Override
    public PgPoint decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 16);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new PgPoint(in.getDouble(), in.getDouble());
    }

    @Override
    public byte[] encodeBinary(PgPoint value) {
        return ByteBuffer.allocate(16).putDouble(value.x()).putDouble(value.y()).array();
    }
}
