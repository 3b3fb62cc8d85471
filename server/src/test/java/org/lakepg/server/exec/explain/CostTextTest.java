package org.lakepg.server.exec.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CostTextTest {
    @Test
    void roundsTheBinaryValueAsCPrintfDoes() {
        // 1.02 + 0.01 + 0.005 is just below 1.035 in binary: PostgreSQL prints a 2-row sort of a 1-page table 1.03
        assertThat(CostText.twoDigits(1.02 + 0.01 + 0.005)).isEqualTo("1.03");
        assertThat(CostText.twoDigits(0.125)).isEqualTo("0.12"); // an exact tie goes to even
        assertThat(CostText.twoDigits(43.925)).isEqualTo("43.92"); // Java's %.2f says 43.93
        assertThat(CostText.twoDigits(0)).isEqualTo("0.00");
        assertThat(CostText.twoDigits(1e10 + 0.5)).isEqualTo("10000000000.50");
    }

    @Test
    void printsTheWholeAnnotation() {
        assertThat(CostText.of(0, 1.02, 2, 4)).isEqualTo("  (cost=0.00..1.02 rows=2 width=4)");
    }
}
