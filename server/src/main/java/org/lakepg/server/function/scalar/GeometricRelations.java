package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;
import static org.lakepg.server.function.scalar.GeometricShapes.*;

import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgBox;
import org.lakepg.wire.types.PgLine;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPath;
import org.lakepg.wire.types.PgPoint;
import org.lakepg.wire.types.PgPolygon;

/** Relations between shapes of different types: distances (dist_), closest points (close_), on_ and inter_. */
public final class GeometricRelations {
    private GeometricRelations() {}

    private static PgPoint p(Object v) {
        return (PgPoint) v;
    }

    private static PgLseg s(Object v) {
        return (PgLseg) v;
    }

    private static PgLine l(Object v) {
        return (PgLine) v;
    }

    private static PgBox b(Object v) {
        return (PgBox) v;
    }

    public static void register(FunctionRegistry r) {
        r.register("dist_pl", (x, c) -> lineClosest(null, l(x[1]), p(x[0])));
        r.register("dist_lp", (x, c) -> lineClosest(null, l(x[0]), p(x[1])));
        r.register("dist_ps", (x, c) -> segmentClosestToPoint(null, s(x[1]), p(x[0])));
        r.register("dist_sp", (x, c) -> segmentClosestToPoint(null, s(x[0]), p(x[1])));
        r.register("dist_ppath", (x, c) -> pointToPath(p(x[0]), (PgPath) x[1]));
        r.register("dist_pathp", (x, c) -> pointToPath(p(x[1]), (PgPath) x[0]));
        r.register("dist_pb", (x, c) -> boxClosestToPoint(null, b(x[1]), p(x[0])));
        r.register("dist_bp", (x, c) -> boxClosestToPoint(null, b(x[0]), p(x[1])));
        r.register("dist_sl", (x, c) -> segmentClosestToLine(null, s(x[0]), l(x[1])));
        r.register("dist_ls", (x, c) -> segmentClosestToLine(null, s(x[1]), l(x[0])));
        r.register("dist_sb", (x, c) -> boxClosestToSegment(null, b(x[1]), s(x[0])));
        r.register("dist_bs", (x, c) -> boxClosestToSegment(null, b(x[0]), s(x[1])));
        r.register("dist_ppoly", (x, c) -> pointToPolygon(p(x[0]), (PgPolygon) x[1]));
        r.register("dist_polyp", (x, c) -> pointToPolygon(p(x[1]), (PgPolygon) x[0]));
        r.register("close_pl", (x, c) -> {
            PgPoint[] result = new PgPoint[1];
            return Double.isNaN(lineClosest(result, l(x[1]), p(x[0]))) ? null : result[0];
        });
        r.register("close_ps", (x, c) -> {
            PgPoint[] result = new PgPoint[1];
            return Double.isNaN(segmentClosestToPoint(result, s(x[1]), p(x[0]))) ? null : result[0];
        });
        r.register("close_lseg", (x, c) -> {
            PgLseg l1 = s(x[0]);
            PgLseg l2 = s(x[1]);
            if (slope(l1.p1(), l1.p2()) == slope(l2.p1(), l2.p2())) {
                return null;
            }
            PgPoint[] result = new PgPoint[1];
            return Double.isNaN(segmentClosestToSegment(result, l2, l1)) ? null : result[0];
        });
        r.register("close_pb", (x, c) -> {
            PgPoint[] result = new PgPoint[1];
            return Double.isNaN(boxClosestToPoint(result, b(x[1]), p(x[0]))) ? null : result[0];
        });
        r.register("close_ls", (x, c) -> {
            PgLine line = l(x[0]);
            PgLseg seg = s(x[1]);
            if (slope(seg.p1(), seg.p2()) == lineSlope(line)) {
                return null;
            }
            PgPoint[] result = new PgPoint[1];
            return Double.isNaN(segmentClosestToLine(result, seg, line)) ? null : result[0];
        });
        r.register("close_sb", (x, c) -> {
            PgPoint[] result = new PgPoint[1];
            return Double.isNaN(boxClosestToSegment(result, b(x[1]), s(x[0]))) ? null : result[0];
        });
        r.register("on_pl", (x, c) -> lineContains(l(x[1]), p(x[0])));
        r.register("on_ps", (x, c) -> segmentContains(s(x[1]), p(x[0])));
        r.register("on_pb", (x, c) -> containsPoint(b(x[1]), p(x[0])));
        r.register("box_contain_pt", (x, c) -> containsPoint(b(x[0]), p(x[1])));
        r.register("on_ppath", (x, c) -> pointOnPath(p(x[0]), (PgPath) x[1]));
        r.register("on_sl", (x, c) -> lineContains(l(x[1]), s(x[0]).p1()) && lineContains(l(x[1]), s(x[0]).p2()));
        r.register("on_sb", (x, c) -> containsPoint(b(x[1]), s(x[0]).p1()) && containsPoint(b(x[1]), s(x[0]).p2()));
        r.register("inter_sl", (x, c) -> segmentLineIntersection(s(x[0]), l(x[1])) != null);
        r.register("inter_sb", (x, c) -> boxMeetsSegment(null, b(x[1]), s(x[0])));
        r.register("inter_lb", (x, c) -> {
            PgBox box = b(x[1]);
            PgPoint ll = box.low();
            PgPoint ul = new PgPoint(box.low().x(), box.high().y());
            PgPoint ur = box.high();
            PgPoint lr = new PgPoint(box.high().x(), box.low().y());
            for (PgLseg side : List.of(new PgLseg(ll, ul), new PgLseg(ur, ul), new PgLseg(ur, lr), new PgLseg(ll, lr))) {
                if (segmentLineIntersection(side, l(x[0])) != null) {
                    return true;
                }
            }
            return false;
        });
    }

    private static double pointToPath(PgPoint pt, PgPath path) {
        double result = 0.0;
        boolean have = false;
        for (PgLseg seg : GeometricPaths.segments(path)) {
            double d = segmentClosestToPoint(null, seg, pt);
            if (!have || lt(d, result)) {
                result = d;
                have = true;
            }
        }
        return result;
    }

    static double pointToPolygon(PgPoint pt, PgPolygon poly) {
        List<PgPoint> pts = poly.points();
        if (pointInside(pt, pts) != 0) {
            return 0.0;
        }
        double result = segmentClosestToPoint(null, new PgLseg(pts.get(0), pts.get(pts.size() - 1)), pt);
        for (int i = 0; i < pts.size() - 1; i++) {
            double d = segmentClosestToPoint(null, new PgLseg(pts.get(i), pts.get(i + 1)), pt);
            if (lt(d, result)) {
                result = d;
            }
        }
        return result;
    }

    private static boolean pointOnPath(PgPoint pt, PgPath path) {
        List<PgPoint> pts = path.points();
        if (!path.closed()) {
            double a = distance(pt, pts.get(0));
            for (int i = 0; i < pts.size() - 1; i++) {
                double b = distance(pt, pts.get(i + 1));
                if (fpEq(pl(a, b), distance(pts.get(i), pts.get(i + 1)))) {
                    return true;
                }
                a = b;
            }
            return false;
        }
        return pointInside(pt, pts) != 0;
    }
}
