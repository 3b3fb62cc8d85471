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
            return new FrameAggregate(new AggregateAccumulator(call.aggregate(), compiler, functions));
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

    /** An aggregate over each row's frame; frames that only grow are accumulated once, not per row. */
    record FrameAggregate(AggregateAccumulator accumulator) implements WindowFunction {
        @Override
        public Object[] compute(WindowPartition p, WindowFrame f, ExecContext c) {
            Object[] out = new Object[p.size()];
            accumulator.reset();
            if (f.startsAtPartitionStart()) {
                int added = 0;
                int lastEnd = Integer.MIN_VALUE;
                Object last = null;
                for (int i = 0; i < out.length; i++) {
                    int end = f.end(p, i);
                    if (end != lastEnd || i == 0) {
                        while (added <= end) {
                            accumulator.add(p.rows.get(added++), c);
                        }
                        last = accumulator.result(c);
                        lastEnd = end;
                    }
                    out[i] = last;
                }
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                accumulator.reset();
                int end = f.end(p, i);
                for (int j = f.start(p, i); j <= end; j++) {
                    if (!f.excluded(p, i, j)) {
                        accumulator.add(p.rows.get(j), c);
                    }
                }
                out[i] = accumulator.result(c);
            }
            return out;
        }
    }
}
