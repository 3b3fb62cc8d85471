package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** line: "{A,B,C}", or two distinct points it passes through; binary three float8. */
public final class LineType extends AbstractPgType<PgLine> {

    public static final LineType INSTANCE = new LineType();
    private static final double EPSILON = 1.0E-06;

    private LineType() {
        super(628, PgLine.class);
    }

    @Override
    public PgLine parseText(String text, FormatSettings settings) {
        GeometricText in = new GeometricText(text, "line");
        in.skipSpaces();
        if (in.peek() == '{') {
            in.pos++;
            double a = in.number();
            in.expect(',');
            double b = in.number();
            in.expect(',');
            double c = in.number();
            in.expect('}');
            in.skipSpaces();
            if (!in.atEnd()) {
                throw in.syntaxError();
            }
            if (Math.abs(a) <= EPSILON && Math.abs(b) <= EPSILON) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "invalid line specification: A and B cannot both be zero");
            }
            return new PgLine(a, b, c);
        }
        List<PgPoint> p = GeometricText.fixedPoints(text, "line", true, 2);
        if (samePoint(p.get(0), p.get(1))) {
            throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid line specification: must be two distinct points");
        }
        return throughPoints(p.get(0), p.get(1));
    }

    /** point_eq_point: within EPSILON, but exactly (NaN equal to NaN) when a NaN is involved. */
    private static boolean samePoint(PgPoint a, PgPoint b) {
        if (Double.isNaN(a.x()) || Double.isNaN(a.y()) || Double.isNaN(b.x()) || Double.isNaN(b.y())) {
            return Double.compare(a.x(), b.x()) == 0 && Double.compare(a.y(), b.y()) == 0;
        }
        return eq(a.x(), b.x()) && eq(a.y(), b.y());
    }

    private static boolean eq(double a, double b) {
        return a == b || Math.abs(a - b) <= EPSILON;
    }

    /** line_construct with the slope of the two points (point_sl), as line_in does. */
    private static PgLine throughPoints(PgPoint p1, PgPoint p2) {
        double m = eq(p1.x(), p2.x()) ? Double.POSITIVE_INFINITY
                : eq(p1.y(), p2.y()) ? 0.0 : (p1.y() - p2.y()) / (p1.x() - p2.x());
        if (Double.isInfinite(m)) {
            return new PgLine(-1.0, 0.0, p1.x());
        }
        if (m == 0) {
            return new PgLine(0.0, -1.0, p1.y());
        }
        double c = p1.y() - m * p1.x();
        return new PgLine(m, -1.0, c == 0.0 ? 0.0 : c);
    }

    @Override
    public String formatText(PgLine v, FormatSettings settings) {
        return "{" + GeometricText.number(v.a(), settings) + "," + GeometricText.number(v.b(), settings) + ","
                + GeometricText.number(v.c(), settings) + "}";
    }

    @Override
    public PgLine decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 24);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        PgLine line = new PgLine(in.getDouble(), in.getDouble(), in.getDouble());
        if (Math.abs(line.a()) <= EPSILON && Math.abs(line.b()) <= EPSILON) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                    "invalid line specification: A and B cannot both be zero");
        }
        return line;
    }

    @Override
    public byte[] encodeBinary(PgLine v) {
        return ByteBuffer.allocate(24).putDouble(v.a()).putDouble(v.b()).putDouble(v.c()).array();
    }
}
