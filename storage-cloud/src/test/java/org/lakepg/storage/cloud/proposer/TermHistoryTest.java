package org.lakepg.storage.cloud.proposer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.storage.cloud.proposer.TermHistory.TermStart;

class TermHistoryTest {

    private static TermHistory history(long... termLsnPairs) {
        List<TermStart> entries = new java.util.ArrayList<>();
        for (int i = 0; i < termLsnPairs.length; i += 2) {
            entries.add(new TermStart(termLsnPairs[i], termLsnPairs[i + 1]));
        }
        return new TermHistory(entries);
    }

    @Test
    void logsAgreeUpToTheEndOfTheLastSharedTerm() {
        TermHistory a = history(1, 0, 2, 100);
        TermHistory b = history(1, 0, 3, 80);
        // term 1 ended at 100 in a, at 80 in b: only up to 80 is the same
        assertThat(a.commonPoint(150, b, 120, 0)).isEqualTo(80);
        assertThat(b.commonPoint(120, a, 150, 0)).isEqualTo(80);
    }

    @Test
    void aShorterLogOfTheSameTermsAgreesUpToItsEnd() {
        TermHistory a = history(1, 0, 2, 100);
        assertThat(a.commonPoint(150, a, 130, 0)).isEqualTo(130);
        assertThat(a.commonPoint(150, history(1, 0), 90, 0)).isEqualTo(90);
    }

    @Test
    void logsWithNoCommonTermAgreeOnlyOnTheTimelineStart() {
        assertThat(history(1, 40).commonPoint(90, history(2, 40), 60, 40)).isEqualTo(40);
        assertThat(TermHistory.EMPTY.commonPoint(40, history(1, 40), 60, 40)).isEqualTo(40);
    }

    @Test
    void termsThatStartAfterTheFlushPointWroteNothingOfTheLog() {
        TermHistory adopted = history(1, 0, 5, 100);
        assertThat(adopted.lastLogTerm(50)).isEqualTo(1);
        // holding everything up to term 5's start is holding term 5's log so far
        assertThat(adopted.lastLogTerm(100)).isEqualTo(5);
        assertThat(adopted.upTo(50)).isEqualTo(history(1, 0));
        assertThat(TermHistory.EMPTY.lastLogTerm(10)).isZero();
    }

    @Test
    void termsMustIncrease() {
        assertThatThrownBy(() -> history(2, 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(history(1, 0).then(3, 10)).isEqualTo(history(1, 0, 3, 10));
    }
}
