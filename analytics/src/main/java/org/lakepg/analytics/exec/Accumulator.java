package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The running state of one aggregate for every group, updated a batch at a time from the rows' group ids. NULL
 * inputs are skipped; a group that saw no non-NULL input yields NULL (count yields 0).
 */
abstract class Accumulator {

    protected int capacity;

    /** Adds rows {@code [0, n)} of {@code input} (null for count(*)) to groups {@code ids}. */
    abstract void add(ColumnVector input, int[] ids, int n);

    /**
     * Like {@link #add}, for an input without NULLs (or count(*)) whose rows per group in this batch are known,
     * {@code rows[g]} for groups {@code [0, groups)}: an accumulator that counts its inputs takes the counts from
     * there once per group instead of one increment per row (the GROUP BY counts rows once for all aggregates).
     */
    void addCounted(ColumnVector input, int[] ids, int n, int[] rows, int groups) {
        add(input, ids, n);
    }

    /**
     * Like {@link #add}, for rows {@code rows[0..n)} of {@code input} (a filter's selection): row {@code rows[i]}
     * goes to group {@code ids[i]}. The default gathers the input column; the common accumulators read in place.
     */
    void addAt(ColumnVector input, int[] rows, int[] ids, int n) {
        add(input == null ? null : input.gather(rows, n), ids, n);
    }

    /** {@link #addCounted} for rows {@code rows[0..n)} of {@code input}, as {@link #addAt}. */
    void addCountedAt(ColumnVector input, int[] rows, int[] ids, int n, int[] groupRows, int groups) {
        addCounted(input == null ? null : input.gather(rows, n), ids, n, groupRows, groups);
    }

    /**
     * Whether {@link #addSelected} can add these rows of {@code input} (null for count(*)) without gathering them;
     * decided before anything is added.
     */
    boolean canAddSelected(ColumnVector input, int count) {
        return false;
    }

    /** Adds rows {@code positions[0..count)} of {@code input} to group 0 (no GROUP BY). */
    void addSelected(ColumnVector input, int[] positions, int count) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    /**
     * Whether {@link #addRuns} can add rows of {@code input} (null for count(*)) from runs holding {@code rows} rows;
     * decided before anything is added.
     */
    boolean canAddRuns(ColumnVector input, int rows) {
        return false;
    }

    /**
     * Adds the rows of {@code runs} that pass its test to group 0 (no GROUP BY), reading the values from the runs: no
     * selection vector, no gather. Returns how many rows that is; {@code selected} is that number if an accumulator
     * before counted it, else -1.
     */
    int addRuns(ColumnVector input, RowRuns runs, int selected) {
        throw new UnsupportedOperationException(getClass().getSimpleName());
    }

    /** Makes room for groups {@code [0, groups)}. */
    abstract void grow(int groups);

    abstract ColumnVector result(int groups);

    /**
     * Whether {@link #merge} gives exactly the state one accumulator would have reached over both inputs in any
     * order (exact sums and counts; not float sums, whose rounding depends on the order).
     */
    boolean mergeable() {
        return false;
    }

    /** Adds group {@code g} of {@code other} (same function and input type) into group {@code map[g]} of this. */
    void merge(Accumulator other, int[] map, int otherGroups) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be merged");
    }

    final void ensure(int groups) {
        if (groups > capacity) {
            int newCapacity = Math.max(groups, Math.max(16, capacity * 2));
            grow(newCapacity);
            capacity = newCapacity;
        }
    }

    static Accumulator of(AggCall call, PgType input) {
        return switch (call.function()) {
            case COUNT_STAR -> new CountAccumulator(false);
            case COUNT -> new CountAccumulator(true);
            case SUM -> switch (input) {
                case INT2, INT4 -> new IntegerSumAccumulator(false, false);
                case INT8 -> new IntegerSumAccumulator(true, false);
                case FLOAT4 -> new FloatSumAccumulator();
                case FLOAT8 -> new DoubleSumAccumulator(false);
                case NUMERIC -> new DecimalSumAccumulator(false);
                default -> throw undefined("sum", input);
            };
            case AVG -> switch (input) {
                case INT2, INT4, INT8 -> new IntegerSumAccumulator(true, true);
                case FLOAT4, FLOAT8 -> new DoubleSumAccumulator(true);
                case NUMERIC -> new DecimalSumAccumulator(true);
                default -> throw undefined("avg", input);
            };
            case MIN, MAX -> new MinMaxAccumulator(input, call.function() == AggCall.Function.MAX);
        };
    }

    private static PgException undefined(String function, PgType input) {
        return PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s(%s) does not exist", function,
                input.name().toLowerCase());
    }
}
