package org.lakepg.server.function.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.scalar.NumericFunctions;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;

/**
 * variance/stddev (var_pop, var_samp, stddev_pop, stddev_samp) over floats and exact numbers, and the two-variable
 * statistics (covar_*, corr, regr_*). Floats use PostgreSQL's float8[] states with the Youngs-Cramer updates of
 * float.c, so results match to the last bit; integers and numerics keep exact sums and divide with numeric's
 * result scale (numeric_stddev_internal).
 */
public final class StatisticalAggregates {
    private StatisticalAggregates() {
    }

    /** Exact moments of integer or numeric input. */
    static final class NumericMoments {
        long count;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumSquares = BigDecimal.ZERO;
        int scale;
        boolean special; // NaN or an infinity was seen: the variance is NaN
    }

    public static void register(FunctionRegistry r) {
        r.register("float8_accum", (x, c) -> accumulate((PgArray) x[0], ((Number) x[1]).doubleValue()));
        r.register("float4_accum", (x, c) -> accumulate((PgArray) x[0], ((Number) x[1]).doubleValue()));
        r.register("float8_var_pop", (x, c) -> variance((PgArray) x[0], false, false));
        r.register("float8_var_samp", (x, c) -> variance((PgArray) x[0], true, false));
        r.register("float8_stddev_pop", (x, c) -> variance((PgArray) x[0], false, true));
        r.register("float8_stddev_samp", (x, c) -> variance((PgArray) x[0], true, true));
        r.register("float8_combine", (x, c) -> combine((PgArray) x[0], (PgArray) x[1], 3));
        r.register("float8_regr_combine", (x, c) -> combine((PgArray) x[0], (PgArray) x[1], 6));
        r.register("float8_regr_accum", (x, c) -> accumulate2((PgArray) x[0], (Double) x[1], (Double) x[2]));
        r.register("int8inc_float8_float8", (x, c) -> (Long) x[0] + 1);
        r.register("float8_regr_sxx", (x, c) -> moment(x[0], 2));
        r.register("float8_regr_syy", (x, c) -> moment(x[0], 4));
        r.register("float8_regr_sxy", (x, c) -> moment(x[0], 5));
        r.register("float8_regr_avgx", (x, c) -> average(x[0], 1));
        r.register("float8_regr_avgy", (x, c) -> average(x[0], 3));
        r.register("float8_covar_pop", (x, c) -> covariance(x[0], false));
        r.register("float8_covar_samp", (x, c) -> covariance(x[0], true));
        r.register("float8_corr", (x, c) -> regression(x[0], (n, sx, sxx, sy, syy, sxy) ->
                sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy)));
        r.register("float8_regr_r2", (x, c) -> regression(x[0], (n, sx, sxx, sy, syy, sxy) ->
                sxx == 0 ? null : syy == 0 ? 1.0 : sxy * sxy / (sxx * syy)));
        r.register("float8_regr_slope", (x, c) -> regression(x[0], (n, sx, sxx, sy, syy, sxy) ->
                sxx == 0 ? null : sxy / sxx));
        r.register("float8_regr_intercept", (x, c) -> regression(x[0], (n, sx, sxx, sy, syy, sxy) ->
                sxx == 0 ? null : (sy - sx * sxy / sxx) / n));
        for (String input : new String[] {"int2_accum", "int4_accum", "int8_accum"}) {
            r.register(input, (x, c) -> accumulate(x[0], x[1] == null ? null
                    : PgNumeric.of(BigDecimal.valueOf(((Number) x[1]).longValue()))));
        }
        r.register("numeric_accum", (x, c) -> accumulate(x[0], (PgNumeric) x[1]));
        for (String prefix : new String[] {"numeric_", "numeric_poly_"}) {
            r.register(prefix + "var_pop", (x, c) -> variance((NumericMoments) x[0], false, false));
            r.register(prefix + "var_samp", (x, c) -> variance((NumericMoments) x[0], true, false));
            r.register(prefix + "stddev_pop", (x, c) -> variance((NumericMoments) x[0], false, true));
            r.register(prefix + "stddev_samp", (x, c) -> variance((NumericMoments) x[0], true, true));
        }
    }

    private static double at(PgArray state, int i) {
        return (Double) state.elements()[i];
    }

    /**
     * float8_combine / float8_regr_combine: two partial states (N, Sx, Sxx[, Sy, Syy, Sxy]) merged with the
     * Youngs-Cramer formulas of float.c; an empty side gives the other unchanged.
     */
    private static PgArray combine(PgArray left, PgArray right, int length) {
        if (left.elements().length != length || right.elements().length != length) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "%s: expected %d-element float8 array",
                    length == 3 ? "float8_combine" : "float8_regr_combine", length);
        }
        double n1 = at(left, 0);
        double n2 = at(right, 0);
        if (n1 == 0.0) {
            return right;
        }
        if (n2 == 0.0) {
            return left;
        }
        double n = n1 + n2;
        double sx = checked(at(left, 1) + at(right, 1), at(left, 1), at(right, 1));
        double tmpX = at(left, 1) / n1 - at(right, 1) / n2;
        double sxx = checked(at(left, 2) + at(right, 2) + n1 * n2 * tmpX * tmpX / n, at(left, 2), at(right, 2));
        if (length == 3) {
            return PgArray.of((int) TypeOids.FLOAT8, n, sx, sxx);
        }
        double sy = checked(at(left, 3) + at(right, 3), at(left, 3), at(right, 3));
        double tmpY = at(left, 3) / n1 - at(right, 3) / n2;
        double syy = checked(at(left, 4) + at(right, 4) + n1 * n2 * tmpY * tmpY / n, at(left, 4), at(right, 4));
        double sxy = checked(at(left, 5) + at(right, 5) + n1 * n2 * tmpX * tmpY / n, at(left, 5), at(right, 5));
        return PgArray.of((int) TypeOids.FLOAT8, n, sx, sxx, sy, syy, sxy);
    }

    /** float8_pl's overflow check: an infinite sum of finite inputs is an error. */
    private static double checked(double result, double a, double b) {
        if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return result;
    }

    /** float8_accum: N, Sx and Sxx (sum of squared differences from the mean), updated as float.c does. */
    static PgArray accumulate(PgArray state, double value) {
        double n0 = at(state, 0);
        double n = n0 + 1;
        double sx = at(state, 1) + value;
        double sxx = at(state, 2);
        if (n0 > 0) {
            double tmp = value * n - sx;
            sxx += tmp * tmp / (n * n0);
            if (Double.isInfinite(sx) || Double.isInfinite(sxx)) {
                if (!Double.isInfinite(at(state, 1)) && !Double.isInfinite(value)) {
                    throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                sxx = Double.NaN;
            }
        } else if (Double.isNaN(value) || Double.isInfinite(value)) {
            sxx = Double.NaN;
        }
        return PgArray.of((int) TypeOids.FLOAT8, n, sx, sxx);
    }

    private static Double variance(PgArray state, boolean sample, boolean root) {
        double n = at(state, 0);
        if (n == 0 || sample && n <= 1) {
            return null;
        }
        double v = at(state, 2) / (sample ? n - 1 : n);
        return root ? Math.sqrt(v) : v;
    }

    /** float8_regr_accum(state, Y, X): N, Sx, Sxx, Sy, Syy, Sxy. */
    private static PgArray accumulate2(PgArray state, double y, double x) {
        double n0 = at(state, 0);
        double n = n0 + 1;
        double sx = at(state, 1) + x;
        double sxx = at(state, 2);
        double sy = at(state, 3) + y;
        double syy = at(state, 4);
        double sxy = at(state, 5);
        if (n0 > 0) {
            double tx = x * n - sx;
            double ty = y * n - sy;
            double scale = 1.0 / (n * n0);
            sxx += tx * tx * scale;
            syy += ty * ty * scale;
            sxy += tx * ty * scale;
            if (Double.isInfinite(sx) || Double.isInfinite(sxx) || Double.isInfinite(sy) || Double.isInfinite(syy)
                    || Double.isInfinite(sxy)) {
                if ((Double.isInfinite(sx) || Double.isInfinite(sxx)) && !Double.isInfinite(at(state, 1))
                        && !Double.isInfinite(x)
                        || (Double.isInfinite(sy) || Double.isInfinite(syy)) && !Double.isInfinite(at(state, 3))
                        && !Double.isInfinite(y)
                        || Double.isInfinite(sxy) && !Double.isInfinite(at(state, 1)) && !Double.isInfinite(x)
                        && !Double.isInfinite(at(state, 3)) && !Double.isInfinite(y)) {
                    throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                if (Double.isInfinite(sxx)) {
                    sxx = Double.NaN;
                }
                if (Double.isInfinite(syy)) {
                    syy = Double.NaN;
                }
                if (Double.isInfinite(sxy)) {
                    sxy = Double.NaN;
                }
            }
        } else {
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                sxx = Double.NaN;
                sxy = Double.NaN;
            }
            if (Double.isNaN(y) || Double.isInfinite(y)) {
                syy = Double.NaN;
                sxy = Double.NaN;
            }
        }
        return PgArray.of((int) TypeOids.FLOAT8, n, sx, sxx, sy, syy, sxy);
    }

    private static Double moment(Object state, int index) {
        PgArray s = (PgArray) state;
        return at(s, 0) < 1 ? null : at(s, index);
    }

    private static Double average(Object state, int index) {
        PgArray s = (PgArray) state;
        return at(s, 0) < 1 ? null : at(s, index) / at(s, 0);
    }

    private static Double covariance(Object state, boolean sample) {
        PgArray s = (PgArray) state;
        double n = at(s, 0);
        if (n < 1 || sample && n < 2) {
            return null;
        }
        return at(s, 5) / (sample ? n - 1 : n);
    }

    @FunctionalInterface
    private interface Regression {
        Double apply(double n, double sx, double sxx, double sy, double syy, double sxy);
    }

    private static Double regression(Object state, Regression formula) {
        PgArray s = (PgArray) state;
        if (at(s, 0) < 1) {
            return null;
        }
        return formula.apply(at(s, 0), at(s, 1), at(s, 2), at(s, 3), at(s, 4), at(s, 5));
    }

    private static NumericMoments accumulate(Object stateObject, PgNumeric value) {
        NumericMoments state = stateObject == null ? new NumericMoments() : (NumericMoments) stateObject;
        if (value == null) {
            return state;
        }
        state.count++;
        if (value.kind() != PgNumeric.Kind.FINITE) {
            state.special = true;
            return state;
        }
        BigDecimal v = value.value();
        state.sum = state.sum.add(v);
        state.sumSquares = state.sumSquares.add(v.multiply(v));
        state.scale = Math.max(state.scale, value.displayScale());
        return state;
    }

    /** numeric_stddev_internal: (N * sum(X^2) - sum(X)^2) / (N * N or N * (N - 1)), at numeric division's scale. */
    private static PgNumeric variance(NumericMoments state, boolean sample, boolean root) {
        if (state == null || state.count == 0 || sample && state.count == 1) {
            return null;
        }
        if (state.special) {
            return PgNumeric.NAN;
        }
        BigDecimal n = BigDecimal.valueOf(state.count);
        BigDecimal numerator = n.multiply(state.sumSquares).subtract(state.sum.multiply(state.sum))
                .setScale(state.scale * 2, RoundingMode.UNNECESSARY);
        if (numerator.signum() <= 0) {
            return PgNumeric.of(BigDecimal.ZERO);
        }
        BigDecimal denominator = sample ? n.multiply(n.subtract(BigDecimal.ONE)) : n.multiply(n);
        int scale = NumericFunctions.divisionScale(PgNumeric.of(numerator), PgNumeric.of(denominator));
        BigDecimal v = numerator.divide(denominator, scale, RoundingMode.HALF_UP);
        if (root) {
            v = v.sqrt(new MathContext(v.precision() + scale + 10, RoundingMode.DOWN)).setScale(scale, RoundingMode.HALF_UP);
        }
        return PgNumeric.of(v);
    }
}
