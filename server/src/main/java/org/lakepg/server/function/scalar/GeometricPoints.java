package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;
import static org.lakepg.server.function.scalar.GeometricShapes.*;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgLine;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPoint;

/** Operators and functions of point, line and lseg (geo_ops.c). */
public final class GeometricPoints {
    private GeometricPoints() {}

    private static PgPoint p(Object v) {
        return (PgPoint) v;
    }

    private static PgLseg s(Object v) {
        return (PgLseg) v;
    }

    private static PgLine l(Object v) {
        return (PgLine) v;
    }

    public static void register(FunctionRegistry r) {
        // point
        r.register("point_left", (x, c) -> fpLt(p(x[0]).x(), p(x[1]).x()));
        r.register("point_right", (x, c) -> fpGt(p(x[0]).x(), p(x[1]).x()));
        r.register("point_above", (x, c) -> fpGt(p(x[0]).y(), p(x[1]).y()));
        r.register("point_below", (x, c) -> fpLt(p(x[0]).y(), p(x[1]).y()));
        r.register("point_vert", (x, c) -> fpEq(p(x[0]).x(), p(x[1]).x()));
        r.register("point_horiz", (x, c) -> fpEq(p(x[0]).y(), p(x[1]).y()));
        r.register("point_eq", (x, c) -> pointEq(p(x[0]), p(x[1])));
        r.register("point_ne", (x, c) -> !pointEq(p(x[0]), p(x[1])));
        r.register("point_distance", (x, c) -> distance(p(x[0]), p(x[1])));
        r.register("point_slope", (x, c) -> slope(p(x[0]), p(x[1])));
        r.register("point_add", (x, c) -> add(p(x[0]), p(x[1])));
        r.register("point_sub", (x, c) -> sub(p(x[0]), p(x[1])));
        r.register("point_mul", (x, c) -> mul(p(x[0]), p(x[1])));
        r.register("point_div", (x, c) -> div(p(x[0]), p(x[1])));
        r.register("construct_point", (x, c) -> new PgPoint((Double) x[0], (Double) x[1]));
        // line
        r.register("line_construct_pp", (x, c) -> {
            if (pointEq(p(x[0]), p(x[1]))) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid line specification: must be two distinct points");
            }
            return line(p(x[0]), slope(p(x[0]), p(x[1])));
        });
        r.register("line_intersect", (x, c) -> intersection(l(x[0]), l(x[1])) != null);
        r.register("line_parallel", (x, c) -> intersection(l(x[0]), l(x[1])) == null);
        r.register("line_perp", (x, c) -> perpendicular(l(x[0]), l(x[1])));
        r.register("line_vertical", (x, c) -> fpZero(l(x[0]).b()));
        r.register("line_horizontal", (x, c) -> fpZero(l(x[0]).a()));
        r.register("line_eq", (x, c) -> lineEq(l(x[0]), l(x[1])));
        r.register("line_distance", (x, c) -> lineDistance(l(x[0]), l(x[1])));
        r.register("line_interpt", (x, c) -> intersection(l(x[0]), l(x[1])));
        // lseg
        r.register("lseg_construct", (x, c) -> new PgLseg(p(x[0]), p(x[1])));
        r.register("lseg_length", (x, c) -> distance(s(x[0]).p1(), s(x[0]).p2()));
        r.register("lseg_intersect", (x, c) -> segmentIntersection(s(x[0]), s(x[1])) != null);
        r.register("lseg_parallel", (x, c) -> fpEq(slope(s(x[0]).p1(), s(x[0]).p2()), slope(s(x[1]).p1(), s(x[1]).p2())));
        r.register("lseg_perp", (x, c) -> fpEq(slope(s(x[0]).p1(), s(x[0]).p2()),
                inverseSlope(s(x[1]).p1(), s(x[1]).p2())));
        r.register("lseg_vertical", (x, c) -> fpEq(s(x[0]).p1().x(), s(x[0]).p2().x()));
        r.register("lseg_horizontal", (x, c) -> fpEq(s(x[0]).p1().y(), s(x[0]).p2().y()));
        r.register("lseg_eq", (x, c) -> pointEq(s(x[0]).p1(), s(x[1]).p1()) && pointEq(s(x[0]).p2(), s(x[1]).p2()));
        r.register("lseg_ne", (x, c) -> !pointEq(s(x[0]).p1(), s(x[1]).p1()) || !pointEq(s(x[0]).p2(), s(x[1]).p2()));
        r.register("lseg_lt", (x, c) -> fpLt(length(s(x[0])), length(s(x[1]))));
        r.register("lseg_le", (x, c) -> fpLe(length(s(x[0])), length(s(x[1]))));
        r.register("lseg_gt", (x, c) -> fpGt(length(s(x[0])), length(s(x[1]))));
        r.register("lseg_ge", (x, c) -> fpGe(length(s(x[0])), length(s(x[1]))));
        r.register("lseg_distance", (x, c) -> segmentClosestToSegment(null, s(x[0]), s(x[1])));
        r.register("lseg_center", (x, c) -> new PgPoint(div(pl(s(x[0]).p1().x(), s(x[0]).p2().x()), 2.0),
                div(pl(s(x[0]).p1().y(), s(x[0]).p2().y()), 2.0)));
        r.register("lseg_interpt", (x, c) -> segmentIntersection(s(x[0]), s(x[1])));
    }

    private static double length(PgLseg s) {
        return distance(s.p1(), s.p2());
    }

    private static boolean perpendicular(PgLine l1, PgLine l2) {
        if (fpZero(l1.a())) {
            return fpZero(l2.b());
        }
        if (fpZero(l2.a())) {
            return fpZero(l1.b());
        }
        if (fpZero(l1.b())) {
            return fpZero(l2.a());
        }
        if (fpZero(l2.b())) {
            return fpZero(l1.a());
        }
        return fpEq(div(mul(l1.a(), l2.a()), mul(l1.b(), l2.b())), -1.0);
    }

    private static boolean lineEq(PgLine l1, PgLine l2) {
        if (Double.isNaN(l1.a()) || Double.isNaN(l1.b()) || Double.isNaN(l1.c())
                || Double.isNaN(l2.a()) || Double.isNaN(l2.b()) || Double.isNaN(l2.c())) {
            return FloatFunctions.compare(l1.a(), l2.a()) == 0 && FloatFunctions.compare(l1.b(), l2.b()) == 0
                    && FloatFunctions.compare(l1.c(), l2.c()) == 0;
        }
        double ratio;
        if (!fpZero(l2.a())) {
            ratio = div(l1.a(), l2.a());
        } else if (!fpZero(l2.b())) {
            ratio = div(l1.b(), l2.b());
        } else if (!fpZero(l2.c())) {
            ratio = div(l1.c(), l2.c());
        } else {
            ratio = 1.0;
        }
        return fpEq(l1.a(), mul(ratio, l2.a())) && fpEq(l1.b(), mul(ratio, l2.b())) && fpEq(l1.c(), mul(ratio, l2.c()));
    }

    private static double lineDistance(PgLine l1, PgLine l2) {
        if (intersection(l1, l2) != null) {
            return 0.0;
        }
        double ratio;
        if (!fpZero(l1.a()) && !Double.isNaN(l1.a()) && !fpZero(l2.a()) && !Double.isNaN(l2.a())) {
            ratio = div(l1.a(), l2.a());
        } else if (!fpZero(l1.b()) && !Double.isNaN(l1.b()) && !fpZero(l2.b()) && !Double.isNaN(l2.b())) {
            ratio = div(l1.b(), l2.b());
        } else {
            ratio = 1.0;
        }
        return div(Math.abs(mi(l1.c(), mul(ratio, l2.c()))), hypot(l1.a(), l1.b()));
    }
}
