package org.lakepg.server.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lakepg.wire.types.PgArray;

/** Element fetch, and slicing follow PostgreSQL's bounds rules (expected values from PostgreSQL 15). */
class SubscriptsTest {
    private static final int INT4 = 23;

    private static PgArray grid() {
        return new PgArray(INT4, new int[] {2, 2}, new int[] {1, 1}, new Object[] {1, 2, 3, 4});
    }

    @Test
    void elementNeedsOneSubscriptPerDimensionAndIsNullOutOfBounds() {
        assertThat(Subscripts.element(grid(), new int[] {2, 1})).isEqualTo(3);
        assertThat(Subscripts.element(grid(), new int[] {2})).isNull();
        assertThat(Subscripts.element(grid(), new int[] {3, 1})).isNull();
        PgArray zeroBased = new PgArray(INT4, new int[] {3}, new int[] {0}, new Object[] {7, 8, 9});
        assertThat(Subscripts.element(zeroBased, new int[] {0})).isEqualTo(7);
    }

    @Test
    void slicesClampAndStartAtOne() {
        // select ('{{1,2},{3,4}}'::int[])[1:2][2] = {{2},{4}}
        PgArray slice = Subscripts.slice(grid(), new Integer[] {1, 1}, new Integer[] {2, 2});
        assertThat(slice.dims()).containsExactly(2, 2);
        PgArray column = Subscripts.slice(grid(), new Integer[] {1, 2}, new Integer[] {2, 2});
        assertThat(column.elements()).containsExactly(2, 4);
        assertThat(column.lowerBounds()).containsExactly(1, 1);
        PgArray clamped = Subscripts.slice(PgArray.of(INT4, 1, 2, 3), new Integer[] {0}, new Integer[] {9});
        assertThat(clamped.elements()).containsExactly(1, 2, 3);
        assertThat(Subscripts.slice(PgArray.of(INT4, 1, 2, 3), new Integer[] {3}, new Integer[] {2}).elements()).isEmpty();
    }
}
