package org.lakepg.analytics.exec;

import java.util.List;
import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.ExprTypes;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The rows of a batch that satisfy a WHERE clause, as a selection vector refined conjunct by conjunct: each term of
 * a top-level AND is tested only on the rows the earlier terms kept (a NULL keeps no row, so three-valued logic is
 * not needed). A term "integer-like column op constant" is a tight loop over the column's primitive array; any other
 * term is evaluated over the whole batch as before (so its errors stay those of the full evaluation).
 */
final class Selection {

    private Selection() {
    }

    /** Fills {@code positions} with the selected rows in ascending order; returns how many. */
    static int select(Expr predicate, Batch batch, int[] positions) {
        List<Expr> terms = predicate instanceof Expr.And and ? and.terms() : List.of(predicate);
        int count = batch.rowCount();
        boolean all = true; // positions not filled yet: every row is selected
        for (Expr term : terms) {
            if (count == 0) {
                return 0;
            }
            count = refine(term, batch, all ? null : positions, count, positions);
            all = false;
        }
        if (all) {
            for (int i = 0; i < count; i++) {
                positions[i] = i;
            }
        }
        return count;
    }

    /** Keeps of {@code in[0..count)} (null: rows 0..count) those where {@code term} is true, into {@code out}. */
    private static int refine(Expr term, Batch batch, int[] in, int count, int[] out) {
        if (term instanceof Expr.Comparison c) {
            if (c.left() instanceof Expr.ColumnRef col && c.right() instanceof Expr.Literal lit) {
                int kept = compareColumn(c.op(), batch.column(col.index()), lit, in, count, out);
                if (kept >= 0) {
                    return kept;
                }
            } else if (c.right() instanceof Expr.ColumnRef col && c.left() instanceof Expr.Literal lit) {
                int kept = compareColumn(c.op().flipped(), batch.column(col.index()), lit, in, count, out);
                if (kept >= 0) {
                    return kept;
                }
            }
        }
        ColumnVector result = ExprEvaluator.evaluate(term, batch);
        if (!(result instanceof BoolVector bool)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type %s",
                    result.type().name().toLowerCase());
        }
        boolean[] values = bool.values();
        boolean nulls = bool.nulls().hasNulls();
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int r = in == null ? i : in[i];
            if (values[r] && !(nulls && bool.isNull(r))) {
                out[kept++] = r;
            }
        }
        return kept;
    }

    /**
     * An integer-like (int2/4/8, date, timestamp) column compared with a constant, as the closed range [lo, hi] (or
     * "not equal"); -1 when the types are not that case.
     */
    private static int compareColumn(Expr.CompareOp op, ColumnVector column, Expr.Literal literal, int[] in, int count,
                                     int[] out) {
        if (literal.value() == null || !(literal.value() instanceof Number number)
                || literal.value() instanceof java.math.BigDecimal || literal.value() instanceof Double
                || literal.value() instanceof Float) {
            return -1;
        }
        if (!(column instanceof IntVector || column instanceof LongVector || column instanceof ShortVector)) {
            return -1;
        }
        ExprTypes.Domain domain;
        try {
            domain = ExprTypes.comparisonDomain(column.type(), literal.type());
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (domain != ExprTypes.Domain.LONG && domain != ExprTypes.Domain.DATE && domain != ExprTypes.Domain.TIMESTAMP
                && domain != ExprTypes.Domain.TIMESTAMPTZ) {
            return -1;
        }
        long b = number.longValue();
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        boolean notEqual = false;
        switch (op) {
            case EQ -> { lo = b; hi = b; }
            case NE -> notEqual = true;
            case LT -> { if (b == Long.MIN_VALUE) { return 0; } hi = b - 1; }
            case LE -> hi = b;
            case GT -> { if (b == Long.MAX_VALUE) { return 0; } lo = b + 1; }
            case GE -> lo = b;
        }
        int kept = switch (column) {
            case IntVector v -> notEqual ? notEqualInts(v.values(), b, in, count, out)
                    : rangeInts(v.values(), lo, hi, in, count, out);
            case LongVector v -> notEqual ? notEqualLongs(v.values(), b, in, count, out)
                    : rangeLongs(v.values(), lo, hi, in, count, out);
            case ShortVector v -> {
                int[] widened = new int[v.size()];
                short[] s = v.values();
                for (int i = 0; i < widened.length; i++) {
                    widened[i] = s[i];
                }
                yield notEqual ? notEqualInts(widened, b, in, count, out) : rangeInts(widened, lo, hi, in, count, out);
            }
            default -> -1;
        };
        return column.nulls().hasNulls() ? dropNulls(column, out, kept) : kept;
    }

    private static int dropNulls(ColumnVector column, int[] rows, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (!column.isNull(rows[i])) {
                rows[kept++] = rows[i];
            }
        }
        return kept;
    }

    // The loops write every candidate and advance only on a match (no branch to mispredict); out may alias in,
    // since a row is written at or before the place it was read from.

    private static int rangeInts(int[] a, long lo, long hi, int[] in, int count, int[] out) {
        int kept = 0;
        if (in == null) {
            for (int r = 0; r < count; r++) {
                long v = a[r];
                out[kept] = r;
                kept += (v >= lo & v <= hi) ? 1 : 0;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int r = in[i];
                long v = a[r];
                out[kept] = r;
                kept += (v >= lo & v <= hi) ? 1 : 0;
            }
        }
        return kept;
    }

    private static int rangeLongs(long[] a, long lo, long hi, int[] in, int count, int[] out) {
        int kept = 0;
        if (in == null) {
            for (int r = 0; r < count; r++) {
                long v = a[r];
                out[kept] = r;
                kept += (v >= lo & v <= hi) ? 1 : 0;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int r = in[i];
                long v = a[r];
                out[kept] = r;
                kept += (v >= lo & v <= hi) ? 1 : 0;
            }
        }
        return kept;
    }

    private static int notEqualInts(int[] a, long b, int[] in, int count, int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int r = in == null ? i : in[i];
            out[kept] = r;
            kept += a[r] != b ? 1 : 0;
        }
        return kept;
    }

    private static int notEqualLongs(long[] a, long b, int[] in, int count, int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int r = in == null ? i : in[i];
            out[kept] = r;
            kept += a[r] != b ? 1 : 0;
        }
        return kept;
    }
}
