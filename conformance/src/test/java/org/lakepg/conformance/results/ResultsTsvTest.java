package org.lakepg.conformance.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.conformance.ModulePaths;

class ResultsTsvTest {

    @Test
    void referenceResultsAddUpToThePublishedFigures() {
        List<TestResult> rows = ResultsTsv.read(ModulePaths.reference());
        SuiteTotals t = SuiteTotals.of(rows);
        assertThat(rows).hasSize(217);
        assertThat(t.filesPassed()).isEqualTo(199);
        assertThat(t.statementsMatched()).isEqualTo(42_553);
        assertThat(t.statements()).isEqualTo(42_795);
        assertThat(rows.stream().filter(r -> !r.passed()).map(TestResult::test))
                .contains("test_setup", "opr_sanity", "triggers", "compression_pglz").hasSize(18);
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndAWrittenFileReadsBackTheSame(@TempDir Path dir) {
        List<TestResult> rows = List.of(new TestResult("boolean", "ok", 93, 93, 0),
                new TestResult("int8", "FAILED", 55, 137, 789), new TestResult("tablespace", "skipped", 0, 0, 0));
        Path file = dir.resolve("baseline.tsv");
        ResultsTsv.write(file, List.of("made by a test"), rows);
        assertThat(ResultsTsv.read(file)).isEqualTo(rows);
        assertThat(ResultsTsv.parse("# c\n\nboolean\tok\t93\t93\n")).containsExactly(new TestResult("boolean", "ok", 93, 93, 0));
    }

    @Test
    void skippedFilesAreLeftOutOfTheTotals() {
        SuiteTotals t = SuiteTotals.of(List.of(new TestResult("a", "ok", 3, 3, 0),
                new TestResult("b", "skipped", 0, 0, 0), new TestResult("c", "TIMEOUT", 1, 4, 2)));
        assertThat(t).isEqualTo(new SuiteTotals(1, 2, 4, 7));
        assertThat(t.filePercent()).isEqualTo(50.0);
    }

    @Test
    void malformedLinesAreRejected() {
        assertThatThrownBy(() -> ResultsTsv.parse("boolean\tok\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ResultsTsv.parse("boolean\tok\t9\t3\n")).hasMessageContaining("bad statement counts");
    }
}
