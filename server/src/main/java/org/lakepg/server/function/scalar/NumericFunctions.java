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
 * numeric arithmetic with PostgreSQL's result scales (the sum keeps the larger scale, the product
 * adds them, the quotient follows select_div_scale), NaN and infinities, casts and rounding.
 */
public final class NumericFunctions {
    private NumericFunctions() {}

    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    private static final PgNumeric ZERO = PgNumeric.of(BigDecimal.ZERO);

    public static void register(FunctionRegistry r) {
        r.register("numeric_add", (x, c) -> add(n(x[0]), n(x[1])));
        r.register("numeric_sub", (x, c) -> add(n(x[0]), negate(n(x[1]))));
        r.register("numeric_mul", (x, c) -> multiply(n(x[0]), n(x[1])));
        r.register("numeric_div", (x, c) -> divide(n(x[0]), n(x[1])));
        r.register("numeric_div_trunc", (x, c) -> divideTrunc(n(x[0]), n(x[1])));
        r.register("numeric_mod", (x, c) -> modulo(n(x[0]), n(x[1])));
        r.register("numeric_uminus", (x, c) -> negate(n(x[0])));
        r.register("numeric_uplus", (x, c) -> x[0]);
        r.register("numeric_abs", (x, c) -> n(x[0]).isFinite() ? PgNumeric.of(n(x[0]).value().abs())
                : n(x[0]).isNaN() ? PgNumeric.NAN : PgNumeric.POSITIVE_INFINITY);
        r.register("numeric_sign", (x, c) -> sign(n(x[0])));
        r.register("numeric_eq", (x, c) -> n(x[0]).compareTo(n(x[1])) == 0);
        r.register("numeric_ne", (x, c) -> n(x[0]).compareTo(n(x[1])) != 0);
        r.register("numeric_lt", (x, c) -> n(x[0]).compareTo(n(x[1])) < 0);
        r.register("numeric_le", (x, c) -> n(x[0]).compareTo(n(x[1])) <= 0);
        r.register("numeric_gt", (x, c) -> n(x[0]).compareTo(n(x[1])) > 0);
        r.register("numeric_ge", (x, c) -> n(x[0]).compareTo(n(x[1])) >= 0);
        r.register("numeric_cmp", (x, c) -> Integer.signum(n(x[0]).compareTo(n(x[1]))));
        r.register("numeric_larger", (x, c) -> n(x[0]).compareTo(n(x[1])) >= 0 ? x[0] : x[1]);
        r.register("numeric_smaller", (x, c) -> n(x[0]).compareTo(n(x[1])) <= 0 ? x[0] : x[1]);
        r.register("numeric_inc", (x, c) -> add(n(x[0]), PgNumeric.of(BigDecimal.ONE)));
        r.register("numeric_round", (x, c) -> round(n(x[0]), ((Number) x[1]).intValue(), RoundingMode.HALF_UP));
        r.register("numeric_trunc", (x, c) -> round(n(x[0]), ((Number) x[1]).intValue(), RoundingMode.DOWN));
        r.register("numeric_ceil", (x, c) -> integral(n(x[0]), RoundingMode.CEILING));
        r.register("numeric_floor", (x, c) -> integral(n(x[0]), RoundingMode.FLOOR));
        r.register("numeric_scale", (x, c) -> n(x[0]).isFinite() ? n(x[0]).displayScale() : null);
        r.register("numeric_min_scale", (x, c) -> n(x[0]).isFinite()
                ? Math.max(0, n(x[0]).value().stripTrailingZeros().scale()) : null);
        r.register("numeric_trim_scale", (x, c) -> n(x[0]).isFinite()
                ? PgNumeric.of(n(x[0]).value().stripTrailingZeros()) : x[0]);
        r.register("numeric", (x, c) -> applyTypmod(n(x[0]), ((Number) x[1]).intValue()));
        r.register("numeric_power", (x, c) -> power(n(x[0]), n(x[1])));

        r.register("int2_numeric", (x, c) -> PgNumeric.of(BigDecimal.valueOf(((Number) x[0]).longValue())));
        r.register("int4_numeric", (x, c) -> PgNumeric.of(BigDecimal.valueOf(((Number) x[0]).longValue())));
        r.register("int8_numeric", (x, c) -> PgNumeric.of(BigDecimal.valueOf(((Number) x[0]).longValue())));
        r.register("float8_numeric", (x, c) -> fromDouble((Double) x[0], 15));
        r.register("float4_numeric", (x, c) -> fromDouble(((Float) x[0]).doubleValue(), 6));
        r.register("numeric_int2", (x, c) -> toInteger(n(x[0]), 2));
        r.register("numeric_int4", (x, c) -> toInteger(n(x[0]), 4));
        r.register("numeric_int8", (x, c) -> toInteger(n(x[0]), 8));
        r.register("numeric_float8", (x, c) -> toDouble(n(x[0])));
        r.register("numeric_float4", (x, c) -> (float) toDouble(n(x[0])));
    }

