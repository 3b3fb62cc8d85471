package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;
import static org.lakepg.server.function.scalar.GeometricShapes.*;

import java.util.List;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPoint;
import org.lakepg.wire.types.PgPolygon;

/** Polygon overlap and containment (poly_overlap_internal, poly_contain_poly, lseg_inside_poly). */
final class GeometricPolygonRelations {
    private GeometricPolygonRelations() {}

    static boolean overlap(PgPolygon a, PgPolygon b) {
        if (!overlaps(a.boundBox(), b.boundBox())) {
            return false;
        }
        List<PgPoint> pa = a.points();
        List<PgPoint> pb = b.points();
        PgPoint sa0 = pa.get(pa.size() - 1);
        for (PgPoint sa1 : pa) {
            PgPoint sb0 = pb.get(pb.size() - 1);
            for (PgPoint sb1 : pb) {
                if (segmentIntersection(new PgLseg(sa0, sa1), new PgLseg(sb0, sb1)) != null) {
                    return true;
                }
                sb0 = sb1;
            }
            sa0 = sa1;
        }
        return pointInside(pa.get(0), pb) != 0 || pointInside(pb.get(0), pa) != 0;
    }

    static boolean contains(PgPolygon outer, PgPolygon inner) {
        if (!containsBox(outer.boundBox(), inner.boundBox())) {
            return false;
        }
        List<PgPoint> pts = inner.points();
        PgPoint s0 = pts.get(pts.size() - 1);
        for (PgPoint s1 : pts) {
            if (!segmentInside(s0, s1, outer, 0)) {
                return false;
            }
            s0 = s1;
        }
        return true;
    }

    /** lseg_inside_poly: whether segment a-b lies in the polygon, checking edges from {@code start}. */
    private static boolean segmentInside(PgPoint a, PgPoint b, PgPolygon poly, int start) {
        List<PgPoint> pts = poly.points();
        PgLseg t = new PgLseg(a, b);
        PgPoint s0 = pts.get(start == 0 ? pts.size() - 1 : start - 1);
        boolean res = true;
        boolean intersection = false;
        for (int i = start; i < pts.size() && res; i++) {
            PgPoint s1 = pts.get(i);
            PgLseg s = new PgLseg(s0, s1);
            PgPoint crossing;
            if (segmentContains(s, t.p1())) {
                if (segmentContains(s, t.p2())) {
                    return true;
                }
                res = touchedSegmentInside(t.p1(), t.p2(), s, poly, i + 1);
            } else if (segmentContains(s, t.p2())) {
                res = touchedSegmentInside(t.p2(), t.p1(), s, poly, i + 1);
            } else if ((crossing = segmentIntersection(t, s)) != null) {
                intersection = true;
                res = segmentInside(t.p1(), crossing, poly, i + 1);
                if (res) {
                    res = segmentInside(t.p2(), crossing, poly, i + 1);
                }
            }
            s0 = s1;
        }
        if (res && !intersection) {
            PgPoint mid = new PgPoint(div(pl(t.p1().x(), t.p2().x()), 2.0), div(pl(t.p1().y(), t.p2().y()), 2.0));
            res = pointInside(mid, pts) != 0;
        }
        return res;
    }

    private static boolean touchedSegmentInside(PgPoint a, PgPoint b, PgLseg s, PgPolygon poly, int start) {
        PgLseg t = new PgLseg(a, b);
        if (pointEq(a, s.p1())) {
            if (segmentContains(t, s.p2())) {
                return segmentInside(b, s.p2(), poly, start);
            }
        } else if (pointEq(a, s.p2())) {
            if (segmentContains(t, s.p1())) {
                return segmentInside(b, s.p1(), poly, start);
            }
        } else if (segmentContains(t, s.p1())) {
            return segmentInside(b, s.p1(), poly, start);
        } else if (segmentContains(t, s.p2())) {
            return segmentInside(b, s.p2(), poly, start);
        }
        return true;
    }
}
