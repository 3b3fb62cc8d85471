package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgNumeric;

/**
 * numeric sqrt, exp, ln, log, gcd, lcm, factorial and width_bucket, with the result scales numeric.c
 * chooses: at least 16 significant digits (NUMERIC_MIN_SIG_DIGITS) and never less than the inputs'
 * display scales. Also lcm for int4/int8 (gcd is in {@link IntegerFunctions}).
 */
public final class NumericMathFunctions {
    private NumericMathFunctions() {}

    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    public static void register(FunctionRegistry r) {
        r.register("numeric_sqrt", (x, c) -> sqrt(n(x[0])));
        r.register("numeric_exp", (x, c) -> exp(n(x[0])));
        r.register("numeric_ln", (x, c) -> ln(n(x[0])));
        r.register("numeric_log", (x, c) -> log(n(x[0]), n(x[1])));
        r.register("numeric_gcd", (x, c) -> gcdOrLcm(n(x[0]), n(x[1]), false));
        r.register("numeric_lcm", (x, c) -> gcdOrLcm(n(x[0]), n(x[1]), true));
        r.register("numeric_fac", (x, c) -> factorial(((Number) x[0]).longValue()));
        r.register("width_bucket_numeric", (x, c) -> widthBucket(n(x[0]), n(x[1]), n(x[2]), ((Number) x[3]).intValue()));
        r.register("int4lcm", (x, c) -> IntegerFunctions.narrow(lcm(((Number) x[0]).longValue(),
                ((Number) x[1]).longValue(), 4), 4));
        r.register("int8lcm", (x, c) -> lcm(((Number) x[0]).longValue(), ((Number) x[1]).longValue(), 8));
    }

    private static PgNumeric n(Object v) {
        return (PgNumeric) v;
    }

    private static int clampScale(long scale, PgNumeric... inputs) {
        for (PgNumeric in : inputs) {
            scale = Math.max(scale, in.displayScale());
        }
        return (int) Math.min(Math.max(scale, 0), MAX_DISPLAY_SCALE);
    }

    /** Weight of the first base-10000 digit, as numeric.c's NumericVar.weight. */
    private static int weight(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        int exponent = v.precision() - v.scale() - 1;
        return Math.floorDiv(exponent, 4);
    }