    private static PgNumeric n(Object value) {
        return (PgNumeric) value;
    }

    private static PgNumeric negate(PgNumeric v) {
        return switch (v.kind()) {
            case FINITE -> PgNumeric.of(v.value().negate());
            case POSITIVE_INFINITY -> PgNumeric.NEGATIVE_INFINITY;
            case NEGATIVE_INFINITY -> PgNumeric.POSITIVE_INFINITY;
            case NAN -> v;
        };
    }

    private static PgNumeric add(PgNumeric a, PgNumeric b) {
        if (a.isNaN() || b.isNaN()) {
            return PgNumeric.NAN;
        }
        if (!a.isFinite() || !b.isFinite()) {
            if (!a.isFinite() && !b.isFinite()) {
                return a.kind() == b.kind() ? a : PgNumeric.NAN;
            }
            return a.isFinite() ? b : a;
        }
        return PgNumeric.of(a.value().add(b.value()));
    }

    private static PgNumeric multiply(PgNumeric a, PgNumeric b) {
        if (a.isNaN() || b.isNaN()) {
            return PgNumeric.NAN;
        }
        if (!a.isFinite() || !b.isFinite()) {
            int sa = signOf(a);
            int sb = signOf(b);
            if (sa == 0 || sb == 0) {
                return PgNumeric.NAN;
            }
            return sa * sb > 0 ? PgNumeric.POSITIVE_INFINITY : PgNumeric.NEGATIVE_INFINITY;
        }
        BigDecimal product = a.value().multiply(b.value());
        if (product.scale() > MAX_DISPLAY_SCALE) {
            product = product.setScale(MAX_DISPLAY_SCALE, RoundingMode.HALF_UP);
        }
        return PgNumeric.of(product);
    }

    private static int signOf(PgNumeric v) {
        return switch (v.kind()) {
            case FINITE -> v.value().signum();
            case POSITIVE_INFINITY -> 1;
            case NEGATIVE_INFINITY -> -1;
            case NAN -> 0;
        };
    }

    private static PgNumeric divide(PgNumeric a, PgNumeric b) {
        PgNumeric special = divisionSpecialCases(a, b);
        if (special != null) {
            return special;
        }
        int scale = divisionScale(a, b);
        return PgNumeric.of(a.value().divide(b.value(), scale, RoundingMode.HALF_UP));
    }

    /** NaN, infinities and zero divisors, shared by / , div() and %. */
    private static PgNumeric divisionSpecialCases(PgNumeric a, PgNumeric b) {
        if (a.isNaN() || b.isNaN()) {
            return PgNumeric.NAN;
        }
        if (b.isFinite() && b.value().signum() == 0) {
            throw IntegerFunctions.divisionByZero();
        }
        if (!a.isFinite()) {
            if (!b.isFinite()) {
                return PgNumeric.NAN;
            }
            return signOf(a) * b.value().signum() > 0 ? PgNumeric.POSITIVE_INFINITY : PgNumeric.NEGATIVE_INFINITY;
        }
        if (!b.isFinite()) {
            return ZERO;
        }
        return null;
    }

