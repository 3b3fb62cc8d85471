package org.lakepg.server.function.scalar;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgLine;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPoint;

/**
 * The arithmetic PostgreSQL's geometric operators share (geo_decls.h and geo_ops.c): fuzzy
 * comparisons within EPSILON, float8 arithmetic with overflow checks, and the point, line and
 * segment primitives the other shapes are built from.
 */
final class GeometricMath {
    private GeometricMath() {}

    static final double EPSILON = 1.0E-06;

    static boolean fpZero(double a) {
        return Math.abs(a) <= EPSILON;
    }

    static boolean fpEq(double a, double b) {
        return a == b || Math.abs(a - b) <= EPSILON;
    }

    static boolean fpNe(double a, double b) {
        return a != b && Math.abs(a - b) > EPSILON;
    }

    static boolean fpLt(double a, double b) {
        return b - a > EPSILON;
    }

    static boolean fpLe(double a, double b) {
        return a - b <= EPSILON;
    }

    static boolean fpGt(double a, double b) {
        return a - b > EPSILON;
    }

    static boolean fpGe(double a, double b) {
        return b - a <= EPSILON;
    }

    /** float8_lt and friends: NaN sorts above every number. */
    static boolean lt(double a, double b) {
        return FloatFunctions.compare(a, b) < 0;
    }

    static boolean gt(double a, double b) {
        return FloatFunctions.compare(a, b) > 0;
    }

    static double min(double a, double b) {
        return lt(a, b) ? a : b;
    }

    static double max(double a, double b) {
        return gt(a, b) ? a : b;
    }

