package org.lakepg.server.exec.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * EXPLAIN's {@code (cost=a..b rows=n width=w)} as PostgreSQL prints it with C's {@code %.2f}: the double's exact binary
 * value rounded, so 1.035 (just below in binary) is 1.03. Java's {@code %.2f} rounds the shortest decimal form half
 * up and would print 1.04.
 */
final class CostText {
    private CostText() {}

    static String of(double startup, double total, long rows, int width) {
        return "  (cost=" + twoDigits(startup) + ".." + twoDigits(total) + " rows=" + rows + " width=" + width + ")";
    }

    static String twoDigits(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.format("%.2f", value);
        }
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
