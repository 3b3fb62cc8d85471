package org.lakepg.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.conformance.ModulePaths;
import org.lakepg.conformance.causes.CauseTable;
import org.lakepg.conformance.causes.FailureCause;
import org.lakepg.conformance.causes.FailureCause.Kind;
import org.lakepg.conformance.causes.StatementFailuresFile;
import org.lakepg.conformance.results.ResultsTsv;
import org.lakepg.conformance.results.TestResult;

class SuiteAnalysisTest {

    @Test
    void whenTheServerNeverStartedEveryStatementIsNotRun() {
        List<TestResult> all = ResultsTsv.read(ModulePaths.reference()).stream()
                .map(r -> new TestResult(r.test(), TestResult.FAILED, 0, r.total(), 0)).toList();
        CauseTable table = SuiteAnalysis.causes(all, new StatementFailuresFile.Contents(List.of(), Map.of()),
                SuiteAnalysis.SERVER_DID_NOT_START, null);
        assertThat(table.ranked()).singleElement().satisfies(r -> {
            assertThat(r.cause()).isEqualTo(FailureCause.of(Kind.NOT_RUN, "server did not start"));
            assertThat(r.statements()).isEqualTo(42_795);
            assertThat(r.tests()).hasSize(217);
        });
    }

    @Test
    void aServerThatStoppedAnsweringIsReadFromPgRegressLog(@TempDir Path work) throws Exception {
        Files.createDirectories(work.resolve("int4"));
        Files.writeString(work.resolve("int4/pg_regress.log"), "not run: server not answering\n");
        List<TestResult> rows = List.of(new TestResult("int4", TestResult.FAILED, 0, 64, 0),
                new TestResult("int2", TestResult.TIMEOUT, 0, 43, 0));
        CauseTable table = SuiteAnalysis.causes(rows,
                new StatementFailuresFile.Contents(List.of(), Map.of("int4", "no-result-file", "int2", "no-result-file")),
                null, work);
        assertThat(table.ranked()).extracting(r -> r.cause().describe() + "=" + r.statements())
                .containsExactly("not run: server stopped answering=64", "not run: test timed out=43");
    }
}
