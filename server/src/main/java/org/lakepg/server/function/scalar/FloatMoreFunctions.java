package org.lakepg.server.function.scalar;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** float8 cot, inverse hyperbolic functions, width_bucket, and random() / setseed(). */
public final class FloatMoreFunctions {
    private FloatMoreFunctions() {}

    /**
     * Generators of sessions that called setseed, by backend pid; other sessions use an unseeded one.
     * The sequence after setseed is repeatable within lakepg but not the same numbers PostgreSQL gives.
     */
    private static final Map<Integer, SplittableRandom> SEEDED = new ConcurrentHashMap<>();

    public static void register(FunctionRegistry r) {
        r.register("dcot", (x, c) -> {
            double t = Math.tan(d(x[0]));
            if (Double.isInfinite(t)) {
                throw FloatFunctions.overflow();
            }
            return 1.0 / t;
        });
        r.register("dasinh", (x, c) -> asinh(d(x[0])));
        r.register("dacosh", (x, c) -> {
            double v = d(x[0]);
            if (v < 1.0) {
                throw outOfRange();
            }
            return Math.log(v + Math.sqrt(v * v - 1.0));
        });
        r.register("datanh", (x, c) -> {
            double v = d(x[0]);
            if (v < -1.0 || v > 1.0) {
                throw outOfRange();
            }
            if (v == 1.0 || v == -1.0) {
                return v * Double.POSITIVE_INFINITY;
            }
            return 0.5 * Math.log1p(2.0 * v / (1.0 - v));
        });
        r.register("width_bucket_float8", (x, c) -> widthBucket(d(x[0]), d(x[1]), d(x[2]), ((Number) x[3]).intValue()));
        r.register("drandom", (x, c) -> random(c));
        r.register("setseed", (x, c) -> {
            double seed = d(x[0]);
            if (seed < -1 || seed > 1 || Double.isNaN(seed)) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "setseed parameter %s is out of allowed range [-1,1]",
                        FloatText.g(seed));
            }
            SEEDED.put(c.backendPid(), new SplittableRandom(Double.doubleToLongBits(seed)));
            return null;
        });
    }

    private static double d(Object v) {
        return ((Number) v).doubleValue();
    }

    private static PgException outOfRange() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
    }

    private static double asinh(double v) {
        if (v == 0.0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double a = Math.abs(v);
        double result = a > 1e8 ? Math.log(a) + Math.log(2.0) : Math.log1p(a + a * a / (1.0 + Math.sqrt(1.0 + a * a)));
        return Math.copySign(result, v);
    }

    private static double random(FunctionContext context) {
        SplittableRandom seeded = SEEDED.get(context.backendPid());
        if (seeded != null) {
            synchronized (seeded) {
                return seeded.nextDouble();
            }
        }
        return ThreadLocalRandom.current().nextDouble();
    }

    private static int widthBucket(double operand, double low, double high, int count) {
        if (count <= 0) {
            throw NumericMathFunctions.widthBucketError("count must be greater than zero");
        }
        if (Double.isNaN(operand) || Double.isNaN(low) || Double.isNaN(high)) {
            throw NumericMathFunctions.widthBucketError("operand, lower bound, and upper bound cannot be NaN");
        }
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            throw NumericMathFunctions.widthBucketError("lower and upper bounds must be finite");
        }
        if (low == high) {
            throw NumericMathFunctions.widthBucketError("lower bound cannot equal upper bound");
        }
        long bucket;
        if (low < high) {
            if (operand < low) {
                bucket = 0;
            } else if (operand >= high) {
                bucket = (long) count + 1;
            } else {
                bucket = (long) Math.floor(count * ((operand - low) / (high - low))) + 1;
                bucket = Math.min(bucket, count);
            }
        } else {
            if (operand > low) {
                bucket = 0;
            } else if (operand <= high) {
                bucket = (long) count + 1;
            } else {
                bucket = (long) Math.floor(count * ((low - operand) / (low - high))) + 1;
                bucket = Math.min(bucket, count);
            }
        }
        if (bucket > Integer.MAX_VALUE) {
            throw IntegerFunctions.outOfRange(4);
        }
        return (int) bucket;
    }

    /** %g as PostgreSQL's error messages print a double. */
    private static final class FloatText {
        static String g(double v) {
            String s = String.format(java.util.Locale.ROOT, "%g", v);
            // C's %g drops trailing zeros of the fraction
            if (s.contains("e")) {
                String[] parts = s.split("e");
                return stripZeros(parts[0]) + "e" + parts[1];
            }
            return stripZeros(s);
        }

        private static String stripZeros(String s) {
            if (!s.contains(".")) {
                return s;
            }
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
