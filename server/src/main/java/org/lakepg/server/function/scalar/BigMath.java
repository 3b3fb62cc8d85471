package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Natural logarithm and exponential of BigDecimals to a requested number of significant digits. */
final class BigMath {
    private BigMath() {}

    /** ln(x) for x > 0, correct to about {@code digits} significant digits. */
    static BigDecimal ln(BigDecimal x, int digits) {
        MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
        // x = m * 10^k with m in [0.1, 1): ln x = ln m + k ln 10
        int k = x.precision() - x.scale();
        BigDecimal m = x.movePointLeft(k);
        BigDecimal result = lnNearOne(m, mc);
        if (k != 0) {
            result = result.add(lnNearOne(new BigDecimal("0.1"), mc).negate().multiply(BigDecimal.valueOf(k), mc), mc);
        }
        return result.round(new MathContext(digits + 5, RoundingMode.HALF_EVEN));
    }

    /** ln(m) for m in (0, 10): square roots bring m close to 1, then the atanh series. */
    private static BigDecimal lnNearOne(BigDecimal m, MathContext mc) {
        int halvings = 0;
        BigDecimal threshold = new BigDecimal("0.001");
        while (m.subtract(BigDecimal.ONE).abs().compareTo(threshold) > 0) {
            m = m.sqrt(mc);
            halvings++;
        }
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), mc);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int i = 1; term.abs().compareTo(epsilon) > 0; i += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(i), mc), mc);
            term = term.multiply(z2, mc);
        }
        return sum.multiply(BigDecimal.valueOf(2).pow(halvings + 1), mc);
    }

    /** e^y, correct to about {@code digits} significant digits. */
    static BigDecimal exp(BigDecimal y, int digits) {
        if (y.signum() < 0) {
            MathContext mc = new MathContext(digits + 10, RoundingMode.HALF_EVEN);
            return BigDecimal.ONE.divide(exp(y.negate(), digits + 10), mc);
        }
        int halvings = 0;
        BigDecimal r = y;
        while (r.compareTo(new BigDecimal("0.01")) > 0) {
            r = r.divide(BigDecimal.valueOf(2));
            halvings++;
        }
        MathContext mc = new MathContext(digits + 10 + halvings, RoundingMode.HALF_EVEN);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int i = 1; term.abs().compareTo(epsilon) > 0; i++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(i), mc);
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum;
    }
}
