package org.lakepg.wire.types;

import java.util.List;

/** A polygon value (POLYGON): its points and their bounding box, which PostgreSQL keeps with them. */
public record PgPolygon(List<PgPoint> points, PgBox boundBox) {

    public PgPolygon {
        points = List.copyOf(points);
    }

    /** A polygon over these points with its bounding box computed (make_bound_box; NaN never wins). */
    public static PgPolygon of(List<PgPoint> points) {
        double x1 = points.get(0).x();
        double x2 = x1;
        double y1 = points.get(0).y();
        double y2 = y1;
        for (PgPoint p : points.subList(1, points.size())) {
            if (lt(p.x(), x1)) {
                x1 = p.x();
            }
            if (lt(x2, p.x())) {
                x2 = p.x();
            }
            if (lt(p.y(), y1)) {
                y1 = p.y();
            }
            if (lt(y2, p.y())) {
                y2 = p.y();
            }
        }
        return new PgPolygon(points, new PgBox(new PgPoint(x2, y2), new PgPoint(x1, y1)));
    }

    /** float8_lt: NaN sorts above every number. */
    private static boolean lt(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
    }
}
