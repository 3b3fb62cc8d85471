package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistinctStrategyTest {
    @Test
    void oneAggregatedRowAfterACostlyScanIsSorted() {
        // PostgreSQL's own figures for SELECT DISTINCT min(f1), max(f2) over an empty table: Unique 43.92..43.93
        // against HashAggregate 43.915..43.925 — fuzzily equal, and the sorted path has the better ordering
        assertThat(DistinctStrategy.sorted(43.92, 43.93, 43.915, 43.925)).isTrue();
    }

    @Test
    void hashingFuzzilyCheaperInTotalWins() {
        assertThat(DistinctStrategy.sorted(900, 1000, 500, 600)).isFalse();
    }

    @Test
    void sortingFuzzilyCheaperInTotalWins() {
        assertThat(DistinctStrategy.sorted(90, 100, 80, 120)).isTrue();
    }

    @Test
    void equalTotalsButHashingStartsSoonerGoToTheExactlyCheaperTotal() {
        assertThat(DistinctStrategy.sorted(100, 100.5, 10, 100.4)).isFalse();
        assertThat(DistinctStrategy.sorted(100, 100.4, 10, 100.5)).isTrue();
    }
}