    /** select_div_scale: at least 16 significant digits, and no less scale than either input. */
    public static int divisionScale(PgNumeric a, PgNumeric b) {
        long[] wa = weightAndFirstDigit(a.value());
        long[] wb = weightAndFirstDigit(b.value());
        long qweight = wa[0] - wb[0];
        if (wa[1] <= wb[1]) {
            qweight--;
        }
        long scale = MIN_SIG_DIGITS - qweight * 4;
        scale = Math.max(scale, a.displayScale());
        scale = Math.max(scale, b.displayScale());
        scale = Math.max(scale, 0);
        return (int) Math.min(scale, MAX_DISPLAY_SCALE);
    }

    /** The weight (in base-10000 digits) and value of the first non-zero base-10000 digit, as PostgreSQL stores numerics. */
    private static long[] weightAndFirstDigit(BigDecimal v) {
        if (v.signum() == 0) {
            return new long[] {0, 0};
        }
        BigDecimal abs = v.abs();
        // digits before the point: precision - scale; the base-10000 weight groups them by 4 from the point
        int exponent = abs.precision() - abs.scale() - 1; // floor(log10(abs))
        int weight = Math.floorDiv(exponent, 4);
        BigDecimal scaled = abs.movePointLeft(weight * 4);
        long first = scaled.setScale(0, RoundingMode.DOWN).longValue();
        return new long[] {weight, first};
    }

    private static PgNumeric divideTrunc(PgNumeric a, PgNumeric b) {
        PgNumeric special = divisionSpecialCases(a, b);
        if (special != null) {
            return special;
        }
        return PgNumeric.of(a.value().divideToIntegralValue(b.value()).setScale(0, RoundingMode.DOWN));
    }

    private static PgNumeric modulo(PgNumeric a, PgNumeric b) {
        if (a.isNaN() || b.isNaN()) {
            return PgNumeric.NAN;
        }
        if (b.isFinite() && b.value().signum() == 0) {
            throw IntegerFunctions.divisionByZero();
        }
        if (!a.isFinite()) {
            return PgNumeric.NAN;
        }
        if (!b.isFinite()) {
            return a;
        }
        BigDecimal rem = a.value().remainder(b.value());
        int scale = Math.max(a.displayScale(), b.displayScale());
        return PgNumeric.of(rem.setScale(scale, RoundingMode.DOWN));
    }

