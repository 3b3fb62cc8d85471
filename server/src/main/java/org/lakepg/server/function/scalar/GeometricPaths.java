package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;
import static org.lakepg.server.function.scalar.GeometricShapes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgBox;
import org.lakepg.wire.types.PgCircle;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPath;
import org.lakepg.wire.types.PgPoint;
import org.lakepg.wire.types.PgPolygon;

/** Operators and functions of path and polygon (geo_ops.c). */
public final class GeometricPaths {
    private GeometricPaths() {}

    private static PgPath path(Object v) {
        return (PgPath) v;
    }

    private static PgPolygon poly(Object v) {
        return (PgPolygon) v;
    }

    private static PgPoint p(Object v) {
        return (PgPoint) v;
    }

    public static void register(FunctionRegistry r) {
        // path
        r.register("path_area", (x, c) -> {
            PgPath path = path(x[0]);
            if (!path.closed()) {
                return null;
            }
            List<PgPoint> pts = path.points();
            double area = 0.0;
            for (int i = 0; i < pts.size(); i++) {
                int j = (i + 1) % pts.size();
                area = pl(area, mul(pts.get(i).x(), pts.get(j).y()));
                area = mi(area, mul(pts.get(i).y(), pts.get(j).x()));
            }
            return div(Math.abs(area), 2.0);
        });
        r.register("path_n_lt", (x, c) -> path(x[0]).points().size() < path(x[1]).points().size());
        r.register("path_n_gt", (x, c) -> path(x[0]).points().size() > path(x[1]).points().size());
        r.register("path_n_eq", (x, c) -> path(x[0]).points().size() == path(x[1]).points().size());
        r.register("path_n_le", (x, c) -> path(x[0]).points().size() <= path(x[1]).points().size());
        r.register("path_n_ge", (x, c) -> path(x[0]).points().size() >= path(x[1]).points().size());
        r.register("path_isclosed", (x, c) -> path(x[0]).closed());
        r.register("path_isopen", (x, c) -> !path(x[0]).closed());
        r.register("path_npoints", (x, c) -> path(x[0]).points().size());
        r.register("path_close", (x, c) -> new PgPath(true, path(x[0]).points()));
        r.register("path_open", (x, c) -> new PgPath(false, path(x[0]).points()));
        r.register("path_inter", (x, c) -> pathsMeet(path(x[0]), path(x[1])));
        r.register("path_distance", (x, c) -> {
            Double min = null;
            for (PgLseg s1 : segments(path(x[0]))) {
                for (PgLseg s2 : segments(path(x[1]))) {
                    double d = segmentClosestToSegment(null, s1, s2);
                    if (min == null || lt(d, min)) {
                        min = d;
                    }
                }
            }
            return min;
        });
        r.register("path_length", (x, c) -> {
            double total = 0.0;
            for (PgLseg s : segments(path(x[0]))) {
                total = pl(total, distance(s.p1(), s.p2()));
            }
            return total;
        });
        r.register("path_add", (x, c) -> {
            PgPath a = path(x[0]);
            PgPath b = path(x[1]);
            if (a.closed() || b.closed()) {
                return null;
            }
            List<PgPoint> all = new ArrayList<>(a.points());
            all.addAll(b.points());
            return new PgPath(false, all);
        });
        r.register("path_add_pt", (x, c) -> mapPath(path(x[0]), p(x[1]), GeometricMath::add));
        r.register("path_sub_pt", (x, c) -> mapPath(path(x[0]), p(x[1]), GeometricMath::sub));
        r.register("path_mul_pt", (x, c) -> mapPath(path(x[0]), p(x[1]), GeometricMath::mul));
        r.register("path_div_pt", (x, c) -> mapPath(path(x[0]), p(x[1]), GeometricMath::div));
        r.register("path_poly", (x, c) -> {
            if (!path(x[0]).closed()) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "open path cannot be converted to polygon");
            }
            return PgPolygon.of(path(x[0]).points());
        });
        // polygon
        r.register("poly_npoints", (x, c) -> poly(x[0]).points().size());
        r.register("poly_center", (x, c) -> toCircle(poly(x[0])).center());
        r.register("poly_box", (x, c) -> poly(x[0]).boundBox());
        r.register("poly_path", (x, c) -> new PgPath(true, poly(x[0]).points()));
        r.register("poly_circle", (x, c) -> toCircle(poly(x[0])));
        r.register("poly_left", (x, c) -> poly(x[0]).boundBox().high().x() < poly(x[1]).boundBox().low().x());
        r.register("poly_overleft", (x, c) -> poly(x[0]).boundBox().high().x() <= poly(x[1]).boundBox().high().x());
        r.register("poly_right", (x, c) -> poly(x[0]).boundBox().low().x() > poly(x[1]).boundBox().high().x());
        r.register("poly_overright", (x, c) -> poly(x[0]).boundBox().low().x() >= poly(x[1]).boundBox().low().x());
        r.register("poly_below", (x, c) -> poly(x[0]).boundBox().high().y() < poly(x[1]).boundBox().low().y());
        r.register("poly_overbelow", (x, c) -> poly(x[0]).boundBox().high().y() <= poly(x[1]).boundBox().high().y());
        r.register("poly_above", (x, c) -> poly(x[0]).boundBox().low().y() > poly(x[1]).boundBox().high().y());
        r.register("poly_overabove", (x, c) -> poly(x[0]).boundBox().low().y() >= poly(x[1]).boundBox().low().y());
        r.register("poly_same", (x, c) -> poly(x[0]).points().size() == poly(x[1]).points().size()
                && sameRing(poly(x[0]).points(), poly(x[1]).points()));
        r.register("poly_overlap", (x, c) -> GeometricPolygonRelations.overlap(poly(x[0]), poly(x[1])));
        r.register("poly_contain", (x, c) -> GeometricPolygonRelations.contains(poly(x[0]), poly(x[1])));
        r.register("poly_contained", (x, c) -> GeometricPolygonRelations.contains(poly(x[1]), poly(x[0])));
        r.register("poly_contain_pt", (x, c) -> pointInside(p(x[1]), poly(x[0]).points()) != 0);
        r.register("pt_contained_poly", (x, c) -> pointInside(p(x[0]), poly(x[1]).points()) != 0);
        r.register("poly_distance", (x, c) -> {
            PgPolygon a = poly(x[0]);
            PgPolygon b = poly(x[1]);
            if (GeometricPolygonRelations.overlap(a, b)) {
                return 0.0;
            }
            Double min = null;
            for (PgLseg s1 : segments(new PgPath(true, a.points()))) {
                for (PgLseg s2 : segments(new PgPath(true, b.points()))) {
                    double d = segmentClosestToSegment(null, s1, s2);
                    if (min == null || lt(d, min)) {
                        min = d;
                    }
                }
            }
            return min;
        });
    }

    /** A path's segments in PostgreSQL's order: for a closed path the closing one comes first. */
    static List<PgLseg> segments(PgPath path) {
        List<PgPoint> pts = path.points();
        List<PgLseg> out = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            if (i > 0) {
                out.add(new PgLseg(pts.get(i - 1), pts.get(i)));
            } else if (path.closed()) {
                out.add(new PgLseg(pts.get(pts.size() - 1), pts.get(0)));
            }
        }
        return out;
    }

    private static PgPath mapPath(PgPath path, PgPoint p, BinaryOperator<PgPoint> op) {
        List<PgPoint> out = new ArrayList<>(path.points().size());
        for (PgPoint q : path.points()) {
            out.add(op.apply(q, p));
        }
        return new PgPath(path.closed(), out);
    }

    private static boolean pathsMeet(PgPath a, PgPath b) {
        if (!overlaps(bounds(a.points()), bounds(b.points()))) {
            return false;
        }
        for (PgLseg s1 : segments(a)) {
            for (PgLseg s2 : segments(b)) {
                if (segmentIntersection(s1, s2) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PgBox bounds(List<PgPoint> pts) {
        double hx = pts.get(0).x();
        double hy = pts.get(0).y();
        double lx = hx;
        double ly = hy;
        for (PgPoint q : pts.subList(1, pts.size())) {
            hx = max(q.x(), hx);
            hy = max(q.y(), hy);
            lx = min(q.x(), lx);
            ly = min(q.y(), ly);
        }
        return new PgBox(new PgPoint(hx, hy), new PgPoint(lx, ly));
    }

    /** poly_to_circle: the mean of the points and their mean distance from it. */
    static PgCircle toCircle(PgPolygon poly) {
        double cx = 0;
        double cy = 0;
        for (PgPoint q : poly.points()) {
            cx = pl(cx, q.x());
            cy = pl(cy, q.y());
        }
        int n = poly.points().size();
        PgPoint center = new PgPoint(div(cx, n), div(cy, n));
        double radius = 0;
        for (PgPoint q : poly.points()) {
            radius = pl(radius, distance(q, center));
        }
        return new PgCircle(center, div(radius, n));
    }

    /** plist_same: the same ring of points, starting anywhere, in either direction. */
    private static boolean sameRing(List<PgPoint> p1, List<PgPoint> p2) {
        int n = p1.size();
        for (int i = 0; i < n; i++) {
            if (!pointEq(p2.get(i), p1.get(0))) {
                continue;
            }
            int ii = 1;
            for (int j = i + 1; ii < n; ii++, j++) {
                if (!pointEq(p2.get(j % n), p1.get(ii))) {
                    break;
                }
            }
            if (ii == n) {
                return true;
            }
            ii = 1;
            for (int j = i - 1; ii < n; ii++, j--) {
                if (!pointEq(p2.get(Math.floorMod(j, n)), p1.get(ii))) {
                    break;
                }
            }
            if (ii == n) {
                return true;
            }
        }
        return false;
    }
}
