package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * numeric division as PostgreSQL scales it (numeric.c's select_div_scale): at least 16 significant digits, never
 * less than either input's scale, rounded half away from zero. avg() of integers and numerics divides this way too.
 */
final class NumericDivision {

    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private NumericDivision() {
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, scale(dividend, divisor), RoundingMode.HALF_UP);
    }

    static int scale(BigDecimal dividend, BigDecimal divisor) {
        long[] a = weightAndFirstDigit(dividend);
        long[] b = weightAndFirstDigit(divisor);
        long quotientWeight = a[0] - b[0];
        if (a[1] <= b[1]) {
            quotientWeight--; // equal first digits: assume the dividend is the smaller, as PostgreSQL does
        }
        long scale = MIN_SIG_DIGITS - quotientWeight * 4;
        scale = Math.max(scale, Math.max(dividend.scale(), 0));
        scale = Math.max(scale, Math.max(divisor.scale(), 0));
        return (int) Math.min(scale, MAX_DISPLAY_SCALE);
    }

    /** PostgreSQL stores numerics in base-10000 digits: the weight of the first non-zero one and its value. */
    private static long[] weightAndFirstDigit(BigDecimal v) {
        if (v.signum() == 0) {
            return new long[] {0, 0};
        }
        BigDecimal abs = v.abs();
        int exponent = abs.precision() - abs.scale() - 1; // floor(log10(abs))
        int weight = Math.floorDiv(exponent, 4);
        long first = abs.movePointLeft(weight * 4).setScale(0, RoundingMode.DOWN).longValue();
        return new long[] {weight, first};
    }
}
