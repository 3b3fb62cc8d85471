package org.lakepg.server.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.spill.TempFileSpace;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.wire.error.PgException;

class RowSorterTest {
    /** By the text column, NULLs last, then by the number: a total order, so any correct sort agrees. */
    private static final Comparator<Object[]> ORDER = Comparator
            .comparing((Object[] r) -> (String) r[1], Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> (Long) r[0]);

    private static List<Object[]> rows(int n, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {(long) i, random.nextInt(10) == 0 ? null : "v" + random.nextInt(n / 3 + 1), i * 0.5});
        }
        return rows;
    }

    private static List<Object[]> drain(Iterator<Object[]> it) {
        List<Object[]> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static ExecContext context(Map<String, String> settings) {
        return new ExecContext(new FixedFunctionContext(java.time.ZoneOffset.UTC, settings), new Object[0]);
    }

    @Test
    void externalMergeGivesTheSameOrderAsAnInMemorySortAndLeavesNoFiles() {
        List<Object[]> input = rows(50_000, 1);
        List<Object[]> expected = new ArrayList<>(input);
        expected.sort(ORDER);
        ExecContext context = context(Map.of());
        RowSorter sorter = new RowSorter(ORDER, 64 * 1024, -1, context);
        input.forEach(sorter::add);
        List<Object[]> sorted = drain(sorter.sorted());
        assertThat(sorter.method()).isEqualTo(RowSorter.Method.EXTERNAL_MERGE);
        assertThat(sorter.explained()).matches("external merge  Disk: \\d+kB");
        assertThat(sorted).hasSize(expected.size());
        for (int i = 0; i < sorted.size(); i++) {
            assertThat(sorted.get(i)).containsExactly(expected.get(i));
        }
        assertThat(TempFileSpace.processDefault().fileCount()).isZero();
    }

    @Test
    void smallInputIsQuicksortedInMemory() {
        RowSorter sorter = new RowSorter(ORDER, 4 * 1024 * 1024, -1, context(Map.of()));
        rows(1000, 2).forEach(sorter::add);
        assertThat(drain(sorter.sorted())).hasSize(1000).isSortedAccordingTo(ORDER);
        assertThat(sorter.explained()).matches("quicksort  Memory: \\d+kB");
    }

    @Test
    void boundedSortKeepsTheFirstRowsInAHeap() {
        List<Object[]> input = rows(20_000, 3);
        List<Object[]> expected = new ArrayList<>(input);
        expected.sort(ORDER);
        RowSorter sorter = new RowSorter(ORDER, 64 * 1024, 25, context(Map.of()));
        input.forEach(sorter::add);
        List<Object[]> top = drain(sorter.sorted());
        assertThat(sorter.method()).isEqualTo(RowSorter.Method.TOP_N);
        assertThat(top).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(top.get(i)).containsExactly(expected.get(i));
        }
        RowSorter none = new RowSorter(ORDER, 64 * 1024, 0, context(Map.of()));
        input.forEach(none::add);
        assertThat(drain(none.sorted())).isEmpty();
    }

    @Test
    void spillingPastTempFileLimitFailsWith53400AndDeletesTheFiles() {
        ExecContext context = context(Map.of("temp_file_limit", "100kB"));
        RowSorter sorter = new RowSorter(ORDER, 64 * 1024, -1, context);
        assertThatThrownBy(() -> rows(50_000, 4).forEach(sorter::add))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState().code()).isEqualTo("53400");
                    assertThat(e.getMessage()).isEqualTo("temporary file size exceeds temp_file_limit (100kB)");
                });
        context.closeTempFiles();
        assertThat(TempFileSpace.processDefault().fileCount()).isZero();
    }

    @Test
    void aCancelledMergeStopsWith57014() {
        ExecContext context = context(Map.of());
        RowSorter sorter = new RowSorter(ORDER, 64 * 1024, -1, context);
        rows(20_000, 5).forEach(sorter::add);
        Iterator<Object[]> sorted = sorter.sorted();
        sorted.next();
        context.cancel("canceling statement due to user request");
        assertThatThrownBy(sorted::next).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("57014"));
        context.closeTempFiles();
        assertThat(TempFileSpace.processDefault().fileCount()).isZero();
    }
}
