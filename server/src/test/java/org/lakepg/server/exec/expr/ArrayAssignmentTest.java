package org.lakepg.server.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.types.PgArray;

/** Element and slice assignment follow PostgreSQL's array_set_element / array_set_slice (outcomes from PG 15). */
class ArrayAssignmentTest {
    private static final int INT4 = 23;

    private static PgArray grid() {
        return new PgArray(INT4, new int[] {2, 2}, new int[] {1, 1}, new Object[] {1, 2, 3, 4});
    }

    private static String sqlState(Runnable r) {
        try {
            r.run();
        } catch (PgException e) {
            return e.sqlState().code() + " " + e.getMessage();
        }
        return "no error";
    }

    @Test
    void elementAssignmentExtendsWithNullsAndLowersTheBound() {
        PgArray extended = ArrayAssignment.element(PgArray.of(INT4, 1, 2, 3), new int[] {5}, 50, INT4);
        assertThat(extended.elements()).containsExactly(1, 2, 3, null, 50);
        PgArray lowered = ArrayAssignment.element(PgArray.of(INT4, 1, 2), new int[] {0}, 0, INT4);
        assertThat(lowered.lowerBounds()).containsExactly(0);
        assertThat(lowered.elements()).containsExactly(0, 1, 2);
        PgArray fromNull = ArrayAssignment.element(null, new int[] {3, 4}, 7, INT4);
        assertThat(fromNull.lowerBounds()).containsExactly(3, 4);
        assertThat(fromNull.elements()).containsExactly(7);
    }

    @Test
    void multidimensionalArraysDoNotGrow() {
        // update x set a[2][1] = 9 on {{1,2},{3,4}} gives {{1,2},{9,4}}; a[3][1] is out of range, a[1] has too few
        assertThat(ArrayAssignment.element(grid(), new int[] {2, 1}, 9, INT4).elements()).containsExactly(1, 2, 9, 4);
        assertThat(sqlState(() -> ArrayAssignment.element(grid(), new int[] {3, 1}, 9, INT4)))
                .isEqualTo("2202E array subscript out of range");
        assertThat(sqlState(() -> ArrayAssignment.element(grid(), new int[] {1}, 9, INT4)))
                .isEqualTo("2202E wrong number of array subscripts");
    }

    @Test
    void sliceAssignment() {
        // a[1][1:2] = '{8,8}' on {{1,2},{3,4}} gives {{8,8},{3,4}}; a[1:1] needs two items
        PgArray row = ArrayAssignment.slice(grid(), new Integer[] {1, 1}, new Integer[] {1, 2}, PgArray.of(INT4, 8, 8), INT4);
        assertThat(row.elements()).containsExactly(8, 8, 3, 4);
        assertThat(sqlState(() -> ArrayAssignment.slice(grid(), new Integer[] {1}, new Integer[] {1},
                PgArray.of(INT4, 9), INT4))).isEqualTo("2202E source array too small");
        // '{1,2}' with [4:5] = '{4,5}' gives {1,2,NULL,4,5}
        PgArray gap = ArrayAssignment.slice(PgArray.of(INT4, 1, 2), new Integer[] {4}, new Integer[] {5},
                PgArray.of(INT4, 4, 5), INT4);
        assertThat(gap.elements()).containsExactly(1, 2, null, 4, 5);
        // [:] on an empty array needs both bounds
        assertThat(sqlState(() -> ArrayAssignment.slice(null, new Integer[] {null}, new Integer[] {null},
                PgArray.of(INT4, 1), INT4))).startsWith("2202E array slice subscript must provide both boundaries");
        assertThat(ArrayAssignment.slice(PgArray.of(INT4, 1), new Integer[] {1}, new Integer[] {1}, null, INT4).elements())
                .containsExactly(1);
    }

    @Test
    void sizeLimits() {
        assertThat(sqlState(() -> ArrayAssignment.element(PgArray.of(INT4, 1), new int[] {Integer.MAX_VALUE}, 42, INT4)))
                .isEqualTo("54000 array size exceeds the maximum allowed (134217727)");
        assertThat(sqlState(() -> ArrayAssignment.element(null, new int[] {Integer.MAX_VALUE}, 42, INT4)))
                .isEqualTo("54000 array lower bound is too large: 2147483647");
        assertThat(sqlState(() -> ArrayAssignment.slice(null, new Integer[] {Integer.MIN_VALUE},
                new Integer[] {Integer.MAX_VALUE}, PgArray.of(INT4), INT4)))
                .isEqualTo("54000 array size exceeds the maximum allowed (134217727)");
    }
}
