package org.lakepg.server.exec.operator;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The code of one window call: computes its value for every row of a partition (PostgreSQL's
 * windowfuncs.c for the built-in window functions; aggregates over each row's frame).
 */
interface WindowFunction {

    Object[] compute(WindowPartition partition, WindowFrame frame, ExecContext context);

    static WindowFunction of(WindowCall call, ExprCompiler compiler, FunctionRegistry functions) {
        if (call.aggregate() != null) {
            var moving = call.aggregate().moving();
            return new FrameAggregate(new AggregateAccumulator(call.aggregate(), compiler, functions),
                    moving == null || volatileInput(call.aggregate()) ? null
                            : new AggregateAccumulator(moving, compiler, functions));
        }
        CompiledExpr[] args = call.arguments().stream().map(compiler::compile).toArray(CompiledExpr[]::new);
        return switch (call.source()) {
            case "window_row_number" -> (p, f, c) -> each(p, i -> (long) i + 1);
            case "window_rank" -> (p, f, c) -> each(p, i -> (long) p.groupStart[p.group[i]] + 1);
            case "window_dense_rank" -> (p, f, c) -> each(p, i -> (long) p.group[i] + 1);
            case "window_percent_rank" -> (p, f, c) -> each(p, i -> p.size() > 1
                    ? (double) p.groupStart[p.group[i]] / (p.size() - 1) : 0.0);
            case "window_cume_dist" -> (p, f, c) -> each(p, i -> (double) p.groupEnd[p.group[i]] / p.size());
            case "window_ntile" -> (p, f, c) -> ntile(p, args[0], c);
            case "window_lag", "window_lag_with_offset", "window_lag_with_offset_and_default" ->
                    (p, f, c) -> shifted(p, args, -1, c);
            case "window_lead", "window_lead_with_offset", "window_lead_with_offset_and_default" ->
                    (p, f, c) -> shifted(p, args, 1, c);
            case "window_first_value" -> (p, f, c) -> nth(p, f, args[0], null, true, c);
            case "window_last_value" -> (p, f, c) -> nth(p, f, args[0], null, false, c);
            case "window_nth_value" -> (p, f, c) -> nth(p, f, args[0], args[1], true, c);
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "window function %s is not implemented in lakepg yet", call.name());
        };
    }

    private static Object[] each(WindowPartition p, java.util.function.IntFunction<Object> value) {
        Object[] out = new Object[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.apply(i);
        }
        return out;
    }

    /** ntile(k): k buckets as equal as possible, the first ones one row larger. */
    private static Object[] ntile(WindowPartition p, CompiledExpr buckets, ExecContext c) {
        Object[] out = new Object[p.size()];
        if (out.length == 0) {
            return out;
        }
        Object k = buckets.eval(p.rows.get(0), c);
        if (k == null) {
            return out;
        }
        int n = (Integer) k;
        if (n <= 0) {
            throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero");
        }
        int total = out.length;
        int perBucket = total / n;
        int remainder = total % n;
        int bucket = 1;
        int inBucket = 0;
        for (int i = 0; i < total; i++) {
            int size = perBucket + (bucket <= remainder ? 1 : 0);
            if (inBucket >= size) {
                bucket++;
                inBucket = 0;
            }
            out[i] = bucket;
            inBucket++;
        }
        return out;
    }

    /** lag (direction -1) and lead (+1): the value offset rows away in the partition, else the default. */
    private static Object[] shifted(WindowPartition p, CompiledExpr[] args, int direction, ExecContext c) {
        Object[] out = new Object[p.size()];
        for (int i = 0; i < out.length; i++) {
            Object[] row = p.rows.get(i);
            long offset = 1;
            if (args.length > 1) {
                Object o = args[1].eval(row, c);
                if (o == null) {
                    continue;
                }
                offset = ((Number) o).longValue();
            }
            long target = i + direction * offset;
            if (target >= 0 && target < out.length) {
                out[i] = args[0].eval(p.rows.get((int) target), c);
            } else if (args.length > 2) {
                out[i] = args[2].eval(row, c);
            }
        }
        return out;
    }

    /** first_value, last_value and nth_value over each row's frame. */
    private static Object[] nth(WindowPartition p, WindowFrame f, CompiledExpr value, CompiledExpr position,
                                boolean fromStart, ExecContext c) {
        Object[] out = new Object[p.size()];
        for (int i = 0; i < out.length; i++) {
            long n = 1;
            if (position != null) {
                Object o = position.eval(p.rows.get(i), c);
                if (o == null) {
                    continue;
                }
                n = ((Number) o).longValue();
                if (n <= 0) {
                    throw PgException.of(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE,
                            "argument of nth_value must be greater than zero");
                }
            }
            int start = f.start(p, i);
            int end = f.end(p, i);
            long seen = 0;
            for (int j = fromStart ? start : end; fromStart ? j <= end : j >= start; j += fromStart ? 1 : -1) {
                if (f.excluded(p, i, j)) {
                    continue;
                }
                if (++seen == n) {
                    out[i] = value.eval(p.rows.get(j), c);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Whether an aggregate's arguments or FILTER call volatile functions or subqueries: then inverse transitions could
     * be told from aggregating anew, and PostgreSQL does not use its moving-aggregate form.
     */
    private static boolean volatileInput(org.lakepg.server.sql.plan.AggregateCall a) {
        java.util.List<org.lakepg.server.sql.plan.expr.BoundExpr> all = new java.util.ArrayList<>(a.arguments());
        if (a.filter() != null) {
            all.add(a.filter());
        }
        return all.stream().anyMatch(e -> org.lakepg.server.sql.analyzer.ExprRewriter.any(e,
                x -> x instanceof org.lakepg.server.sql.plan.expr.SubqueryExpr
                        || x instanceof org.lakepg.server.sql.plan.expr.FuncExpr f && f.volatility() == 'v'));
    }

    /**
     * An aggregate over each row's frame, as nodeWindowAgg.c's eval_windowaggregates runs it: the rows aggregated so
     * far are kept while the frame head stays; when it moves, a moving aggregate takes the rows that left out with
     * its inverse function, any other aggregate (or a failed inverse, or EXCLUDE) starts again at the new head.
     * {@code moving} is null when the aggregate has no moving form (or its input is volatile).
     */
    record FrameAggregate(AggregateAccumulator plain, AggregateAccumulator moving) implements WindowFunction {
        @Override
        public Object[] compute(WindowPartition p, WindowFrame f, ExecContext c) {
            boolean invertible = moving != null && !f.headFixed();
            AggregateAccumulator acc = invertible ? moving : plain;
            Object[] out = new Object[p.size()];
            int base = 0; // the first row aggregated
            int upTo = 0; // the row after the last one looked at
            Object result = null;
            for (int i = 0; i < out.length; i++) {
                int head = f.start(p, i);
                int end = f.end(p, i);
                if (i > 0 && base == head && f.endsAtCurrentRowOrPartitionEnd() && !f.excludes() && base <= i
                        && upTo > i) {
                    out[i] = result; // the same frame as the row before
                    continue;
                }
                boolean restart = i == 0 || base != head && !invertible || f.excludes() || upTo <= head;
                while (!restart && base < head) {
                    restart = !acc.remove(p.rows.get(base), c);
                    base++;
                }
                base = head;
                if (restart) {
                    acc.reset();
                    upTo = head;
                }
                for (; upTo < p.size() && upTo <= end; upTo++) {
                    if (!f.excluded(p, i, upTo)) {
                        acc.add(p.rows.get(upTo), c);
                    }
                }
                result = acc.result(c);
                out[i] = result;
            }
            return out;
        }
    }
}
