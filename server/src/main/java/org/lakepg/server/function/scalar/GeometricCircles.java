package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;
import static org.lakepg.server.function.scalar.GeometricShapes.*;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgBox;
import org.lakepg.wire.types.PgCircle;
import org.lakepg.wire.types.PgPoint;
import org.lakepg.wire.types.PgPolygon;

/** Operators and functions of circle (geo_ops.c); the ordering operators compare areas. */
public final class GeometricCircles {
    private GeometricCircles() {}

    private static PgCircle cc(Object v) {
        return (PgCircle) v;
    }

    private static PgPoint p(Object v) {
        return (PgPoint) v;
    }

    private static double area(PgCircle c) {
        return mul(mul(c.radius(), c.radius()), Math.PI);
    }

    private static double left(PgCircle c) {
        return mi(c.center().x(), c.radius());
    }

    private static double right(PgCircle c) {
        return pl(c.center().x(), c.radius());
    }

    private static double bottom(PgCircle c) {
        return mi(c.center().y(), c.radius());
    }

    private static double top(PgCircle c) {
        return pl(c.center().y(), c.radius());
    }

    public static void register(FunctionRegistry r) {
        r.register("circle_same", (x, c) -> {
            PgCircle a = cc(x[0]);
            PgCircle b = cc(x[1]);
            return ((Double.isNaN(a.radius()) && Double.isNaN(b.radius())) || fpEq(a.radius(), b.radius()))
                    && pointEq(a.center(), b.center());
        });
        r.register("circle_overlap", (x, c) -> fpLe(distance(cc(x[0]).center(), cc(x[1]).center()),
                pl(cc(x[0]).radius(), cc(x[1]).radius())));
        r.register("circle_overleft", (x, c) -> fpLe(right(cc(x[0])), right(cc(x[1]))));
        r.register("circle_left", (x, c) -> fpLt(right(cc(x[0])), left(cc(x[1]))));
        r.register("circle_right", (x, c) -> fpGt(left(cc(x[0])), right(cc(x[1]))));
        r.register("circle_overright", (x, c) -> fpGe(left(cc(x[0])), left(cc(x[1]))));
        r.register("circle_contained", (x, c) -> fpLe(distance(cc(x[0]).center(), cc(x[1]).center()),
                mi(cc(x[1]).radius(), cc(x[0]).radius())));
        r.register("circle_contain", (x, c) -> fpLe(distance(cc(x[0]).center(), cc(x[1]).center()),
                mi(cc(x[0]).radius(), cc(x[1]).radius())));
        r.register("circle_below", (x, c) -> fpLt(top(cc(x[0])), bottom(cc(x[1]))));
        r.register("circle_above", (x, c) -> fpGt(bottom(cc(x[0])), top(cc(x[1]))));
        r.register("circle_overbelow", (x, c) -> fpLe(top(cc(x[0])), top(cc(x[1]))));
        r.register("circle_overabove", (x, c) -> fpGe(bottom(cc(x[0])), bottom(cc(x[1]))));
        r.register("circle_eq", (x, c) -> fpEq(area(cc(x[0])), area(cc(x[1]))));
        r.register("circle_ne", (x, c) -> fpNe(area(cc(x[0])), area(cc(x[1]))));
        r.register("circle_lt", (x, c) -> fpLt(area(cc(x[0])), area(cc(x[1]))));
        r.register("circle_gt", (x, c) -> fpGt(area(cc(x[0])), area(cc(x[1]))));
        r.register("circle_le", (x, c) -> fpLe(area(cc(x[0])), area(cc(x[1]))));
        r.register("circle_ge", (x, c) -> fpGe(area(cc(x[0])), area(cc(x[1]))));
        r.register("circle_add_pt", (x, c) -> new PgCircle(add(cc(x[0]).center(), p(x[1])), cc(x[0]).radius()));
        r.register("circle_sub_pt", (x, c) -> new PgCircle(sub(cc(x[0]).center(), p(x[1])), cc(x[0]).radius()));
        r.register("circle_mul_pt", (x, c) -> new PgCircle(mul(cc(x[0]).center(), p(x[1])),
                mul(cc(x[0]).radius(), hypot(p(x[1]).x(), p(x[1]).y()))));
        r.register("circle_div_pt", (x, c) -> new PgCircle(div(cc(x[0]).center(), p(x[1])),
                div(cc(x[0]).radius(), hypot(p(x[1]).x(), p(x[1]).y()))));
        r.register("circle_area", (x, c) -> area(cc(x[0])));
        r.register("circle_diameter", (x, c) -> mul(cc(x[0]).radius(), 2.0));
        r.register("circle_radius", (x, c) -> cc(x[0]).radius());
        r.register("circle_distance", (x, c) -> {
            double d = mi(distance(cc(x[0]).center(), cc(x[1]).center()), pl(cc(x[0]).radius(), cc(x[1]).radius()));
            return d < 0.0 ? 0.0 : d;
        });
        r.register("circle_contain_pt", (x, c) -> distance(cc(x[0]).center(), p(x[1])) <= cc(x[0]).radius());
        r.register("pt_contained_circle", (x, c) -> distance(cc(x[1]).center(), p(x[0])) <= cc(x[1]).radius());
        r.register("dist_pc", (x, c) -> pointToCircle(p(x[0]), cc(x[1])));
        r.register("dist_cpoint", (x, c) -> pointToCircle(p(x[1]), cc(x[0])));
        r.register("circle_center", (x, c) -> cc(x[0]).center());
        r.register("cr_circle", (x, c) -> new PgCircle(p(x[0]), (Double) x[1]));
        r.register("circle_box", (x, c) -> {
            PgCircle circle = cc(x[0]);
            double delta = div(circle.radius(), Math.sqrt(2.0));
            return new PgBox(new PgPoint(pl(circle.center().x(), delta), pl(circle.center().y(), delta)),
                    new PgPoint(mi(circle.center().x(), delta), mi(circle.center().y(), delta)));
        });
        r.register("circle_poly", (x, c) -> toPolygon((Integer) x[0], cc(x[1])));
        r.register("dist_cpoly", (x, c) -> circleToPolygon(cc(x[0]), (PgPolygon) x[1]));
        r.register("dist_polyc", (x, c) -> circleToPolygon(cc(x[1]), (PgPolygon) x[0]));
    }

    private static double pointToCircle(PgPoint p, PgCircle c) {
        double d = mi(distance(p, c.center()), c.radius());
        return d < 0.0 ? 0.0 : d;
    }

    private static double circleToPolygon(PgCircle c, PgPolygon poly) {
        double d = mi(GeometricRelations.pointToPolygon(c.center(), poly), c.radius());
        return d < 0.0 ? 0.0 : d;
    }

    /** circle_poly: npts points on the circle, starting left of the center, counter-clockwise. */
    private static PgPolygon toPolygon(int npts, PgCircle circle) {
        if (fpZero(circle.radius())) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert circle with radius zero to polygon");
        }
        if (npts < 2) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "must request at least 2 points");
        }
        double step = div(2.0 * Math.PI, npts);
        List<PgPoint> points = new ArrayList<>(npts);
        for (int i = 0; i < npts; i++) {
            double angle = mul(step, i);
            points.add(new PgPoint(mi(circle.center().x(), mul(circle.radius(), Math.cos(angle))),
                    pl(circle.center().y(), mul(circle.radius(), Math.sin(angle)))));
        }
        return PgPolygon.of(points);
    }
}
