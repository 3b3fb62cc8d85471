package org.lakepg.server.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PgQuickSortTest {

    @Test
    void sortsLikeAnyCorrectSortForManySizesAndDuplicates() {
        Random random = new Random(42);
        for (int n = 0; n < 300; n += 7) {
            for (int distinct : new int[] {1, 3, 50, 1000}) {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(random.nextInt(distinct));
                }
                List<Integer> expected = new ArrayList<>(rows);
                expected.sort(Comparator.naturalOrder());
                PgQuickSort.sort(rows, Comparator.naturalOrder());
                assertThat(rows).isEqualTo(expected);
            }
        }
    }

    /** Ties come out as PostgreSQL 15 prints them: ORDER BY g % 3 over g = 1..50 (recorded from PG 15). */
    @Test
    void leavesTiesWherePostgresQuicksortLeavesThem() {
        List<int[]> rows = new ArrayList<>();
        for (int g = 1; g <= 50; g++) {
            rows.add(new int[] {g, g % 3});
        }
        PgQuickSort.sort(rows, Comparator.comparingInt(r -> r[1]));
        List<Integer> ids = rows.stream().map(r -> r[0]).toList();
        assertThat(ids.subList(0, 16)).containsExactly(18, 39, 45, 21, 36, 9, 24, 15, 48, 27, 42, 3, 30, 6, 12, 33);
    }

    @Test
    void smallInputsUseInsertionSortSoTiesKeepTheirOrder() {
        List<int[]> rows = new ArrayList<>(List.of(new int[] {1, 1}, new int[] {2, 0}, new int[] {3, 1}, new int[] {4, 0}));
        PgQuickSort.sort(rows, Comparator.comparingInt(r -> r[1]));
        assertThat(rows.stream().map(r -> r[0]).toList()).containsExactly(2, 4, 1, 3);
    }
}
