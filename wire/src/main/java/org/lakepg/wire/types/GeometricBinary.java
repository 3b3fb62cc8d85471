package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Lists of points in the binary forms of path and polygon: x and y as float8 each. */
final class GeometricBinary {

    private GeometricBinary() {
    }

    static List<PgPoint> points(ByteBuffer in, int npts) {
        if (in.remaining() < 16L * npts) {
            throw TypeErrors.insufficientData();
        }
        List<PgPoint> points = new ArrayList<>(npts);
        for (int i = 0; i < npts; i++) {
            points.add(new PgPoint(in.getDouble(), in.getDouble()));
        }
        if (in.hasRemaining()) {
            throw TypeErrors.excessData();
        }
        return points;
    }

    static void putPoints(ByteBuffer out, List<PgPoint> points) {
        for (PgPoint p : points) {
            out.putDouble(p.x()).putDouble(p.y());
        }
    }
}
