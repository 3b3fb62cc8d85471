package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.plan.Expr;

/**
 * numeric comparison and +, -, * on unscaled longs, when both sides are scaled numeric vectors or integers (scale
 * 0): the smaller scale is raised to the larger one, as BigDecimal and PostgreSQL's numeric align operands. Every
 * method returns null when a value would leave the long range; the caller then takes the BigDecimal path, so results
 * are always exact.
 */
final class ScaledDecimals {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private ScaledDecimals() {
    }

    /** Unscaled longs and their scale of a numeric or integer vector, or null (boxed numeric, other types). */
    private record Scaled(long[] values, int scale) {
    }

    private static Scaled of(ColumnVector v) {
        return switch (v) {
            case DecimalVector d -> d.isScaled() ? new Scaled(d.unscaled(), d.scale()) : null;
            case LongVector l -> new Scaled(l.values(), 0);
            case IntVector i -> new Scaled(Vectors.longs(i), 0);
            case ShortVector s -> new Scaled(Vectors.longs(s), 0);
            default -> null;
        };
    }

    /** {@code values} multiplied by 10^{@code by} (positions outside {@code nulls}), or null on overflow. */
    private static long[] raise(long[] values, int by, int n, NullMask nulls) {
        if (by == 0) {
            return values;
        }
        if (by >= POWERS_OF_TEN.length) {
            return null;
        }
        long factor = POWERS_OF_TEN[by];
        long limit = Long.MAX_VALUE / factor;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long v = values[i];
            if (v > limit || v < -limit) {
                if (nulls.isNull(i)) {
                    continue;
                }
                return null;
            }
            out[i] = v * factor;
        }
        return out;
    }

    /** The comparison of two numeric/integer vectors (at least one numeric), or null if it needs BigDecimals. */
    static BoolVector compare(Expr.CompareOp op, ColumnVector left, ColumnVector right, NullMask nulls, int n) {
        Scaled a = of(left);
        Scaled b = of(right);
        if (a == null || b == null) {
            return null;
        }
        int scale = Math.max(a.scale(), b.scale());
        long[] x = raise(a.values(), scale - a.scale(), n, nulls);
        long[] y = raise(b.values(), scale - b.scale(), n, nulls);
        if (x == null || y == null) {
            return null;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = ExprEvaluator.test(op, Long.compare(x[i], y[i]));
        }
        return new BoolVector(PgType.BOOL, out, n, nulls);
    }

    /** {@code left op right} for +, - and * as a scaled numeric vector, or null if it needs BigDecimals. */
    static DecimalVector arithmetic(Expr.ArithOp op, ColumnVector left, ColumnVector right, NullMask nulls, int n) {
        if (op != Expr.ArithOp.ADD && op != Expr.ArithOp.SUBTRACT && op != Expr.ArithOp.MULTIPLY) {
            return null;
        }
        Scaled a = of(left);
        Scaled b = of(right);
        if (a == null || b == null) {
            return null;
        }
        long[] x = a.values();
        long[] y = b.values();
        int scale = a.scale() + b.scale();
        if (op != Expr.ArithOp.MULTIPLY) {
            scale = Math.max(a.scale(), b.scale());
            x = raise(x, scale - a.scale(), n, nulls);
            y = raise(y, scale - b.scale(), n, nulls);
            if (x == null || y == null) {
                return null;
            }
        }
        long[] out = new long[n];
        boolean anyNull = nulls.hasNulls();
        try {
            for (int i = 0; i < n; i++) {
                if (anyNull && nulls.isNull(i)) {
                    continue;
                }
                out[i] = switch (op) {
                    case ADD -> Math.addExact(x[i], y[i]);
                    case SUBTRACT -> Math.subtractExact(x[i], y[i]);
                    default -> Math.multiplyExact(x[i], y[i]);
                };
            }
        } catch (ArithmeticException beyondLong) {
            return null;
        }
        return DecimalVector.scaled(PgType.NUMERIC, out, scale, n, nulls);
    }
}
