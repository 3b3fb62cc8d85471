package org.lakepg.server.exec.operator;

import java.math.BigDecimal;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgNumeric;

/**
 * RANGE frames with offsets (PostgreSQL's in_range support functions): a frame starts at the
 * first row whose order value is within the offset of the current row's, and ends at the last.
 * Rows with a NULL order value are only peers of each other.
 */
final class RangeOffsets {
    private final ScalarFunction inRange;
    private final Object startOffset;
    private final Object endOffset;
    private final int orderKey;
    private final boolean descending;
    private final ExecContext context;

    RangeOffsets(WindowAggNode node, ExprCompiler compiler, FunctionRegistry functions, ExecContext context) {
        this.inRange = functions.lookup(node.inRange()).orElse(null);
        this.startOffset = value(node.startOffset() == null ? null : compiler.compile(node.startOffset())
                .eval(new Object[0], context), node.startOffset() != null, "starting");
        this.endOffset = value(node.endOffset() == null ? null : compiler.compile(node.endOffset())
                .eval(new Object[0], context), node.endOffset() != null, "ending");
        this.orderKey = node.partitionCount();
        this.descending = node.sortKeys().get(orderKey).descending();
        this.context = context;
    }

    private static Object value(Object v, boolean given, String which) {
        if (given && v == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "frame %s offset must not be null", which);
        }
        return v;
    }

    int start(WindowPartition p, int i, boolean preceding) {
        Object base = p.keyed.get(i)[orderKey];
        if (base == null) {
            return p.groupStart[p.group[i]];
        }
        // ascending: preceding means value >= base - offset; descending flips the direction
        boolean sub = preceding != descending;
        for (int j = 0; j < p.size(); j++) {
            Object v = p.keyed.get(j)[orderKey];
            if (v != null && test(v, base, startOffset, sub, descending)) {
                return j;
            }
        }
        return p.size();
    }

    int end(WindowPartition p, int i, boolean preceding) {
        Object base = p.keyed.get(i)[orderKey];
        if (base == null) {
            return p.groupEnd[p.group[i]] - 1;
        }
        boolean sub = preceding != descending;
        for (int j = p.size() - 1; j >= 0; j--) {
            Object v = p.keyed.get(j)[orderKey];
            if (v != null && test(v, base, endOffset, sub, !descending)) {
                return j;
            }
        }
        return -1;
    }

    /** in_range(value, base, offset, sub, less): value <= (or >=) base -/+ offset. */
    private boolean test(Object value, Object base, Object offset, boolean sub, boolean less) {
        if (inRange != null) {
            return (Boolean) inRange.apply(new Object[] {value, base, offset, sub, less}, context);
        }
        if (value instanceof Double || value instanceof Float) {
            return inRangeFloat(((Number) value).doubleValue(), ((Number) base).doubleValue(),
                    ((Number) offset).doubleValue(), sub, less);
        }
        if (value instanceof PgNumeric || offset instanceof PgNumeric) {
            return inRangeNumeric(numeric(value), numeric(base), numeric(offset), sub, less);
        }
        BigDecimal o = decimal(offset);
        checkSize(o.signum() < 0);
        BigDecimal sum = sub ? decimal(base).subtract(o) : decimal(base).add(o);
        int cmp = decimal(value).compareTo(sum);
        return less ? cmp <= 0 : cmp >= 0;
    }

    /** in_range_float8_float8: NaN sorts after everything, and an infinite base and offset never make NaN. */
    private static boolean inRangeFloat(double v, double base, double offset, boolean sub, boolean less) {
        checkSize(offset < 0 || Double.isNaN(offset));
        if (Double.isNaN(v)) {
            return Double.isNaN(base) || !less;
        }
        if (Double.isNaN(base)) {
            return less;
        }
        if (Double.isInfinite(offset) && Double.isInfinite(base) && (sub ? base > 0 : base < 0)) {
            return true;
        }
        double sum = sub ? base - offset : base + offset;
        return less ? v <= sum : v >= sum;
    }

    /** in_range_numeric_numeric, with PostgreSQL's rules for NaN and infinite values and offsets. */
    private static boolean inRangeNumeric(PgNumeric v, PgNumeric base, PgNumeric offset, boolean sub, boolean less) {
        checkSize(offset.isNaN() || offset.kind() == PgNumeric.Kind.NEGATIVE_INFINITY
                || (offset.isFinite() && offset.value().signum() < 0));
        if (v.isNaN()) {
            return base.isNaN() || !less;
        }
        if (base.isNaN()) {
            return less;
        }
        boolean vPos = v.kind() == PgNumeric.Kind.POSITIVE_INFINITY;
        boolean vNeg = v.kind() == PgNumeric.Kind.NEGATIVE_INFINITY;
        boolean basePos = base.kind() == PgNumeric.Kind.POSITIVE_INFINITY;
        boolean baseNeg = base.kind() == PgNumeric.Kind.NEGATIVE_INFINITY;
        if (!offset.isFinite()) {
            if (sub ? basePos : baseNeg) {
                return true; // base -/+ offset would be NaN
            }
            if (sub) {
                return !less || vNeg; // base - offset is -infinity
            }
            return less || vPos; // base + offset is +infinity
        }
        if (!v.isFinite() || !base.isFinite()) {
            if (vPos) {
                return basePos || !less;
            }
            if (basePos) {
                return less;
            }
            if (vNeg) {
                return baseNeg || less;
            }
            return !less; // base is -infinity
        }
        BigDecimal sum = sub ? base.value().subtract(offset.value()) : base.value().add(offset.value());
        int cmp = v.value().compareTo(sum);
        return less ? cmp <= 0 : cmp >= 0;
    }

    private static PgNumeric numeric(Object v) {
        return v instanceof PgNumeric n ? n : PgNumeric.of(decimal(v));
    }

    private static void checkSize(boolean invalid) {
        if (invalid) {
            throw PgException.of(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                    "invalid preceding or following size in window function");
        }
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof PgNumeric n) {
            if (!n.isFinite()) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "infinite or NaN RANGE offsets are not supported yet");
            }
            return n.value();
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }
}
