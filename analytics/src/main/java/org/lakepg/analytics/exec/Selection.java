package org.lakepg.analytics.exec;

import java.util.List;
import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.ZoneMap;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.ExprTypes;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The rows of a batch that satisfy a WHERE clause, as a selection vector refined conjunct by conjunct: each term of
 * a top-level AND is tested only on the rows the earlier terms kept (a NULL keeps no row, so three-valued logic is
 * not needed). Terms "integer-like column op constant" on one column are intersected into one range, tested in one
 * tight loop over the column's primitive array; any other term is evaluated over the whole batch as before (so its
 * errors stay those of the full evaluation).
 */
final class Selection {

    private Selection() {
    }

    /** Fills {@code positions} with the selected rows in ascending order; returns how many. */
    static int select(Expr predicate, Batch batch, int[] positions) {
        int count = batch.rowCount();
        boolean all = true; // positions not filled yet: every row is selected
        List<Range> ranges = new java.util.ArrayList<>();
        List<Expr> others = new java.util.ArrayList<>();
        terms(predicate, batch, ranges, others);
        int zoned = zoneMapped(ranges, batch);
        if (zoned >= 0) {
            // the zone-mapped range makes runs of rows; the next range term is tested right on them
            Range lead = ranges.remove(zoned);
            Range next = ranges.isEmpty() ? null : ranges.remove(0);
            count = lead.applyByZones((IntVector) batch.column(lead.column()), next,
                    next == null ? null : batch.column(next.column()), count, positions);
            all = false;
        }
        for (Range r : ranges) {
            if (count == 0) {
                return 0;
            }
            count = r.apply(batch.column(r.column), all ? null : positions, count, positions);
            all = false;
        }
        for (Expr term : others) {
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

    /**
     * Splits a top-level AND into range terms on integer-like columns (those on one column intersected into one
     * range, tested in one pass) and the other terms. Range terms raise no errors and every other term is evaluated
     * over the whole batch, so the order of testing does not matter.
     */
    private static void terms(Expr predicate, Batch batch, List<Range> ranges, List<Expr> others) {
        List<Expr> terms = predicate instanceof Expr.And and ? and.terms() : List.of(predicate);
        for (Expr term : terms) {
            Range r = Range.of(term, batch);
            if (r == null) {
                others.add(term);
                continue;
            }
            int same = 0;
            while (same < ranges.size() && ranges.get(same).column() != r.column()) {
                same++;
            }
            if (same < ranges.size()) {
                ranges.set(same, ranges.get(same).intersect(r));
            } else {
                ranges.add(r);
            }
        }
    }

    /**
     * The selected rows as runs (see {@link RowRuns}) when the predicate is a range on a zone-mapped column, with at
     * most one range on another integer-like column as the runs' test, both without NULLs; false (runs undefined)
     * otherwise.
     */
    static boolean selectRuns(Expr predicate, Batch batch, RowRuns runs) {
        List<Range> ranges = new java.util.ArrayList<>(2);
        List<Expr> others = new java.util.ArrayList<>(0);
        terms(predicate, batch, ranges, others);
        if (!others.isEmpty() || ranges.isEmpty() || ranges.size() > 2) {
            return false;
        }
        int zoned = zoneMapped(ranges, batch);
        if (zoned < 0) {
            return false;
        }
        Range lead = ranges.get(zoned);
        Range next = ranges.size() == 2 ? ranges.get(1 - zoned) : null;
        IntVector vector = (IntVector) batch.column(lead.column());
        ColumnVector nextVector = next == null ? null : batch.column(next.column());
        if (vector.nulls().hasNulls() || (nextVector != null && nextVector.nulls().hasNulls())) {
            return false;
        }
        if (lead.lo() > lead.hi() || (next != null && next.lo() > next.hi())) {
            runs.clear(null);
            return true;
        }
        runs.clear(next == null ? null : RangeTest.of(nextVector, next.lo(), next.hi()));
        runsByZones(vector, lead.lo(), lead.hi(), batch.rowCount(), runs);
        return true;
    }

    /** "integer-like column in [lo, hi]" (lo > hi: no row), from a comparison with a constant. */
    private record Range(int column, long lo, long hi) {

        /** The term as a range, or null if it is not "integer-like column op constant" (or is "not equal"). */
        static Range of(Expr term, Batch batch) {
            if (!(term instanceof Expr.Comparison c) || c.op() == Expr.CompareOp.NE) {
                return null;
            }
            if (c.left() instanceof Expr.ColumnRef col && c.right() instanceof Expr.Literal lit) {
                return of(c.op(), col.index(), batch.column(col.index()), lit);
            }
            if (c.right() instanceof Expr.ColumnRef col && c.left() instanceof Expr.Literal lit) {
                return of(c.op().flipped(), col.index(), batch.column(col.index()), lit);
            }
            return null;
        }

        private static Range of(Expr.CompareOp op, int index, ColumnVector column, Expr.Literal literal) {
            Long b = integerConstant(column, literal);
            if (b == null) {
                return null;
            }
            return switch (op) {
                case EQ -> new Range(index, b, b);
                case LT -> b == Long.MIN_VALUE ? new Range(index, 1, 0) : new Range(index, Long.MIN_VALUE, b - 1);
                case LE -> new Range(index, Long.MIN_VALUE, b);
                case GT -> b == Long.MAX_VALUE ? new Range(index, 1, 0) : new Range(index, b + 1, Long.MAX_VALUE);
                case GE -> new Range(index, b, Long.MAX_VALUE);
                case NE -> null;
            };
        }

        Range intersect(Range other) {
            return new Range(column, Math.max(lo, other.lo), Math.min(hi, other.hi));
        }

        int apply(ColumnVector vector, int[] in, int count, int[] out) {
            if (lo > hi) {
                return 0;
            }
            int kept = switch (vector) {
                case IntVector v -> rangeInts(v.values(), lo, hi, in, count, out);
                case LongVector v -> rangeLongs(v.values(), lo, hi, in, count, out);
                case ShortVector v -> rangeInts(widen(v), lo, hi, in, count, out);
                default -> throw new IllegalStateException("not an integer-like vector: " + vector);
            };
            return vector.nulls().hasNulls() ? dropNulls(vector, out, kept) : kept;
        }

        /**
         * All rows of the batch in this range, tested with the vector's zone map, that are also in {@code next}'s range
         * (on another integer-like column {@code nextVector}; null: no second term).
         */
        int applyByZones(IntVector vector, Range next, ColumnVector nextVector, int count, int[] out) {
            if (lo > hi || (next != null && next.lo > next.hi)) {
                return 0;
            }
            RowRuns runs = new RowRuns();
            runs.clear(next == null ? null : RangeTest.of(nextVector, next.lo, next.hi));
            runsByZones(vector, lo, hi, count, runs);
            int kept = runs.positions(out);
            kept = vector.nulls().hasNulls() ? dropNulls(vector, out, kept) : kept;
            return next != null && nextVector.nulls().hasNulls() ? dropNulls(nextVector, out, kept) : kept;
        }
    }

    /** The index in {@code ranges} of the first one on a vector with a zone map, or -1. */
    private static int zoneMapped(List<Range> ranges, Batch batch) {
        for (int i = 0; i < ranges.size(); i++) {
            if (batch.column(ranges.get(i).column()) instanceof IntVector v && v.zones() != null) {
                return i;
            }
        }
        return -1;
    }

    static int[] widen(ShortVector v) {
        int[] widened = new int[v.size()];
        short[] s = v.values();
        for (int i = 0; i < widened.length; i++) {
            widened[i] = s[i];
        }
        return widened;
    }

    /**
     * The constant as a long when the column is integer-like (int2/4/8, date, timestamp) and compared with it in that
     * domain; null otherwise.
     */
    private static Long integerConstant(ColumnVector column, Expr.Literal literal) {
        if (literal.value() == null || !(literal.value() instanceof Number number)
                || literal.value() instanceof java.math.BigDecimal || literal.value() instanceof Double
                || literal.value() instanceof Float) {
            return null;
        }
        if (!(column instanceof IntVector || column instanceof LongVector || column instanceof ShortVector)) {
            return null;
        }
        ExprTypes.Domain domain;
        try {
            domain = ExprTypes.comparisonDomain(column.type(), literal.type());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (domain != ExprTypes.Domain.LONG && domain != ExprTypes.Domain.DATE && domain != ExprTypes.Domain.TIMESTAMP
                && domain != ExprTypes.Domain.TIMESTAMPTZ) {
            return null;
        }
        return number.longValue();
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
        Long constant = integerConstant(column, literal);
        if (constant == null) {
            return -1;
        }
        long b = constant;
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
            case ShortVector v -> notEqual ? notEqualInts(widen(v), b, in, count, out)
                    : rangeInts(widen(v), lo, hi, in, count, out);
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

    /**
     * All rows of a vector with a zone map in [lo, hi], as runs: a block outside the range is skipped; a block inside
     * it is one run of rows, and so is the in-range part of each of the (at most two) ascending runs of a block the
     * zone map knows them for ({@link #inRange}); in other blocks the rows are tested one by one and those in range
     * added as runs of one row (joined when consecutive).
     */
    private static void runsByZones(IntVector vector, long lo, long hi, int count, RowRuns runs) {
        ZoneMap zones = vector.zones();
        int[] values = vector.values();
        for (int b = 0; b < zones.blocks(); b++) {
            long min = zones.min(b);
            long max = zones.max(b);
            if (max < lo || min > hi) {
                continue;
            }
            int start = b * ZoneMap.BLOCK;
            int end = Math.min(count, start + ZoneMap.BLOCK);
            if (min >= lo && max <= hi) {
                runs.add(start, end);
                continue;
            }
            int second = zones.secondRun(b);
            if (second < 0) { // rows tested one by one; those in range make runs (joined when consecutive)
                long base = lo - Long.MIN_VALUE;
                long width = (hi - lo) + Long.MIN_VALUE;
                for (int r = start; r < end; r++) {
                    if (values[r] - base <= width) {
                        runs.add(r, r + 1);
                    }
                }
                continue;
            }
            int middle = Math.min(end, start + second);
            long span = inRange(values, start, middle, lo, hi);
            runs.add((int) (span >>> 32), (int) span);
            if (middle < end) {
                span = inRange(values, middle, end, lo, hi);
                runs.add((int) (span >>> 32), (int) span);
            }
        }
    }

    /**
     * The rows of ascending {@code a[start..end)} with values in [lo, hi], as (first << 32 | end) of that run: its
     * first and last values settle a run that lies wholly inside or outside, so only a run crossing an edge is
     * searched, and only for that edge.
     */
    static long inRange(int[] a, int start, int end, long lo, long hi) {
        if (start >= end || a[end - 1] < lo || a[start] > hi) {
            return ((long) start << 32) | start;
        }
        int from = a[start] >= lo ? start : firstAbove(a, start, end, lo - 1);
        int to = a[end - 1] <= hi ? end : firstAbove(a, from, end, hi);
        return ((long) from << 32) | to;
    }

    /**
     * The first row of ascending {@code a[start..end)} whose value is above {@code bound}, or end. The first probe
     * interpolates between the run's end values (right at once for evenly spread values, such as dates of appended
     * rows; a binary search costs a cache miss and a mispredicted branch per step), then a binary search narrows
     * the side of the probe the row lies on.
     */
    static int firstAbove(int[] a, int start, int end, long bound) {
        if (start >= end || a[start] > bound) {
            return start;
        }
        long first = a[start];
        long last = a[end - 1];
        if (last <= bound) {
            return end;
        }
        // a[start] <= bound < a[end - 1]: the row is in (start, end - 1]
        int low = start + 1;
        int high = end - 1;
        int guess = start + 1 + (int) ((double) (bound - first) / (last - first) * (end - 1 - start));
        guess = Math.max(low, Math.min(high, guess));
        if (a[guess] > bound) {
            if (a[guess - 1] <= bound) {
                return guess;
            }
            high = guess - 1;
        } else {
            low = guess + 1;
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (a[mid] <= bound) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Rows start..end of {@code a} in [lo, hi], appended to {@code out} from {@code kept} on; returns the new count. */
    private static int rangeInts(int[] a, long lo, long hi, int start, int end, int[] out, int kept) {
        long width = (hi - lo) + Long.MIN_VALUE;
        long base = lo - Long.MIN_VALUE;
        for (int r = start; r < end; r++) {
            out[kept] = r;
            kept += a[r] - base <= width ? 1 : 0;
        }
        return kept;
    }

    // The loops write every candidate and advance only on a match (no branch to mispredict); out may alias in,
    // since a row is written at or before the place it was read from.

    // lo <= v <= hi is one unsigned comparison: v - lo <= hi - lo (mod 2^64), shifted by MIN_VALUE to a signed one

    private static int rangeInts(int[] a, long lo, long hi, int[] in, int count, int[] out) {
        if (in == null) {
            return rangeInts(a, lo, hi, 0, count, out, 0);
        }
        int kept = 0;
        long width = (hi - lo) + Long.MIN_VALUE;
        long base = lo - Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            int r = in[i];
            out[kept] = r;
            kept += a[r] - base <= width ? 1 : 0;
        }
        return kept;
    }

    /** Rows start..end of {@code a} in [lo, hi], appended to {@code out} from {@code kept} on; returns the new count. */
    private static int rangeLongs(long[] a, long lo, long hi, int start, int end, int[] out, int kept) {
        long width = (hi - lo) + Long.MIN_VALUE;
        long base = lo - Long.MIN_VALUE;
        for (int r = start; r < end; r++) {
            out[kept] = r;
            kept += a[r] - base <= width ? 1 : 0;
        }
        return kept;
    }

    private static int rangeLongs(long[] a, long lo, long hi, int[] in, int count, int[] out) {
        int kept = 0;
        long width = (hi - lo) + Long.MIN_VALUE;
        long base = lo - Long.MIN_VALUE;
        if (in == null) {
            return rangeLongs(a, lo, hi, 0, count, out, 0);
        } else {
            for (int i = 0; i < count; i++) {
                int r = in[i];
                out[kept] = r;
                kept += a[r] - base <= width ? 1 : 0;
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
