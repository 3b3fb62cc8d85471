package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.List;

/** box: "(high),(low)" with the corners reordered so the first is upper right; binary four float8. */
public final class BoxType extends AbstractPgType<PgBox> {

    public static final BoxType INSTANCE = new BoxType();

    private BoxType() {
        super(603, PgBox.class);
    }

    @Override
    public PgBox parseText(String text, FormatSettings settings) {
        List<PgPoint> p = GeometricText.fixedPoints(text, "box", false, 2);
        return reorder(p.get(0), p.get(1));
    }

    /** box_in keeps each coordinate unless the second is larger (float8_lt, so NaN stays put). */
    private static PgBox reorder(PgPoint high, PgPoint low) {
        boolean swapX = lt(high.x(), low.x());
        boolean swapY = lt(high.y(), low.y());
        return new PgBox(new PgPoint(swapX ? low.x() : high.x(), swapY ? low.y() : high.y()),
                new PgPoint(swapX ? high.x() : low.x(), swapY ? high.y() : low.y()));
    }

    private static boolean lt(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
    }

    @Override
    public String formatText(PgBox value, FormatSettings settings) {
        return GeometricText.encode("", List.of(value.high(), value.low()), "", settings);
    }

    @Override
    public PgBox decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 32);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return reorder(new PgPoint(in.getDouble(), in.getDouble()), new PgPoint(in.getDouble(), in.getDouble()));
    }

    @Override
    public byte[] encodeBinary(PgBox v) {
        return ByteBuffer.allocate(32).putDouble(v.high().x()).putDouble(v.high().y()).putDouble(v.low().x())
                .putDouble(v.low().y()).array();
    }
}
