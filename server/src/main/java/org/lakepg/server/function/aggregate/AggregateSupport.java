package org.lakepg.server.function.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.scalar.IntegerFunctions;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgNumeric;

/**
 * Transition and final functions of the built-in aggregates, by the prosrc names pg_aggregate
 * points at (sum, avg, count, string_agg, array_agg ...). States typed {@code internal} in the
 * catalog are plain Java objects here; the others are real values of their state type.
 */
public final class AggregateSupport {
    private AggregateSupport() {}

    /** State of sum/avg over int8 and numeric: count and exact sum. */
    static final class NumericSum {
        long count;
        BigDecimal sum = BigDecimal.ZERO;
        int maxScale;
        boolean nan;
        int posInf;
        int negInf;
    }

    public static void register(FunctionRegistry r) {
        r.register("int8inc_any", (x, c) -> Math.addExact((Long) x[0], 1L));
        r.register("int4_sum", (x, c) -> sumIntoInt8(x));
        r.register("int2_sum", (x, c) -> sumIntoInt8(x));
        r.register("int8_avg_accum", (x, c) -> accumulate(x[0], x[1] == null ? null
                : PgNumeric.of(BigDecimal.valueOf((Long) x[1]))));
        r.register("numeric_avg_accum", (x, c) -> accumulate(x[0], (PgNumeric) x[1]));
        r.register("numeric_poly_sum", (x, c) -> sum((NumericSum) x[0]));
        r.register("numeric_sum", (x, c) -> sum((NumericSum) x[0]));
        r.register("numeric_poly_avg", (x, c) -> average((NumericSum) x[0]));
        r.register("numeric_avg", (x, c) -> average((NumericSum) x[0]));
        r.register("int4_avg_accum", (x, c) -> countAndSum((PgArray) x[0], ((Number) x[1]).longValue()));
        r.register("int2_avg_accum", (x, c) -> countAndSum((PgArray) x[0], ((Number) x[1]).longValue()));
        r.register("int8_avg", (x, c) -> {
            Object[] e = ((PgArray) x[0]).elements();
            long count = (Long) e[0];
            if (count == 0) {
                return null;
            }
            return divide(PgNumeric.of(BigDecimal.valueOf((Long) e[1])), PgNumeric.of(BigDecimal.valueOf(count)));
        });
        r.register("float8_avg", (x, c) -> {
            Object[] e = ((PgArray) x[0]).elements();
            double n = (Double) e[0];
            return n == 0 ? null : (Double) e[1] / n;
        });
        r.register("string_agg_transfn", (x, c) -> {
            if (x[1] == null) {
                return x[0];
            }
            StringBuilder state = (StringBuilder) x[0];
            if (state == null) {
                // the first delimiter is remembered separately: PostgreSQL drops it from the result
                state = new StringBuilder();
                state.append('\u0000');
            } else if (x[2] != null) {
                state.append((String) x[2]);
            }
            state.append((String) x[1]);
            return state;
        });
        r.register("string_agg_finalfn", (x, c) -> x[0] == null ? null : ((StringBuilder) x[0]).substring(1));
        r.register("array_agg_transfn", (x, c) -> {
            @SuppressWarnings("unchecked")
            List<Object> state = x[0] == null ? new ArrayList<>() : (List<Object>) x[0];
            state.add(x[1]);
            return state;
        });
        r.register("bpchar_larger", (x, c) -> compareBpchar(x[0], x[1]) >= 0 ? x[0] : x[1]);
        r.register("bpchar_smaller", (x, c) -> compareBpchar(x[0], x[1]) <= 0 ? x[0] : x[1]);
        r.register("bytea_string_agg_transfn", (x, c) -> {
            if (x[1] == null) {
                return x[0];
            }
            java.io.ByteArrayOutputStream state = (java.io.ByteArrayOutputStream) x[0];
            if (state == null) {
                state = new java.io.ByteArrayOutputStream();
                state.write(0); // marks where the skipped first delimiter would be, as string_agg's state does
            } else if (x[2] != null) {
                state.writeBytes((byte[]) x[2]);
            }
            state.writeBytes((byte[]) x[1]);
            return state;
        });
        r.register("bytea_string_agg_finalfn", (x, c) -> {
            if (x[0] == null) {
                return null;
            }
            byte[] all = ((java.io.ByteArrayOutputStream) x[0]).toByteArray();
            return java.util.Arrays.copyOfRange(all, 1, all.length);
        });
        r.register("oidlarger", (x, c) -> (Long) x[0] >= (Long) x[1] ? x[0] : x[1]);
        r.register("oidsmaller", (x, c) -> (Long) x[0] <= (Long) x[1] ? x[0] : x[1]);
    }

    private static int compareBpchar(Object a, Object b) {
        return (Integer) FunctionRegistry.builtins().lookup("bpcharcmp").orElseThrow().apply(new Object[] {a, b}, null);
    }

    private static Object sumIntoInt8(Object[] x) {
        if (x[0] == null) {
            return x[1] == null ? null : ((Number) x[1]).longValue();
        }
        if (x[1] == null) {
            return x[0];
        }
        try {
            return Math.addExact((Long) x[0], ((Number) x[1]).longValue());
        } catch (ArithmeticException e) {
            throw IntegerFunctions.outOfRange(8);
        }
    }

    private static NumericSum accumulate(Object stateObject, PgNumeric value) {
        NumericSum state = stateObject == null ? new NumericSum() : (NumericSum) stateObject;
        if (value == null) {
            return state;
        }
        state.count++;
        switch (value.kind()) {
            case NAN -> state.nan = true;
            case POSITIVE_INFINITY -> state.posInf++;
            case NEGATIVE_INFINITY -> state.negInf++;
            case FINITE -> {
                state.sum = state.sum.add(value.value());
                state.maxScale = Math.max(state.maxScale, value.displayScale());
            }
        }
        return state;
    }

    private static PgNumeric sum(NumericSum state) {
        if (state == null || state.count == 0) {
            return null;
        }
        PgNumeric special = special(state);
        return special != null ? special : PgNumeric.of(state.sum.setScale(state.maxScale, RoundingMode.UNNECESSARY));
    }

    private static PgNumeric special(NumericSum state) {
        if (state.nan || state.posInf > 0 && state.negInf > 0) {
            return PgNumeric.NAN;
        }
        if (state.posInf > 0) {
            return PgNumeric.POSITIVE_INFINITY;
        }
        if (state.negInf > 0) {
            return PgNumeric.NEGATIVE_INFINITY;
        }
        return null;
    }

    private static PgNumeric average(NumericSum state) {
        if (state == null || state.count == 0) {
            return null;
        }
        PgNumeric special = special(state);
        if (special != null) {
            return special;
        }
        return divide(PgNumeric.of(state.sum.setScale(state.maxScale, RoundingMode.UNNECESSARY)),
                PgNumeric.of(BigDecimal.valueOf(state.count)));
    }

    /** numeric division with PostgreSQL's result scale (as the / operator). */
    private static PgNumeric divide(PgNumeric a, PgNumeric b) {
        return (PgNumeric) FunctionRegistry.builtins().lookup("numeric_div").orElseThrow()
                .apply(new Object[] {a, b}, null);
    }

    private static PgArray countAndSum(PgArray state, long value) {
        Object[] e = state.elements();
        long count = (Long) e[0] + 1;
        long sum;
        try {
            sum = Math.addExact((Long) e[1], value);
        } catch (ArithmeticException overflow) {
            throw IntegerFunctions.outOfRange(8);
        }
        return PgArray.of((int) TypeOids.INT8, count, sum);
    }
}