    private static PgNumeric sqrt(PgNumeric v) {
        if (v.isNaN()) {
            return v;
        }
        if (v.kind() == PgNumeric.Kind.NEGATIVE_INFINITY || v.isFinite() && v.value().signum() < 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        if (!v.isFinite()) {
            return v;
        }
        int sweight = (weight(v.value()) + 1) * 4 / 2 - 1;
        int rscale = clampScale(MIN_SIG_DIGITS - sweight, v);
        BigDecimal x = v.value();
        int digits = Math.max(1, x.precision() - x.scale()) / 2 + rscale + 10;
        BigDecimal root = x.sqrt(new MathContext(digits, RoundingMode.DOWN));
        return PgNumeric.of(root.setScale(rscale, RoundingMode.HALF_UP));
    }

    private static PgNumeric exp(PgNumeric v) {
        if (v.isNaN() || v.kind() == PgNumeric.Kind.POSITIVE_INFINITY) {
            return v;
        }
        if (v.kind() == PgNumeric.Kind.NEGATIVE_INFINITY) {
            return PgNumeric.of(BigDecimal.ZERO);
        }
        BigDecimal x = v.value();
        double estimate = Math.max(-2000, Math.min(2000, x.doubleValue() * 0.434294481903252));
        int rscale = clampScale(MIN_SIG_DIGITS - (int) estimate, v);
        // exp_var gives up beyond |x| >= 3 * NUMERIC_MAX_RESULT_SCALE
        if (Math.abs(x.doubleValue()) >= 6000) {
            if (x.signum() > 0) {
                throw overflow();
            }
            return PgNumeric.of(BigDecimal.ZERO.setScale(rscale));
        }
        int digits = rscale + (int) Math.max(estimate, 0) + 10;
        BigDecimal result = BigMath.exp(x, digits);
        return PgNumeric.of(result.setScale(rscale, RoundingMode.HALF_UP));
    }

    private static PgException overflow() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    private static void checkLogArgument(PgNumeric v) {
        int sign = v.isFinite() ? v.value().signum() : v.kind() == PgNumeric.Kind.NEGATIVE_INFINITY ? -1 : 1;
        if (sign == 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (sign < 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
    }

    /** estimate_ln_dweight: the decimal weight of ln(x), from x - 1 near 1 and from a double elsewhere. */
    private static int lnDecimalWeight(BigDecimal x) {
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal d = x.subtract(BigDecimal.ONE);
            if (d.signum() == 0) {
                return 0;
            }
            return d.precision() - d.scale() - 1;
        }
        int exponent = x.precision() - x.scale() - 1;
        double mantissa = x.movePointLeft(exponent).doubleValue();
        double ln = Math.log(mantissa) + exponent * 2.302585092994046;
        return (int) Math.log10(Math.abs(ln));
    }

    /** ln(x) with enough digits to be rounded to {@code scale} decimals. */
    private static BigDecimal lnForScale(BigDecimal x, int scale) {
        return BigMath.ln(x, scale + 12);
    }

    private static PgNumeric ln(PgNumeric v) {
        if (v.isNaN()) {
            return v;
        }
        checkLogArgument(v);
        if (!v.isFinite()) {
            return v;
        }
        int rscale = clampScale(MIN_SIG_DIGITS - lnDecimalWeight(v.value()), v);
        return PgNumeric.of(lnForScale(v.value(), rscale).setScale(rscale, RoundingMode.HALF_UP));
    }

    private static PgNumeric log(PgNumeric base, PgNumeric num) {
        if (base.isNaN() || num.isNaN()) {
            return PgNumeric.NAN;
        }
        checkLogArgument(base);
        checkLogArgument(num);
        if (!base.isFinite()) {
            return num.isFinite() ? PgNumeric.of(BigDecimal.ZERO) : PgNumeric.NAN;
        }
        if (!num.isFinite()) {
            return num;
        }
        if (base.value().compareTo(BigDecimal.ONE) == 0) {
            throw IntegerFunctions.divisionByZero();
        }
        int resultWeight = lnDecimalWeight(num.value()) - lnDecimalWeight(base.value());
        int rscale = clampScale(MIN_SIG_DIGITS - resultWeight, base, num);
        int work = rscale + Math.max(0, resultWeight) + 8;
        BigDecimal lnNum = lnForScale(num.value(), work);
        BigDecimal lnBase = lnForScale(base.value(), work);
        MathContext mc = new MathContext(work + 20, RoundingMode.HALF_EVEN);
        return PgNumeric.of(lnNum.divide(lnBase, mc).setScale(rscale, RoundingMode.HALF_UP));
    }

    private static PgNumeric gcdOrLcm(PgNumeric a, PgNumeric b, boolean lcm) {
        if (!a.isFinite() || !b.isFinite()) {
            return PgNumeric.NAN;
        }
        int scale = Math.max(a.displayScale(), b.displayScale());
        BigInteger x = a.value().setScale(scale).unscaledValue().abs();
        BigInteger y = b.value().setScale(scale).unscaledValue().abs();
        BigInteger result;
        if (!lcm) {
            result = x.gcd(y);
        } else if (x.signum() == 0 || y.signum() == 0) {
            result = BigInteger.ZERO;
        } else {
            result = x.divide(x.gcd(y)).multiply(y);
        }
        BigDecimal value = new BigDecimal(result, scale);
        if (value.signum() != 0 && (long) value.precision() - value.scale() > 131072) {
            throw overflow(); // past numeric's largest weight, as make_result checks
        }
        return PgNumeric.of(value);
    }

    private static long lcm(long a, long b, int width) {
        if (a == 0 || b == 0) {
            return 0;
        }
        BigInteger x = BigInteger.valueOf(a);
        BigInteger y = BigInteger.valueOf(b);
        BigInteger g = x.gcd(y);
        BigInteger result = x.divide(g).multiply(y).abs();
        long max = width == 4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (result.bitLength() > 63 || result.longValue() > max) {
            throw IntegerFunctions.outOfRange(width);
        }
        return result.longValue();
    }

    private static PgNumeric factorial(long n) {
        if (n < 0) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "factorial of a negative number is undefined");
        }
        if (n > 32177) {
            throw overflow();
        }
        BigInteger result = BigInteger.ONE;
        for (long k = 2; k <= n; k++) {
            result = result.multiply(BigInteger.valueOf(k));
        }
        return PgNumeric.of(new BigDecimal(result));
    }

    private static int widthBucket(PgNumeric operand, PgNumeric low, PgNumeric high, int count) {
        if (count <= 0) {
            throw widthBucketError("count must be greater than zero");
        }
        if (operand.isNaN() || low.isNaN() || high.isNaN()) {
            throw widthBucketError("operand, lower bound, and upper bound cannot be NaN");
        }
        if (!low.isFinite() || !high.isFinite()) {
            throw widthBucketError("lower and upper bounds must be finite");
        }
        int cmp = low.value().compareTo(high.value());
        if (cmp == 0) {
            throw widthBucketError("lower bound cannot equal upper bound");
        }
        boolean ascending = cmp < 0;
        int vsLow = operand.compareTo(low);
        int vsHigh = operand.compareTo(high);
        long bucket;
        if (ascending ? vsLow < 0 : vsLow > 0) {
            bucket = 0;
        } else if (ascending ? vsHigh >= 0 : vsHigh <= 0) {
            bucket = (long) count + 1;
        } else {
            BigDecimal span = high.value().subtract(low.value());
            BigDecimal offset = operand.value().subtract(low.value());
            bucket = offset.multiply(BigDecimal.valueOf(count)).divide(span, 0, RoundingMode.FLOOR).longValue() + 1;
        }
        if (bucket > Integer.MAX_VALUE) {
            throw IntegerFunctions.outOfRange(4);
        }
        return (int) bucket;
    }

    static PgException widthBucketError(String message) {
        return PgException.of(SqlState.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, message);
    }
}
