package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Trigonometry in degrees (sind, cosd, tand, cotd, asind, acosd, atand, atan2d) the way float.c does
 * it: the argument is reduced to the first quadrant and the curves are scaled so that the
 * well-known angles (30, 45, 60, 90 ...) give exact results.
 */
public final class DegreeTrigFunctions {
    private DegreeTrigFunctions() {}

    private static final double RADIANS_PER_DEGREE = 0.0174532925199432957692;
    private static final double SIN_30 = Math.sin(30.0 * RADIANS_PER_DEGREE);
    private static final double ONE_MINUS_COS_60 = 1.0 - Math.cos(60.0 * RADIANS_PER_DEGREE);
    private static final double ASIN_0_5 = Math.asin(0.5);
    private static final double ACOS_0_5 = Math.acos(0.5);
    private static final double ATAN_1_0 = Math.atan(1.0);
    private static final double TAN_45 = sindQ1(45.0) / cosdQ1(45.0);
    private static final double COT_45 = cosdQ1(45.0) / sindQ1(45.0);

    public static void register(FunctionRegistry r) {
        r.register("dsind", (x, c) -> sind(d(x[0])));
        r.register("dcosd", (x, c) -> cosd(d(x[0])));
        r.register("dtand", (x, c) -> tandOrCotd(d(x[0]), true));
        r.register("dcotd", (x, c) -> tandOrCotd(d(x[0]), false));
        r.register("dasind", (x, c) -> {
            double v = unitRange(d(x[0]));
            return v >= 0 ? asindQ1(v) : -asindQ1(-v);
        });
        r.register("dacosd", (x, c) -> {
            double v = unitRange(d(x[0]));
            return v >= 0 ? acosdQ1(v) : 90.0 + asindQ1(-v);
        });
        r.register("datand", (x, c) -> Math.atan(d(x[0])) / ATAN_1_0 * 45.0);
        r.register("datan2d", (x, c) -> Math.atan2(d(x[0]), d(x[1])) / ATAN_1_0 * 45.0);
    }

    private static double d(Object v) {
        return ((Number) v).doubleValue();
    }

    private static PgException outOfRange() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
    }

    private static double unitRange(double v) {
        if (!Double.isNaN(v) && (v < -1.0 || v > 1.0)) {
            throw outOfRange();
        }
        return v;
    }

    private static double sind0To30(double x) {
        return Math.sin(x * RADIANS_PER_DEGREE) / SIN_30 / 2.0;
    }

    private static double cosd0To60(double x) {
        double oneMinusCos = 1.0 - Math.cos(x * RADIANS_PER_DEGREE);
        return 1.0 - (oneMinusCos / ONE_MINUS_COS_60) / 2.0;
    }

    private static double sindQ1(double x) {
        return x <= 30.0 ? sind0To30(x) : cosd0To60(90.0 - x);
    }

    private static double cosdQ1(double x) {
        return x <= 60.0 ? cosd0To60(x) : sind0To30(90.0 - x);
    }

    private static double asindQ1(double x) {
        return x <= 0.5 ? Math.asin(x) / ASIN_0_5 * 30.0 : 90.0 - Math.acos(x) / ACOS_0_5 * 60.0;
    }

    private static double acosdQ1(double x) {
        return x <= 0.5 ? 90.0 - Math.asin(x) / ASIN_0_5 * 30.0 : Math.acos(x) / ACOS_0_5 * 60.0;
    }

    private static double checkFinite(double v) {
        if (Double.isInfinite(v)) {
            throw outOfRange();
        }
        return v;
    }

    private static double sind(double arg) {
        if (Double.isNaN(arg)) {
            return arg;
        }
        checkFinite(arg);
        double sign = 1.0;
        arg = arg % 360.0;
        if (arg < 0.0) {
            arg = -arg;
            sign = -sign;
        }
        if (arg > 180.0) {
            arg = 360.0 - arg;
            sign = -sign;
        }
        if (arg > 90.0) {
            arg = 180.0 - arg;
        }
        return sign * sindQ1(arg);
    }

    private static double cosd(double arg) {
        if (Double.isNaN(arg)) {
            return arg;
        }
        checkFinite(arg);
        double sign = 1.0;
        arg = arg % 360.0;
        if (arg < 0.0) {
            arg = -arg;
        }
        if (arg > 180.0) {
            arg = 360.0 - arg;
        }
        if (arg > 90.0) {
            arg = 180.0 - arg;
            sign = -sign;
        }
        return sign * cosdQ1(arg);
    }

    private static double tandOrCotd(double arg, boolean tangent) {
        if (Double.isNaN(arg)) {
            return arg;
        }
        checkFinite(arg);
        double sign = 1.0;
        arg = arg % 360.0;
        if (arg < 0.0) {
            arg = -arg;
            sign = -sign;
        }
        if (arg > 180.0) {
            arg = 360.0 - arg;
            sign = -sign;
        }
        if (arg > 90.0) {
            arg = 180.0 - arg;
            sign = -sign;
        }
        double result = tangent ? sign * (sindQ1(arg) / cosdQ1(arg) / TAN_45)
                : sign * (cosdQ1(arg) / sindQ1(arg) / COT_45);
        // PostgreSQL forces -0 to 0 here
        return result == 0.0 ? 0.0 : result;
    }
}