    /** power_var: exact for integer exponents, else exp(ln(base) * exponent), with PostgreSQL's result scale. */
    private static PgNumeric power(PgNumeric base, PgNumeric exponent) {
        if (base.isNaN() || exponent.isNaN()) {
            if (base.isFinite() && base.value().compareTo(BigDecimal.ONE) == 0
                    || exponent.isFinite() && exponent.value().signum() == 0) {
                // POSIX: NaN ^ 0 = 1 and 1 ^ NaN = 1, as a plain 1
                return PgNumeric.of(BigDecimal.ONE);
            }
            return PgNumeric.NAN;
        }
        if (!base.isFinite() || !exponent.isFinite()) {
            return infinitePower(base, exponent);
        }
        BigDecimal b = base.value();
        BigDecimal e = exponent.value();
        if (b.signum() == 0 && e.signum() < 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        boolean integral = e.stripTrailingZeros().scale() <= 0;
        if (b.signum() < 0 && !integral) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        boolean negativeResult = b.signum() < 0 && integral && e.toBigInteger().testBit(0);
        BigDecimal absBase = b.abs();
        if (integral && e.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && e.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            // power_var_int: the result scale depends on the base only
            int scale = Math.min(Math.max(MIN_SIG_DIGITS, base.displayScale()), MAX_DISPLAY_SCALE);
            long n = e.longValueExact();
            if (n == 0 || absBase.compareTo(BigDecimal.ONE) == 0) {
                BigDecimal one = negativeResult ? BigDecimal.ONE.negate() : BigDecimal.ONE;
                return PgNumeric.of(one.setScale(scale));
            }
            if (b.signum() == 0) {
                return PgNumeric.of(BigDecimal.ZERO.setScale(scale));
            }
            // approximate decimal weight of the result: exit early on sure overflow / underflow
            double weight = n * log10(absBase);
            if (weight > 3.0 * 32767 * 4) {
                throw numericOverflow();
            }
            if (weight + 1 < -scale) {
                return PgNumeric.of(BigDecimal.ZERO.setScale(scale));
            }
            BigDecimal p;
            if (Math.abs(n) * b.precision() <= 20_000) {
                p = b.pow((int) Math.abs(n)); // small enough to be exact
            } else {
                int digits = Math.max((int) Math.abs(weight), 0) + scale + 20;
                p = Math.abs(n) <= 999_999_999
                        ? absBase.pow((int) Math.abs(n), new MathContext(digits, RoundingMode.HALF_EVEN))
                        : BigMath.exp(BigMath.ln(absBase, digits + 12).multiply(BigDecimal.valueOf(Math.abs(n))), digits);
                if (negativeResult) {
                    p = p.negate();
                }
            }
            if (n < 0) {
                p = BigDecimal.ONE.divide(p, scale, RoundingMode.HALF_UP);
            }
            return checkedNumeric(p.setScale(scale, RoundingMode.HALF_UP));
        }
        if (b.signum() == 0) {
            return PgNumeric.of(BigDecimal.ZERO.setScale(MIN_SIG_DIGITS));
        }
        // power_var: e ^ (exponent * ln|base|), the sign from an odd integral exponent
        int minScale = Math.max(base.displayScale(), exponent.displayScale());
        if (absBase.compareTo(BigDecimal.ONE) == 0) {
            BigDecimal one = negativeResult ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            return PgNumeric.of(one.setScale(Math.min(Math.max(MIN_SIG_DIGITS, minScale), MAX_DISPLAY_SCALE)));
        }
        double lnEstimate = BigMath.ln(absBase, 20).multiply(e).doubleValue();
        if (Double.isNaN(lnEstimate) || Math.abs(lnEstimate) > MAX_DISPLAY_SCALE * 3.01) {
            if (lnEstimate > 0) {
                throw numericOverflow();
            }
            return PgNumeric.of(BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE));
        }
        double estimate = lnEstimate * 0.434294481903252;
        int scale = MIN_SIG_DIGITS - (int) estimate;
        scale = Math.max(scale, minScale);
        scale = Math.min(Math.max(scale, 0), MAX_DISPLAY_SCALE);
        int digits = Math.max(scale + (int) estimate, 1) + 8;
        BigDecimal ln = BigMath.ln(absBase, digits + Math.max(0, (int) Math.ceil(Math.log10(Math.abs(lnEstimate) + 1)))
                + 4);
        BigDecimal result = BigMath.exp(ln.multiply(e), digits);
        if (negativeResult) {
            result = result.negate();
        }
        return checkedNumeric(result.setScale(scale, RoundingMode.HALF_UP));
    }

    /** log10 of a positive value, from its leading digits and its exponent (no double overflow). */
    private static double log10(BigDecimal positive) {
        int digits = positive.precision();
        BigDecimal lead = positive.movePointLeft(positive.precision() - positive.scale());
        return Math.log10(lead.doubleValue()) + (digits - positive.scale());
    }

