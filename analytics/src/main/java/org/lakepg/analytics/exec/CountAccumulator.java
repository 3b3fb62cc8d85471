package org.lakepg.analytics.exec;

import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.PgType;

/** count(*) and count(x). */
final class CountAccumulator extends Accumulator {
    private final boolean skipNulls;
    private long[] counts = new long[0];

    CountAccumulator(boolean skipNulls) {
        this.skipNulls = skipNulls;
    }

    @Override
    void grow(int groups) {
        counts = Arrays.copyOf(counts, groups);
    }

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        if (skipNulls && input.nulls().hasNulls()) {
            for (int r = 0; r < n; r++) {
                if (!input.isNull(r)) {
                    counts[ids[r]]++;
                }
            }
        } else {
            for (int r = 0; r < n; r++) {
                counts[ids[r]]++;
            }
        }
    }

    @Override
    void addAt(ColumnVector input, int[] rows, int[] ids, int n) {
        if (skipNulls && input.nulls().hasNulls()) {
            for (int i = 0; i < n; i++) {
                if (!input.isNull(rows[i])) {
                    counts[ids[i]]++;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                counts[ids[i]]++;
            }
        }
    }

    @Override
    void addCountedAt(ColumnVector input, int[] rows, int[] ids, int n, int[] groupRows, int groups) {
        addCounted(input, ids, n, groupRows, groups);
    }

    @Override
    boolean mergeable() {
        return true;
    }

    @Override
    void merge(Accumulator other, int[] map, int otherGroups) {
        long[] theirs = ((CountAccumulator) other).counts;
        for (int g = 0; g < otherGroups; g++) {
            counts[map[g]] += theirs[g];
        }
    }

    @Override
    void addCounted(ColumnVector input, int[] ids, int n, int[] rows, int groups) {
        for (int g = 0; g < groups; g++) {
            counts[g] += rows[g];
        }
    }

    @Override
    boolean canAddSelected(ColumnVector input, int count) {
        return true;
    }

    @Override
    void addSelected(ColumnVector input, int[] positions, int count) {
        if (skipNulls && input.nulls().hasNulls()) {
            for (int i = 0; i < count; i++) {
                if (!input.isNull(positions[i])) {
                    counts[0]++;
                }
            }
        } else {
            counts[0] += count;
        }
    }

    @Override
    boolean canAddRuns(ColumnVector input, int rows) {
        return !skipNulls || !input.nulls().hasNulls();
    }

    @Override
    int addRuns(ColumnVector input, RowRuns runs, int selected) {
        if (selected < 0) {
            RangeTest test = runs.test();
            selected = 0;
            for (int i = 0; i < runs.count(); i++) {
                selected += test == null ? runs.end(i) - runs.start(i) : test.count(runs.start(i), runs.end(i));
            }
        }
        counts[0] += selected;
        return selected;
    }

    @Override
    ColumnVector result(int groups) {
        return new LongVector(PgType.INT8, Arrays.copyOf(counts, groups), groups,
                org.lakepg.analytics.batch.NullMask.NONE);
    }
}