    static double pl(double a, double b) {
        double r = a + b;
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw FloatFunctions.overflow();
        }
        return r;
    }

    static double mi(double a, double b) {
        double r = a - b;
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw FloatFunctions.overflow();
        }
        return r;
    }

    static double mul(double a, double b) {
        double r = a * b;
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw FloatFunctions.overflow();
        }
        if (r == 0.0 && a != 0.0 && b != 0.0) {
            throw FloatFunctions.underflow();
        }
        return r;
    }

    static double div(double a, double b) {
        if (b == 0.0 && !Double.isNaN(a)) {
            throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        double r = a / b;
        if (Double.isInfinite(r) && !Double.isInfinite(a)) {
            throw FloatFunctions.overflow();
        }
        if (r == 0.0 && a != 0.0 && !Double.isInfinite(b)) {
            throw FloatFunctions.underflow();
        }
        return r;
    }

    // ---- points

    /** point_eq_point: fuzzy, but exact (NaN equal to NaN) once a NaN is involved. */
    static boolean pointEq(PgPoint a, PgPoint b) {
        if (Double.isNaN(a.x()) || Double.isNaN(a.y()) || Double.isNaN(b.x()) || Double.isNaN(b.y())) {
            return FloatFunctions.compare(a.x(), b.x()) == 0 && FloatFunctions.compare(a.y(), b.y()) == 0;
        }
        return fpEq(a.x(), b.x()) && fpEq(a.y(), b.y());
    }

    static double distance(PgPoint a, PgPoint b) {
        return hypot(mi(a.x(), b.x()), mi(a.y(), b.y()));
    }

    /**
     * PostgreSQL 15's pg_hypot: x * sqrt(1 + (y/x)^2) with the larger magnitude as x. Its last
     * bit differs from C's (and Java's) hypot, and the printed distances show it.
     */
    static double hypot(double x, double y) {
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        x = Math.abs(x);
        y = Math.abs(y);
        if (x < y) {
            double t = x;
            x = y;
            y = t;
        }
        if (y == 0.0) {
            return x;
        }
        double yx = y / x;
        double result = x * Math.sqrt(1.0 + yx * yx);
        if (Double.isInfinite(result)) {
            throw FloatFunctions.overflow();
        }
        if (result == 0.0) {
            throw FloatFunctions.underflow();
        }
        return result;
    }

    /** point_sl: infinite for a vertical pair (and for the same point). */
    static double slope(PgPoint a, PgPoint b) {
        if (fpEq(a.x(), b.x())) {
            return Double.POSITIVE_INFINITY;
        }
        if (fpEq(a.y(), b.y())) {
            return 0.0;
        }
        return div(mi(a.y(), b.y()), mi(a.x(), b.x()));
    }

    /** point_invsl: the slope of the perpendicular. */
    static double inverseSlope(PgPoint a, PgPoint b) {
        if (fpEq(a.x(), b.x())) {
            return 0.0;
        }
        if (fpEq(a.y(), b.y())) {
            return Double.POSITIVE_INFINITY;
        }
        return div(mi(a.x(), b.x()), mi(b.y(), a.y()));
    }

    static PgPoint add(PgPoint a, PgPoint b) {
        return new PgPoint(pl(a.x(), b.x()), pl(a.y(), b.y()));
    }

    static PgPoint sub(PgPoint a, PgPoint b) {
        return new PgPoint(mi(a.x(), b.x()), mi(a.y(), b.y()));
    }

    /** Complex multiplication: rotation and scaling. */
    static PgPoint mul(PgPoint a, PgPoint b) {
        return new PgPoint(mi(mul(a.x(), b.x()), mul(a.y(), b.y())), pl(mul(a.x(), b.y()), mul(a.y(), b.x())));
    }

    static PgPoint div(PgPoint a, PgPoint b) {
        double d = pl(mul(b.x(), b.x()), mul(b.y(), b.y()));
        return new PgPoint(div(pl(mul(a.x(), b.x()), mul(a.y(), b.y())), d),
                div(mi(mul(a.y(), b.x()), mul(a.x(), b.y())), d));
    }

    // ---- lines

    /** line_construct: the line through a point with a slope. */
    static PgLine line(PgPoint p, double m) {
        if (Double.isInfinite(m)) {
            return new PgLine(-1.0, 0.0, p.x());
        }
        if (m == 0) {
            return new PgLine(0.0, -1.0, p.y());
        }
        double c = mi(p.y(), mul(m, p.x()));
        return new PgLine(m, -1.0, c == 0.0 ? 0.0 : c);
    }

    static double lineSlope(PgLine l) {
        if (fpZero(l.a())) {
            return 0.0;
        }
        if (fpZero(l.b())) {
            return Double.POSITIVE_INFINITY;
        }
        return div(l.a(), -l.b());
    }

    static double lineInverseSlope(PgLine l) {
        if (fpZero(l.a())) {
            return Double.POSITIVE_INFINITY;
        }
        if (fpZero(l.b())) {
            return 0.0;
        }
        return div(l.b(), l.a());
    }

    /** line_interpt_line: the crossing point, or null when the lines are parallel (or the same). */
    static PgPoint intersection(PgLine l1, PgLine l2) {
        double x;
        double y;
        if (!fpZero(l1.b())) {
            if (fpEq(l2.a(), mul(l1.a(), div(l2.b(), l1.b())))) {
                return null;
            }
            x = div(mi(mul(l1.b(), l2.c()), mul(l2.b(), l1.c())), mi(mul(l1.a(), l2.b()), mul(l2.a(), l1.b())));
            y = div(-pl(mul(l1.a(), x), l1.c()), l1.b());
        } else if (!fpZero(l2.b())) {
            if (fpEq(l1.a(), mul(l2.a(), div(l1.b(), l2.b())))) {
                return null;
            }
            x = div(mi(mul(l2.b(), l1.c()), mul(l1.b(), l2.c())), mi(mul(l2.a(), l1.b()), mul(l1.a(), l2.b())));
            y = div(-pl(mul(l2.a(), x), l2.c()), l2.b());
        } else {
            return null;
        }
        return new PgPoint(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
    }

    static boolean lineContains(PgLine l, PgPoint p) {
        return fpZero(pl(pl(mul(l.a(), p.x()), mul(l.b(), p.y())), l.c()));
    }

    /** line_closept_point: the foot of the perpendicular (result[0]) and its distance (NaN when none). */
    static double lineClosest(PgPoint[] result, PgLine line, PgPoint point) {
        PgPoint closest = intersection(line(point, lineInverseSlope(line)), line);
        if (closest == null) {
            if (result != null) {
                result[0] = point;
            }
            return Double.NaN;
        }
        if (result != null) {
            result[0] = closest;
        }
        return distance(closest, point);
    }

    // ---- segments

    static PgLine lineOf(PgLseg s) {
        return line(s.p1(), slope(s.p1(), s.p2()));
    }

    /** lseg_contain_point: by the triangle inequality, which tolerates rounding. */
    static boolean segmentContains(PgLseg s, PgPoint p) {
        return fpEq(distance(p, s.p1()) + distance(p, s.p2()), distance(s.p1(), s.p2()));
    }

    /** lseg_interpt_line: where the segment meets the line, or null. */
    static PgPoint segmentLineIntersection(PgLseg s, PgLine line) {
        PgPoint p = intersection(lineOf(s), line);
        if (p == null || !segmentContains(s, p)) {
            return null;
        }
        if (pointEq(s.p1(), p)) {
            return s.p1();
        }
        if (pointEq(s.p2(), p)) {
            return s.p2();
        }
        return p;
    }

    /** lseg_interpt_lseg: where two segments meet, or null. */
    static PgPoint segmentIntersection(PgLseg l1, PgLseg l2) {
        PgPoint p = segmentLineIntersection(l1, lineOf(l2));
        return p == null || !segmentContains(l2, p) ? null : p;
    }

    /** lseg_closept_point: the closest point of the segment (result[0]) and its distance. */
    static double segmentClosestToPoint(PgPoint[] result, PgLseg s, PgPoint pt) {
        PgLine perpendicular = line(pt, inverseSlope(s.p1(), s.p2()));
        PgPoint[] closest = new PgPoint[1];
        segmentClosestToLine(closest, s, perpendicular);
        if (result != null) {
            result[0] = closest[0];
        }
        return distance(closest[0], pt);
    }

    /** lseg_closept_line. */
    static double segmentClosestToLine(PgPoint[] result, PgLseg s, PgLine line) {
        PgPoint p = segmentLineIntersection(s, line);
        if (p != null) {
            if (result != null) {
                result[0] = p;
            }
            return 0.0;
        }
        double d1 = lineClosest(null, line, s.p1());
        double d2 = lineClosest(null, line, s.p2());
        if (d1 < d2) {
            if (result != null) {
                result[0] = s.p1();
            }
            return d1;
        }
        if (result != null) {
            result[0] = s.p2();
        }
        return d2;
    }

    /** lseg_closept_lseg: the closest point on {@code on} to {@code to}, and the distance. */
    static double segmentClosestToSegment(PgPoint[] result, PgLseg on, PgLseg to) {
        PgPoint crossing = segmentIntersection(on, to);
        if (crossing != null) {
            if (result != null) {
                result[0] = crossing;
            }
            return 0.0;
        }
        PgPoint[] point = new PgPoint[1];
        double dist = segmentClosestToPoint(result, on, to.p1());
        double d = segmentClosestToPoint(point, on, to.p2());
        if (lt(d, dist)) {
            dist = d;
            if (result != null) {
                result[0] = point[0];
            }
        }
        d = segmentClosestToPoint(null, to, on.p1());
        if (lt(d, dist)) {
            dist = d;
            if (result != null) {
                result[0] = on.p1();
            }
        }
        d = segmentClosestToPoint(null, to, on.p2());
        if (lt(d, dist)) {
            dist = d;
            if (result != null) {
                result[0] = on.p2();
            }
        }
        return dist;
    }
}