    private static PgException numericOverflow() {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    /** A result beyond numeric's range (weight over 32767 base-10000 digits) is an error, as make_result says. */
    private static PgNumeric checkedNumeric(BigDecimal v) {
        if (v.signum() != 0 && (long) v.precision() - v.scale() > 131072) {
            throw numericOverflow();
        }
        return PgNumeric.of(v);
    }

    /** power() with an infinite argument, by the POSIX pow(3) rules numeric.c follows. */
    private static PgNumeric infinitePower(PgNumeric base, PgNumeric exponent) {
        int baseSign = signOf(base);
        int exponentSign = signOf(exponent);
        if (baseSign == 0 && exponentSign < 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        boolean integralExponent = !exponent.isFinite() || exponent.value().stripTrailingZeros().scale() <= 0;
        if (baseSign < 0 && !integralExponent) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        PgNumeric one = PgNumeric.of(BigDecimal.ONE);
        if (!exponent.isFinite()) {
            boolean absAboveOne;
            if (!base.isFinite()) {
                absAboveOne = true;
            } else {
                BigDecimal abs = base.value().abs();
                if (abs.compareTo(BigDecimal.ONE) == 0) {
                    return one;
                }
                absAboveOne = abs.compareTo(BigDecimal.ONE) > 0;
            }
            return absAboveOne == (exponentSign > 0) ? PgNumeric.POSITIVE_INFINITY : PgNumeric.of(BigDecimal.ZERO);
        }
        if (exponentSign == 0) {
            return one;
        }
        if (exponentSign < 0) {
            return PgNumeric.of(BigDecimal.ZERO);
        }
        boolean oddInteger = exponent.value().stripTrailingZeros().scale() <= 0
                && exponent.value().toBigInteger().testBit(0);
        return baseSign < 0 && oddInteger ? PgNumeric.NEGATIVE_INFINITY : PgNumeric.POSITIVE_INFINITY;
    }

    private static PgNumeric sign(PgNumeric v) {
        if (v.isNaN()) {
            return v;
        }
        return PgNumeric.of(BigDecimal.valueOf(signOf(v)));
    }

    /** round / trunc to a (possibly negative) number of decimal places; the result's scale is max(places, 0). */
    private static PgNumeric round(PgNumeric v, int places, RoundingMode mode) {
        if (!v.isFinite()) {
            return v;
        }
        // numeric_round's limits: one digit beyond the largest weight, and the largest display scale
        places = Math.max(-131073, Math.min(places, 16383));
        BigDecimal rounded = v.value().setScale(places, mode);
        return checkedNumeric(rounded.setScale(Math.max(places, 0), RoundingMode.UNNECESSARY));
    }

    private static PgNumeric integral(PgNumeric v, RoundingMode mode) {
        if (!v.isFinite()) {
            return v;
        }
        return PgNumeric.of(v.value().setScale(0, mode));
    }

    /** numeric(value, typmod): round to the scale, then check the precision. */
    static PgNumeric applyTypmod(PgNumeric v, int typmod) {
        if (typmod < 4) {
            return v;
        }
        int precision = ((typmod - 4) >> 16) & 0xffff;
        int scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
        if (!v.isFinite()) {
            if (v.isNaN()) {
                return v;
            }
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail(String.format("A field with precision %d, scale %d cannot hold an infinite value.",
                            precision, scale));
        }
        BigDecimal rounded = v.value().setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = precision - scale;
        if (rounded.signum() != 0 && rounded.abs().compareTo(BigDecimal.TEN.pow(Math.max(integerDigits, 0))
                .scaleByPowerOfTen(Math.min(integerDigits, 0))) >= 0) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail(String.format("A field with precision %d, scale %d must round to an absolute value less than %s.",
                            precision, scale, integerDigits != 0 ? "10^" + integerDigits : "1")); // 10^0 reads 1
        }
        return PgNumeric.of(rounded.setScale(Math.max(scale, 0), RoundingMode.UNNECESSARY));
    }

    /** float8 → numeric goes through %.15g text (DBL_DIG digits), as PostgreSQL does. */
    private static PgNumeric fromDouble(double v, int digits) {
        if (Double.isNaN(v)) {
            return PgNumeric.NAN;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? PgNumeric.POSITIVE_INFINITY : PgNumeric.NEGATIVE_INFINITY;
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(digits, RoundingMode.HALF_EVEN));
        d = d.stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return PgNumeric.of(d);
    }

    private static Object toInteger(PgNumeric v, int width) {
        if (v.isNaN()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert NaN to %s",
                    width == 2 ? "smallint" : width == 4 ? "integer" : "bigint");
        }
        if (!v.isFinite()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot convert infinity to %s",
                    width == 2 ? "smallint" : width == 4 ? "integer" : "bigint");
        }
        BigInteger i = v.value().setScale(0, RoundingMode.HALF_UP).toBigInteger();
        if (i.bitLength() > 63) {
            throw IntegerFunctions.outOfRange(width);
        }
        return IntegerFunctions.narrow(i.longValue(), width);
    }

    private static double toDouble(PgNumeric v) {
        return switch (v.kind()) {
            case FINITE -> Double.parseDouble(v.value().toString());
            case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            case NAN -> Double.NaN;
        };
    }
}
