package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** polygon: "((x,y),...)"; binary int4 count and the points (the bounding box is recomputed). */
public final class PolygonType extends AbstractPgType<PgPolygon> {

    public static final PolygonType INSTANCE = new PolygonType();

    private PolygonType() {
        super(604, PgPolygon.class);
    }

    @Override
    public PgPolygon parseText(String text, FormatSettings settings) {
        int npts = GeometricText.pairCount(text);
        GeometricText in = new GeometricText(text, "polygon");
        if (npts <= 0) {
            throw in.syntaxError();
        }
        List<PgPoint> points = new ArrayList<>(npts);
        in.points(false, npts, points);
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        return PgPolygon.of(points);
    }

    @Override
    public String formatText(PgPolygon v, FormatSettings settings) {
        return GeometricText.encode("(", v.points(), ")", settings);
    }

    @Override
    public PgPolygon decodeBinary(byte[] bytes) {
        if (bytes.length < 4) {
            throw TypeErrors.insufficientData();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int npts = in.getInt();
        if (npts <= 0 || npts >= (Integer.MAX_VALUE - 40) / 16) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                    "invalid number of points in external \"polygon\" value");
        }
        return PgPolygon.of(GeometricBinary.points(in, npts));
    }

    @Override
    public byte[] encodeBinary(PgPolygon v) {
        ByteBuffer out = ByteBuffer.allocate(4 + 16 * v.points().size());
        out.putInt(v.points().size());
        GeometricBinary.putPoints(out, v.points());
        return out.array();
    }
}
