package org.lakepg.server.function.scalar;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * float4 / float8 arithmetic, comparison (NaN equals NaN and sorts above everything, as in
 * PostgreSQL), math functions and casts to and from integers, with PostgreSQL's overflow,
 * underflow and domain errors.
 */
public final class FloatFunctions {
    private FloatFunctions() {}

    public static void register(FunctionRegistry r) {
        // float4 op float4 computes in float4; any float8 operand makes it float8
        String[][] pairs = {{"float4", "4"}, {"float8", "8"}, {"float48", "8"}, {"float84", "8"}};
        for (String[] p : pairs) {
            boolean single = p[1].equals("4");
            arithmetic(r, p[0] + "pl", single, Double::sum, false);
            arithmetic(r, p[0] + "mi", single, (a, b) -> a - b, false);
            arithmetic(r, p[0] + "mul", single, (a, b) -> a * b, true);
            r.register(p[0] + "div", (x, c) -> {
                double a = d(x[0]);
                double b = d(x[1]);
                if (b == 0.0 && !Double.isNaN(a)) {
                    throw IntegerFunctions.divisionByZero();
                }
                double v = a / b;
                checkOverflow(v, Double.isInfinite(a) || Double.isInfinite(b), single);
                if (v == 0.0 && a != 0.0 && !Double.isInfinite(b)) {
                    throw underflow();
                }
                return single ? (Object) (float) v : (Object) v;
            });
            r.register(p[0] + "eq", (x, c) -> compare(d(x[0]), d(x[1])) == 0);
            r.register(p[0] + "ne", (x, c) -> compare(d(x[0]), d(x[1])) != 0);
            r.register(p[0] + "lt", (x, c) -> compare(d(x[0]), d(x[1])) < 0);
            r.register(p[0] + "le", (x, c) -> compare(d(x[0]), d(x[1])) <= 0);
            r.register(p[0] + "gt", (x, c) -> compare(d(x[0]), d(x[1])) > 0);
            r.register(p[0] + "ge", (x, c) -> compare(d(x[0]), d(x[1])) >= 0);
        }
        r.register("btfloat4cmp", (x, c) -> compare(d(x[0]), d(x[1])));
        r.register("btfloat8cmp", (x, c) -> compare(d(x[0]), d(x[1])));
        r.register("float4um", (x, c) -> -(Float) x[0]);
        r.register("float8um", (x, c) -> -(Double) x[0]);
        r.register("float4up", (x, c) -> x[0]);
        r.register("float8up", (x, c) -> x[0]);
        r.register("float4abs", (x, c) -> Math.abs((Float) x[0]));
        r.register("float8abs", (x, c) -> Math.abs((Double) x[0]));
        r.register("float4larger", (x, c) -> compare(d(x[0]), d(x[1])) >= 0 ? x[0] : x[1]);
        r.register("float4smaller", (x, c) -> compare(d(x[0]), d(x[1])) <= 0 ? x[0] : x[1]);
        r.register("float8larger", (x, c) -> compare(d(x[0]), d(x[1])) >= 0 ? x[0] : x[1]);
        r.register("float8smaller", (x, c) -> compare(d(x[0]), d(x[1])) <= 0 ? x[0] : x[1]);

        // casts
        r.register("i2tod", (x, c) -> d(x[0]));
        r.register("i4tod", (x, c) -> d(x[0]));
        r.register("i8tod", (x, c) -> d(x[0]));
        r.register("i2tof", (x, c) -> (float) d(x[0]));
        r.register("i4tof", (x, c) -> (float) d(x[0]));
        r.register("i8tof", (x, c) -> (float) IntegerFunctions.asLong(x[0]));
        r.register("ftod", (x, c) -> d(x[0]));
        r.register("dtof", (x, c) -> {
            double v = d(x[0]);
            float f = (float) v;
            if (Float.isInfinite(f) && !Double.isInfinite(v)) {
                throw overflow();
            }
            if (f == 0.0f && v != 0.0) {
                throw underflow();
            }
            return f;
        });
        r.register("dtoi2", (x, c) -> toInteger(d(x[0]), 2));
        r.register("dtoi4", (x, c) -> toInteger(d(x[0]), 4));
        r.register("dtoi8", (x, c) -> toInteger(d(x[0]), 8));
        r.register("ftoi2", (x, c) -> toInteger(d(x[0]), 2));
        r.register("ftoi4", (x, c) -> toInteger(d(x[0]), 4));
        r.register("ftoi8", (x, c) -> toInteger(d(x[0]), 8));

        // math on float8
        r.register("dsqrt", (x, c) -> {
            double v = d(x[0]);
            if (v < 0) {
                throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                        "cannot take square root of a negative number");
            }
            return Math.sqrt(v);
        });
        unary(r, "dcbrt", FloatFunctions::cbrt);
        r.register("dpow", (x, c) -> power(d(x[0]), d(x[1])));
        unary(r, "dround", Math::rint);
        unary(r, "dtrunc", v -> v < 0 ? Math.ceil(v) : Math.floor(v));
        unary(r, "dceil", Math::ceil);
        unary(r, "dfloor", Math::floor);
        unary(r, "dsign", v -> v > 0 ? 1.0 : v < 0 ? -1.0 : v);
        r.register("dexp", (x, c) -> {
            double v = d(x[0]);
            double e = Math.exp(v);
            checkOverflow(e, Double.isInfinite(v), false);
            if (e == 0.0 && !Double.isInfinite(v)) {
                throw underflow();
            }
            return e;
        });
        r.register("dlog1", (x, c) -> logarithm(d(x[0]), Math::log));
        r.register("dlog10", (x, c) -> logarithm(d(x[0]), Math::log10));
        unary(r, "degrees", Math::toDegrees);
        unary(r, "radians", Math::toRadians);
        r.register("dpi", (x, c) -> Math.PI);
        unary(r, "dsin", Math::sin);
        unary(r, "dcos", Math::cos);
        unary(r, "dtan", Math::tan);
        unary(r, "datan", Math::atan);
        r.register("datan2", (x, c) -> Math.atan2(d(x[0]), d(x[1])));
        r.register("dasin", (x, c) -> inUnitRange(d(x[0]), Math::asin));
        r.register("dacos", (x, c) -> inUnitRange(d(x[0]), Math::acos));
        unary(r, "dsinh", Math::sinh);
        unary(r, "dcosh", FloatFunctions::cosh);
        unary(r, "dtanh", Math::tanh);
    }

    private static void unary(FunctionRegistry r, String name, DoubleUnaryOperator op) {
        r.register(name, (x, c) -> op.applyAsDouble(d(x[0])));
    }

    private static void arithmetic(FunctionRegistry r, String name, boolean single, DoubleBinaryOperator op,
                                   boolean checkUnderflow) {
        r.register(name, (x, c) -> {
            double a = d(x[0]);
            double b = d(x[1]);
            if (single) {
                float v = (float) op.applyAsDouble((float) a, (float) b);
                checkOverflow(v, Double.isInfinite(a) || Double.isInfinite(b), true);
                if (checkUnderflow && v == 0.0f && a != 0.0 && b != 0.0) {
                    throw underflow();
                }
                return v;
            }
            double v = op.applyAsDouble(a, b);
            checkOverflow(v, Double.isInfinite(a) || Double.isInfinite(b), false);
            if (checkUnderflow && v == 0.0 && a != 0.0 && b != 0.0) {
                throw underflow();
            }
            return v;
        });
    }

    static double d(Object value) {
        return ((Number) value).doubleValue();
    }

    /** float8_cmp_internal: NaN equals NaN and is greater than every other value. */
    public static int compare(double a, double b) {
        if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        }
        if (Double.isNaN(b)) {
            return -1;
        }
        return a > b ? 1 : a < b ? -1 : 0;
    }

    private static void checkOverflow(double value, boolean inputInfinite, boolean single) {
        if (Double.isInfinite(value) && !inputInfinite) {
            throw overflow();
        }
    }

    static PgException overflow() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    static PgException underflow() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }

    private static Object toInteger(double v, int width) {
        double rounded = Math.rint(v);
        boolean fits = switch (width) {
            case 2 -> rounded >= Short.MIN_VALUE && rounded < -(double) Short.MIN_VALUE;
            case 4 -> rounded >= Integer.MIN_VALUE && rounded < -(double) Integer.MIN_VALUE;
            default -> rounded >= Long.MIN_VALUE && rounded < -(double) Long.MIN_VALUE;
        };
        if (Double.isNaN(v) || !fits) {
            throw IntegerFunctions.outOfRange(width);
        }
        return IntegerFunctions.narrow((long) rounded, width);
    }

    /** float8_pow: NaN and infinity cases as POSIX specifies them (Java's Math.pow gives 1 ^ inf = NaN). */
    private static double power(double a, double b) {
        if (Double.isNaN(a)) {
            return b == 0 ? 1.0 : Double.NaN;
        }
        if (Double.isNaN(b)) {
            return a == 1 ? 1.0 : Double.NaN;
        }
        if (a == 0 && b < 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (a < 0 && Math.floor(b) != b) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (Double.isInfinite(b)) {
            double absA = Math.abs(a);
            if (absA == 1.0) {
                return 1.0;
            }
            if (b > 0) {
                return absA > 1.0 ? b : 0.0;
            }
            return absA > 1.0 ? 0.0 : -b;
        }
        if (Double.isInfinite(a)) {
            if (b == 0.0) {
                return 1.0;
            }
            if (a > 0) {
                return b > 0 ? a : 0.0;
            }
            double halfB = b / 2;
            boolean oddInteger = Math.floor(halfB) != halfB;
            if (b > 0) {
                return oddInteger ? a : -a;
            }
            return oddInteger ? -0.0 : 0.0;
        }
        double v = Math.pow(a, b);
        if (Double.isInfinite(v)) {
            throw overflow();
        }
        if (v == 0.0 && a != 0.0) {
            throw underflow();
        }
        return v;
    }

    private static double logarithm(double v, DoubleUnaryOperator log) {
        if (v == 0.0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (v < 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
        return log.applyAsDouble(v);
    }

    private static double inUnitRange(double v, DoubleUnaryOperator f) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        if (v < -1.0 || v > 1.0) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
        }
        return f.applyAsDouble(v);
    }

    /** cosh as glibc computes it (exp-based in the middle range), which differs from Math.cosh in the last digit. */
    static double cosh(double x) {
        double a = Math.abs(x);
        if (Double.isNaN(x)) {
            return x;
        }
        if (a < 0.5 * Math.log(2)) {
            double t = Math.expm1(a);
            double w = 1.0 + t;
            return a < 0x1p-55 ? w : 1.0 + (t * t) / (w + w);
        }
        if (a < 22) {
            double t = Math.exp(a);
            return 0.5 * t + 0.5 / t;
        }
        double v = Math.cosh(a);
        if (Double.isInfinite(v) && !Double.isInfinite(x)) {
            throw overflow();
        }
        return v;
    }

    private static final double CBRT2 = 1.2599210498948731648;
    private static final double SQR_CBRT2 = 1.5874010519681994748;
    private static final double[] CBRT_FACTOR = {1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2};

    /**
     * cbrt as glibc computes it (a polynomial guess and one rational correction), because PostgreSQL
     * calls the C library: cbrt(27) is 3.0000000000000004 there, while Math.cbrt gives 3.
     */
    static double cbrt(double x) {
        if (x == 0.0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return x + x;
        }
        double a = Math.abs(x);
        // frexp: a = xm * 2^xe with xm in [0.5, 1)
        int xe = Math.getExponent(a) + 1;
        double xm;
        if (xe == Double.MIN_EXPONENT) {
            double scaled = a * 0x1p54;
            xe = Math.getExponent(scaled) + 1 - 54;
            xm = Math.scalb(scaled, -(Math.getExponent(scaled) + 1));
        } else {
            xm = Math.scalb(a, -xe);
        }
        double u = 0.354895765043919860 + ((1.50819193781584896 + ((-2.11499494167371287 + ((2.44693122563534430
                + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm)) * xm)) * xm))
                * xm);
        double t2 = u * u * u;
        double ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * CBRT_FACTOR[2 + xe % 3];
        return Math.scalb(x > 0.0 ? ym : -ym, xe / 3);
    }
}
