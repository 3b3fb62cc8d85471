package org.lakepg.server.function.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.scalar.IntervalArithmetic;
import org.lakepg.server.function.scalar.TypedCode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgInterval;

/**
 * Ordered-set aggregates (percentile_cont, percentile_disc, mode): the aggregate operator feeds the WITHIN GROUP
 * values already sorted, the transition keeps the non-NULL ones in that order and the final function picks from
 * them; the direct argument (the fraction) arrives with the final call.
 */
public final class OrderedSetAggregates {
    private OrderedSetAggregates() {
    }

    public static void register(FunctionRegistry r) {
        r.register("ordered_set_transition", (x, c) -> {
            @SuppressWarnings("unchecked")
            List<Object> state = x[0] == null ? new ArrayList<>() : (List<Object>) x[0];
            if (x[1] != null) {
                state.add(x[1]);
            }
            return state;
        });
        r.register("percentile_disc_final", (x, c) -> x[1] == null ? null : single(x[0], f -> disc(sorted(x[0]), f), (Double) x[1]));
        r.register("percentile_cont_float8_final", (x, c) -> x[1] == null ? null
                : single(x[0], f -> contFloat(sorted(x[0]), f), (Double) x[1]));
        r.register("percentile_cont_interval_final", (x, c) -> x[1] == null ? null
                : single(x[0], f -> contInterval(sorted(x[0]), f), (Double) x[1]));
        // argument 2 is the WITHIN GROUP placeholder: its type is the result's element type
        r.register("percentile_disc_multi_final", new TypedCode((x, t, c) -> multi(x[0], (PgArray) x[1],
                (int) t.of(2), f -> disc(sorted(x[0]), f))));
        r.register("percentile_cont_float8_multi_final", (x, c) -> multi(x[0], (PgArray) x[1],
                (int) TypeOids.FLOAT8, f -> contFloat(sorted(x[0]), f)));
        r.register("percentile_cont_interval_multi_final", (x, c) -> multi(x[0], (PgArray) x[1],
                (int) TypeOids.INTERVAL, f -> contInterval(sorted(x[0]), f)));
        r.register("mode_final", (x, c) -> x[0] == null ? null : mode(sorted(x[0])));
        // hypothetical-set aggregates: the operator hands over the sorted rows and the hypothetical one as the state
        // (HypotheticalRows) instead of calling this transition row by row
        r.register("ordered_set_transition_multi", (x, c) -> {
            throw new IllegalStateException("hypothetical-set input is collected by the aggregate operator");
        });
        r.register("hypothetical_rank_final", (x, c) -> ((HypotheticalRows) x[0]).preceding() + 1);
        r.register("hypothetical_dense_rank_final", (x, c) -> ((HypotheticalRows) x[0]).precedingDistinct() + 1);
        r.register("hypothetical_percent_rank_final", (x, c) -> {
            HypotheticalRows h = (HypotheticalRows) x[0];
            return h.rows().isEmpty() ? 0.0 : (double) h.preceding() / h.rows().size();
        });
        r.register("hypothetical_cume_dist_final", (x, c) -> {
            HypotheticalRows h = (HypotheticalRows) x[0];
            return (h.precedingOrPeers() + 1) / (double) (h.rows().size() + 1);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sorted(Object state) {
        return (List<Object>) state;
    }

    private static Object single(Object state, java.util.function.DoubleFunction<Object> pick, double fraction) {
        checkFraction(fraction);
        return state == null || sorted(state).isEmpty() ? null : pick.apply(fraction);
    }

    /** One result per fraction, in the fraction array's shape; NULL fractions give NULL. */
    private static Object multi(Object state, PgArray fractions, int elementOid,
                                java.util.function.DoubleFunction<Object> pick) {
        if (state == null || fractions == null || sorted(state).isEmpty()) {
            return null;
        }
        Object[] out = new Object[fractions.elements().length];
        for (int i = 0; i < out.length; i++) {
            Object f = fractions.elements()[i];
            if (f != null) {
                checkFraction((Double) f);
                out[i] = pick.apply((Double) f);
            }
        }
        return new PgArray(elementOid, fractions.dims(), fractions.lowerBounds(), out);
    }

    private static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "percentile value %s is not between 0 and 1",
                    cFormatG(fraction));
        }
    }

    /** The first value at or above the fraction of the rows (percentile_disc). */
    private static Object disc(List<Object> values, double fraction) {
        long row = (long) Math.ceil(fraction * values.size());
        return values.get((int) Math.max(row, 1) - 1);
    }

    private static Object contFloat(List<Object> values, double fraction) {
        double position = fraction * (values.size() - 1);
        int first = (int) Math.floor(position);
        int second = (int) Math.ceil(position);
        double low = ((Number) values.get(first)).doubleValue();
        if (first == second) {
            return low;
        }
        double high = ((Number) values.get(second)).doubleValue();
        return low + (high - low) * (position - first);
    }

    private static Object contInterval(List<Object> values, double fraction) {
        double position = fraction * (values.size() - 1);
        int first = (int) Math.floor(position);
        int second = (int) Math.ceil(position);
        PgInterval low = (PgInterval) values.get(first);
        if (first == second) {
            return low;
        }
        PgInterval high = (PgInterval) values.get(second);
        return IntervalArithmetic.add(low,
                IntervalArithmetic.multiply(IntervalArithmetic.subtract(high, low), position - first));
    }

    /** The most frequent value; among equally frequent ones the first in sort order. */
    private static Object mode(List<Object> values) {
        Object best = null;
        int bestCount = 0;
        Object current = null;
        int count = 0;
        for (Object v : values) {
            if (count > 0 && same(current, v)) {
                count++;
            } else {
                current = v;
                count = 1;
            }
            if (count > bestCount) {
                best = current;
                bestCount = count;
            }
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean same(Object a, Object b) {
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b) == 0;
        }
        return a.equals(b);
    }

    /** C's printf %g: six significant digits, trailing zeros dropped. */
    static String cFormatG(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return d.stripTrailingZeros().toPlainString();
    }
}
