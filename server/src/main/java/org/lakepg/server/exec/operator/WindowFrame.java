package org.lakepg.server.exec.operator;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.parser.FrameOptions;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A window's frame (ROWS, RANGE without offsets, or GROUPS; with EXCLUDE): for each row of a
 * partition, the first and last row of its frame (inclusive; empty when first > last) and whether a
 * row in between is excluded.
 */
final class WindowFrame {
    private final int options;
    private final long startOffset;
    private final long endOffset;
    /** RANGE with offsets: the in_range test, the offsets as values, where the order key is and its direction. */
    private final RangeOffsets range;

    WindowFrame(WindowAggNode node, ExprCompiler compiler, org.lakepg.server.function.FunctionRegistry functions,
                ExecContext context) {
        this.options = node.frameOptions();
        if (node.inRange() != null) {
            this.range = new RangeOffsets(node, compiler, functions, context);
            this.startOffset = 0;
            this.endOffset = 0;
            return;
        }
        this.range = null;
        this.startOffset = offset(node.startOffset() == null ? null : compiler.compile(node.startOffset()).eval(new Object[0], context),
                node.startOffset() != null, "starting");
        this.endOffset = offset(node.endOffset() == null ? null : compiler.compile(node.endOffset()).eval(new Object[0], context),
                node.endOffset() != null, "ending");
    }

    private static long offset(Object value, boolean given, String which) {
        if (!given) {
            return 0;
        }
        if (value == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "frame %s offset must not be null", which);
        }
        long v = (Long) value;
        if (v < 0) {
            throw PgException.of(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame %s offset must not be negative", which);
        }
        return v;
    }

    private boolean has(int bit) {
        return (options & bit) != 0;
    }

    boolean startsAtPartitionStart() {
        return has(FrameOptions.START_UNBOUNDED_PRECEDING) && !excludes();
    }

    /** Whether the frame always starts at the partition start (its head never moves). */
    boolean headFixed() {
        return has(FrameOptions.START_UNBOUNDED_PRECEDING);
    }

    /** Whether the frame ends at the current row (or its last peer) or at the partition end. */
    boolean endsAtCurrentRowOrPartitionEnd() {
        return has(FrameOptions.END_UNBOUNDED_FOLLOWING) || has(FrameOptions.END_CURRENT_ROW);
    }

    boolean excludes() {
        return has(FrameOptions.EXCLUDE_CURRENT_ROW) || has(FrameOptions.EXCLUDE_GROUP) || has(FrameOptions.EXCLUDE_TIES);
    }

    private static int clamp(long v, int low, int high) {
        return (int) Math.max(low, Math.min(high, v));
    }

    /** i + offset, saturating: an offset of 9223372036854775807 FOLLOWING means "to the end". */
    private static long plus(long i, long offset) {
        long sum = i + offset;
        return sum < i ? Long.MAX_VALUE : sum;
    }

    int start(WindowPartition p, int i) {
        int n = p.size();
        if (range != null && (has(FrameOptions.START_OFFSET_PRECEDING) || has(FrameOptions.START_OFFSET_FOLLOWING))) {
            return range.start(p, i, has(FrameOptions.START_OFFSET_PRECEDING));
        }
        boolean rows = has(FrameOptions.ROWS);
        int g = p.group[i];
        if (has(FrameOptions.START_UNBOUNDED_PRECEDING)) {
            return 0;
        }
        if (has(FrameOptions.START_CURRENT_ROW)) {
            return rows ? i : p.groupStart[g];
        }
        if (has(FrameOptions.START_OFFSET_PRECEDING)) {
            if (rows) {
                return clamp(i - startOffset, 0, n);
            }
            long target = g - startOffset;
            return target < 0 ? 0 : p.groupStart[(int) target];
        }
        if (has(FrameOptions.START_OFFSET_FOLLOWING)) {
            if (rows) {
                return clamp(plus(i, startOffset), 0, n);
            }
            long target = plus(g, startOffset);
            return target >= p.groupCount() ? n : p.groupStart[(int) target];
        }
        return n; // UNBOUNDED FOLLOWING is rejected by the grammar
    }

    int end(WindowPartition p, int i) {
        int n = p.size();
        if (range != null && (has(FrameOptions.END_OFFSET_PRECEDING) || has(FrameOptions.END_OFFSET_FOLLOWING))) {
            return range.end(p, i, has(FrameOptions.END_OFFSET_PRECEDING));
        }
        boolean rows = has(FrameOptions.ROWS);
        int g = p.group[i];
        if (has(FrameOptions.END_UNBOUNDED_FOLLOWING)) {
            return n - 1;
        }
        if (has(FrameOptions.END_CURRENT_ROW)) {
            return rows ? i : p.groupEnd[g] - 1;
        }
        if (has(FrameOptions.END_OFFSET_PRECEDING)) {
            if (rows) {
                return clamp(i - endOffset, -1, n - 1);
            }
            long target = g - endOffset;
            return target < 0 ? -1 : p.groupEnd[(int) target] - 1;
        }
        if (has(FrameOptions.END_OFFSET_FOLLOWING)) {
            if (rows) {
                return clamp(plus(i, endOffset), -1, n - 1);
            }
            long target = plus(g, endOffset);
            return target >= p.groupCount() ? n - 1 : p.groupEnd[(int) target] - 1;
        }
        return -1;
    }

    /** Whether row j of the frame of row i is left out by EXCLUDE. */
    boolean excluded(WindowPartition p, int i, int j) {
        if (has(FrameOptions.EXCLUDE_CURRENT_ROW)) {
            return i == j;
        }
        if (has(FrameOptions.EXCLUDE_GROUP)) {
            return p.group[i] == p.group[j];
        }
        if (has(FrameOptions.EXCLUDE_TIES)) {
            return i != j && p.group[i] == p.group[j];
        }
        return false;
    }
}
