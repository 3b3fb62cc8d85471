package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** compare_path_costs_fuzzily with PostgreSQL's 1% fuzz factor. */
class FuzzyCostsTest {

    @Test
    void withinOnePercentOfTotalTheCheaperStartWins() {
        // join.sql 1720: PostgreSQL's nested loop (0.29..43.82) beats the hash join (1.33..43.70)
        assertThat(FuzzyCosts.compare(0.29, 43.82, 1.33, 43.70)).isEqualTo(FuzzyCosts.Comparison.FIRST_BETTER);
        assertThat(FuzzyCosts.compare(1.33, 43.70, 0.29, 43.82)).isEqualTo(FuzzyCosts.Comparison.SECOND_BETTER);
    }

    @Test
    void moreThanOnePercentOfTotalDecidesWhateverTheStart() {
        assertThat(FuzzyCosts.compare(0.0, 45.0, 10.0, 44.0)).isEqualTo(FuzzyCosts.Comparison.SECOND_BETTER);
        assertThat(FuzzyCosts.compare(10.0, 44.0, 0.0, 45.0)).isEqualTo(FuzzyCosts.Comparison.FIRST_BETTER);
    }

    @Test
    void fuzzilyTheSameOnBothCostsIsEqual() {
        assertThat(FuzzyCosts.compare(1.000, 100.0, 1.005, 100.5)).isEqualTo(FuzzyCosts.Comparison.EQUAL);
    }
}
