package org.lakepg.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsCollectorTest {

    private static RelationStatistics thousandRows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {i, i % 10, i % 4 == 0 ? null : "v" + (i % 3)});
        }
        return StatisticsCollector.collect(rows.iterator(), 3, 7);
    }

    @Test
    void aUniqueColumnHasMinusOneDistinctAndAFullHistogram() {
        ColumnStatistics key = thousandRows().column(0);
        assertThat(key.nDistinct()).isEqualTo(-1.0);
        assertThat(key.nullFrac()).isZero();
        assertThat(key.mcvValues()).isEmpty();
        assertThat(key.histogram()).hasSize(101).startsWith(0).endsWith(999);
        assertThat(key.distinct(5000)).isEqualTo(5000);
    }

    @Test
    void fewValuesAreAllMostCommonWithTheirFrequencies() {
        ColumnStatistics tens = thousandRows().column(1);
        assertThat(tens.nDistinct()).isEqualTo(10);
        assertThat(tens.mcvValues()).hasSize(10).contains(0, 9);
        assertThat(tens.mcvFrequencies()).allSatisfy(f -> assertThat(f).isEqualTo(0.1));
        assertThat(tens.histogram()).isEmpty();
    }

    @Test
    void nullsAreCountedAndWidthsAveraged() {
        RelationStatistics stats = thousandRows();
        ColumnStatistics text = stats.column(2);
        assertThat(text.nullFrac()).isEqualTo(0.25);
        assertThat(text.avgWidth()).isEqualTo(3);
        assertThat(text.nDistinct()).isEqualTo(3);
        assertThat(stats.tuples()).isEqualTo(1000);
        assertThat(stats.pages()).isEqualTo(7);
    }

    @Test
    void anEmptyTableHasNoColumnStatistics() {
        RelationStatistics stats = StatisticsCollector.collect(List.<Object[]>of().iterator(), 2, 0);
        assertThat(stats.tuples()).isZero();
        assertThat(stats.column(0)).isNull();
    }

    @Test
    void correlationFollowsThePhysicalOrderOfTheValues() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {i, 1000 - i, (i * 7919) % 1000, i % 2 == 0 ? null : i});
        }
        RelationStatistics stats = StatisticsCollector.collect(rows.iterator(), 4, 5);
        assertThat(stats.column(0).correlation()).isEqualTo(1.0);
        assertThat(stats.column(1).correlation()).isEqualTo(-1.0);
        assertThat(Math.abs(stats.column(2).correlation())).isLessThan(0.1);
        assertThat(stats.column(3).correlation()).isEqualTo(1.0); // NULLs take no place in the order
    }

    @Test
    void aSampledTableIsBackInPhysicalOrderForTheCorrelation() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3 * StatisticsCollector.SAMPLE_ROWS; i++) {
            rows.add(new Object[] {i});
        }
        ColumnStatistics ascending = StatisticsCollector.collect(rows.iterator(), 1, 400).column(0);
        assertThat(ascending.correlation()).isEqualTo(1.0);
    }
}
