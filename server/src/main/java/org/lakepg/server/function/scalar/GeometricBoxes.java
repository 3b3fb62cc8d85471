package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.GeometricMath.*;
import static org.lakepg.server.function.scalar.GeometricShapes.*;

import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgBox;
import org.lakepg.wire.types.PgCircle;
import org.lakepg.wire.types.PgLseg;
import org.lakepg.wire.types.PgPoint;
import org.lakepg.wire.types.PgPolygon;

/** Operators and functions of box (geo_ops.c): position tests, area comparisons, conversions. */
public final class GeometricBoxes {
    private GeometricBoxes() {}

    private static PgBox b(Object v) {
        return (PgBox) v;
    }

    private static PgPoint p(Object v) {
        return (PgPoint) v;
    }

    public static void register(FunctionRegistry r) {
        r.register("box_same", (x, c) -> pointEq(b(x[0]).high(), b(x[1]).high()) && pointEq(b(x[0]).low(), b(x[1]).low()));
        r.register("box_overlap", (x, c) -> overlaps(b(x[0]), b(x[1])));
        r.register("box_left", (x, c) -> fpLt(b(x[0]).high().x(), b(x[1]).low().x()));
        r.register("box_overleft", (x, c) -> fpLe(b(x[0]).high().x(), b(x[1]).high().x()));
        r.register("box_right", (x, c) -> fpGt(b(x[0]).low().x(), b(x[1]).high().x()));
        r.register("box_overright", (x, c) -> fpGe(b(x[0]).low().x(), b(x[1]).low().x()));
        r.register("box_below", (x, c) -> fpLt(b(x[0]).high().y(), b(x[1]).low().y()));
        r.register("box_overbelow", (x, c) -> fpLe(b(x[0]).high().y(), b(x[1]).high().y()));
        r.register("box_above", (x, c) -> fpGt(b(x[0]).low().y(), b(x[1]).high().y()));
        r.register("box_overabove", (x, c) -> fpGe(b(x[0]).low().y(), b(x[1]).low().y()));
        r.register("box_contained", (x, c) -> containsBox(b(x[1]), b(x[0])));
        r.register("box_contain", (x, c) -> containsBox(b(x[0]), b(x[1])));
        r.register("box_below_eq", (x, c) -> fpLe(b(x[0]).high().y(), b(x[1]).low().y()));
        r.register("box_above_eq", (x, c) -> fpGe(b(x[0]).low().y(), b(x[1]).high().y()));
        r.register("box_lt", (x, c) -> fpLt(area(b(x[0])), area(b(x[1]))));
        r.register("box_gt", (x, c) -> fpGt(area(b(x[0])), area(b(x[1]))));
        r.register("box_eq", (x, c) -> fpEq(area(b(x[0])), area(b(x[1]))));
        r.register("box_le", (x, c) -> fpLe(area(b(x[0])), area(b(x[1]))));
        r.register("box_ge", (x, c) -> fpGe(area(b(x[0])), area(b(x[1]))));
        r.register("box_area", (x, c) -> area(b(x[0])));
        r.register("box_width", (x, c) -> width(b(x[0])));
        r.register("box_height", (x, c) -> height(b(x[0])));
        r.register("box_distance", (x, c) -> distance(center(b(x[0])), center(b(x[1]))));
        r.register("box_center", (x, c) -> center(b(x[0])));
        r.register("box_intersect", (x, c) -> {
            PgBox a = b(x[0]);
            PgBox o = b(x[1]);
            if (!overlaps(a, o)) {
                return null;
            }
            return new PgBox(new PgPoint(min(a.high().x(), o.high().x()), min(a.high().y(), o.high().y())),
                    new PgPoint(max(a.low().x(), o.low().x()), max(a.low().y(), o.low().y())));
        });
        r.register("box_diagonal", (x, c) -> new PgLseg(b(x[0]).high(), b(x[0]).low()));
        r.register("points_box", (x, c) -> PgBox.of(p(x[0]), p(x[1])));
        r.register("box_add", (x, c) -> new PgBox(add(b(x[0]).high(), p(x[1])), add(b(x[0]).low(), p(x[1]))));
        r.register("box_sub", (x, c) -> new PgBox(sub(b(x[0]).high(), p(x[1])), sub(b(x[0]).low(), p(x[1]))));
        r.register("box_mul", (x, c) -> PgBox.of(mul(b(x[0]).high(), p(x[1])), mul(b(x[0]).low(), p(x[1]))));
        r.register("box_div", (x, c) -> PgBox.of(div(b(x[0]).high(), p(x[1])), div(b(x[0]).low(), p(x[1]))));
        r.register("point_box", (x, c) -> new PgBox(p(x[0]), p(x[0])));
        r.register("boxes_bound_box", (x, c) -> {
            PgBox a = b(x[0]);
            PgBox o = b(x[1]);
            return new PgBox(new PgPoint(max(a.high().x(), o.high().x()), max(a.high().y(), o.high().y())),
                    new PgPoint(min(a.low().x(), o.low().x()), min(a.low().y(), o.low().y())));
        });
        r.register("box_poly", (x, c) -> {
            PgBox box = b(x[0]);
            return new PgPolygon(List.of(box.low(), new PgPoint(box.low().x(), box.high().y()), box.high(),
                    new PgPoint(box.high().x(), box.low().y())), PgBox.of(box.high(), box.low()));
        });
        r.register("box_circle", (x, c) -> {
            PgBox box = b(x[0]);
            PgPoint center = center(box);
            return new PgCircle(center, distance(center, box.high()));
        });
    }
}
