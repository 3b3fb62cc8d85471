package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;

import java.util.List;
import org.lakepg.wire.types.PgBox;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPoint;

/**
 * Box and polygon primitives of geo_ops.c built on {@link GeometricMath}: box measures and
 * relations, closest points on a box, and point-in-polygon by counting crossings of a ray.
 */
final class GeometricShapes {
    private GeometricShapes() {}

    // ---- boxes

    static double width(PgBox b) {
        return mi(b.high().x(), b.low().x());
    }

    static double height(PgBox b) {
        return mi(b.high().y(), b.low().y());
    }

    static double area(PgBox b) {
        return mul(width(b), height(b));
    }

    static PgPoint center(PgBox b) {
        return new PgPoint(div(pl(b.high().x(), b.low().x()), 2.0), div(pl(b.high().y(), b.low().y()), 2.0));
    }

    static boolean overlaps(PgBox a, PgBox b) {
        return fpLe(a.low().x(), b.high().x()) && fpLe(b.low().x(), a.high().x())
                && fpLe(a.low().y(), b.high().y()) && fpLe(b.low().y(), a.high().y());
    }

    static boolean containsBox(PgBox outer, PgBox inner) {
        return fpGe(outer.high().x(), inner.high().x()) && fpLe(outer.low().x(), inner.low().x())
                && fpGe(outer.high().y(), inner.high().y()) && fpLe(outer.low().y(), inner.low().y());
    }

    static boolean containsPoint(PgBox b, PgPoint p) {
        return b.high().x() >= p.x() && b.low().x() <= p.x() && b.high().y() >= p.y() && b.low().y() <= p.y();
    }

    /** The four sides in PostgreSQL's order: left, top, bottom, right (the order decides ties). */
    static List<PgLseg> sides(PgBox b) {
        PgPoint upperLeft = new PgPoint(b.low().x(), b.high().y());
        PgPoint lowerRight = new PgPoint(b.high().x(), b.low().y());
        return List.of(new PgLseg(b.low(), upperLeft), new PgLseg(b.high(), upperLeft),
                new PgLseg(b.low(), lowerRight), new PgLseg(b.high(), lowerRight));
    }

    /** box_closept_point. */
    static double boxClosestToPoint(PgPoint[] result, PgBox box, PgPoint pt) {
        if (containsPoint(box, pt)) {
            if (result != null) {
                result[0] = pt;
            }
            return 0.0;
        }
        double dist = Double.NaN;
        boolean first = true;
        PgPoint[] closest = new PgPoint[1];
        for (PgLseg side : sides(box)) {
            double d = segmentClosestToPoint(closest, side, pt);
            if (first || lt(d, dist)) {
                dist = d;
                if (result != null) {
                    result[0] = closest[0];
                }
                first = false;
            }
        }
        return dist;
    }

    /** box_interpt_lseg: whether they meet; result[0] is the segment's point closest to the box's center. */
    static boolean boxMeetsSegment(PgPoint[] result, PgBox box, PgLseg s) {
        PgBox bounds = new PgBox(new PgPoint(max(s.p1().x(), s.p2().x()), max(s.p1().y(), s.p2().y())),
                new PgPoint(min(s.p1().x(), s.p2().x()), min(s.p1().y(), s.p2().y())));
        if (!overlaps(bounds, box)) {
            return false;
        }
        if (result != null) {
            segmentClosestToPoint(result, s, center(box));
        }
        if (containsPoint(box, s.p1()) || containsPoint(box, s.p2())) {
            return true;
        }
        for (PgLseg side : sides(box)) {
            if (segmentIntersection(side, s) != null) {
                return true;
            }
        }
        return false;
    }

    /** box_closept_lseg. */
    static double boxClosestToSegment(PgPoint[] result, PgBox box, PgLseg s) {
        if (boxMeetsSegment(result, box, s)) {
            return 0.0;
        }
        double dist = Double.NaN;
        boolean first = true;
        PgPoint[] closest = new PgPoint[1];
        for (PgLseg side : sides(box)) {
            double d = segmentClosestToSegment(closest, side, s);
            if (first || lt(d, dist)) {
                dist = d;
                if (result != null) {
                    result[0] = closest[0];
                }
                first = false;
            }
        }
        return dist;
    }

    // ---- polygons and closed paths

    private static final int ON_POLYGON = Integer.MAX_VALUE;

    /** point_inside: 0 outside, 1 inside, 2 on the border (a horizontal ray's crossings). */
    static int pointInside(PgPoint p, List<PgPoint> plist) {
        double x0 = mi(plist.get(0).x(), p.x());
        double y0 = mi(plist.get(0).y(), p.y());
        double prevX = x0;
        double prevY = y0;
        int total = 0;
        for (int i = 1; i < plist.size(); i++) {
            double x = mi(plist.get(i).x(), p.x());
            double y = mi(plist.get(i).y(), p.y());
            int cross = crossing(x, y, prevX, prevY);
            if (cross == ON_POLYGON) {
                return 2;
            }
            total += cross;
            prevX = x;
            prevY = y;
        }
        int cross = crossing(x0, y0, prevX, prevY);
        if (cross == ON_POLYGON) {
            return 2;
        }
        total += cross;
        return total != 0 ? 1 : 0;
    }

    /** lseg_crossing: how the segment from prev to (x,y) crosses the positive X axis. */
    private static int crossing(double x, double y, double prevX, double prevY) {
        if (fpZero(y)) {
            if (fpZero(x)) {
                return ON_POLYGON;
            } else if (fpGt(x, 0)) {
                if (fpZero(prevY)) {
                    return fpGt(prevX, 0.0) ? 0 : ON_POLYGON;
                }
                return fpLt(prevY, 0.0) ? 1 : -1;
            } else {
                if (fpZero(prevY)) {
                    return fpLt(prevX, 0.0) ? 0 : ON_POLYGON;
                }
                return 0;
            }
        }
        int ySign = fpGt(y, 0.0) ? 1 : -1;
        if (fpZero(prevY)) {
            return fpLt(prevX, 0.0) ? 0 : ySign;
        } else if ((ySign < 0 && fpLt(prevY, 0.0)) || (ySign > 0 && fpGt(prevY, 0.0))) {
            return 0;
        }
        if (fpGe(x, 0.0) && fpGt(prevX, 0.0)) {
            return 2 * ySign;
        }
        if (fpLt(x, 0.0) && fpLe(prevX, 0.0)) {
            return 0;
        }
        double z = mi(mul(mi(x, prevX), y), mul(mi(y, prevY), x));
        if (fpZero(z)) {
            return ON_POLYGON;
        }
        if ((ySign < 0 && fpLt(z, 0.0)) || (ySign > 0 && fpGt(z, 0.0))) {
            return 0;
        }
        return 2 * ySign;
    }
}
