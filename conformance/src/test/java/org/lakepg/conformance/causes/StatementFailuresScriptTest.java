package org.lakepg.conformance.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.conformance.ModulePaths;
import org.lakepg.conformance.causes.FailureCause.Kind;
import org.lakepg.conformance.report.SuiteAnalysis;
import org.lakepg.conformance.results.ResultsTsv;
import org.lakepg.conformance.results.TestResult;

/**
 * statement-failures.py against a real result: int8.sql run by psql on PostgreSQL 15 in a database
 * without test_setup's tables (fixture int8-without-setup), where match-statements.py counts 55 of
 * 137 statements matched. The script must list exactly the 82 others.
 */
class StatementFailuresScriptTest {

    static String run(Path outDir, String... tests) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3",
                ModulePaths.module().resolve("statement-failures.py").toString(),
                ModulePaths.suite().toString(), outDir.toString()));
        cmd.addAll(List.of(tests));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    @Test
    void listsExactlyTheStatementsMatchStatementsDidNotCount() throws Exception {
        Path fixture = ModulePaths.fixture("int8-without-setup");
        TestResult int8 = ResultsTsv.read(fixture.resolve("results.tsv")).get(0);
        StatementFailuresFile.Contents c = StatementFailuresFile.parse(run(fixture, "int8"));
        assertThat(c.failures()).hasSize(int8.total() - int8.matched());
        assertThat(c.failures()).allMatch(StatementFailure::reached);
        assertThat(c.failures().get(0).test()).isEqualTo("int8");

        CauseTable table = SuiteAnalysis.causes(List.of(int8), c, null, fixture.resolve("work"));
        assertThat(table.ranked()).singleElement().satisfies(row -> {
            assertThat(row.cause()).isEqualTo(new FailureCause(Kind.ERROR, "relation \"X\" does not exist", null));
            assertThat(row.statements()).isEqualTo(82);
            assertThat(row.example()).startsWith("int8.sql:");
            assertThat(row.frequent()).isEmpty(); // every one printed the same message
        });
    }

    @Test
    void statementsAfterWhereTheOutputStopsCountAsNotRun(@TempDir Path dir) throws Exception {
        Path fixture = ModulePaths.fixture("int8-without-setup");
        List<String> lines = Files.readAllLines(fixture.resolve("work/int8/results/int8.out"));
        Path results = dir.resolve("work/int8/results");
        Files.createDirectories(results);
        Files.write(results.resolve("int8.out"), lines.subList(0, lines.size() / 2));
        StatementFailuresFile.Contents c = StatementFailuresFile.parse(run(dir, "int8"));
        TestResult timedOut = new TestResult("int8", TestResult.TIMEOUT, 0, 137, 0);
        CauseTable table = SuiteAnalysis.causes(List.of(timedOut), c, null, dir.resolve("work"));
        assertThat(table.ranked()).extracting(CauseTable.Row::cause)
                .contains(FailureCause.of(Kind.NOT_RUN, "test timed out"),
                        new FailureCause(Kind.ERROR, "relation \"X\" does not exist", null));
        assertThat(c.failures()).anyMatch(f -> !f.reached()).anyMatch(StatementFailure::reached);
    }

    @Test
    void aTestWithoutResultFileIsNamed(@TempDir Path dir) throws Exception {
        StatementFailuresFile.Contents c = StatementFailuresFile.parse(run(dir, "int8"));
        assertThat(c.failures()).isEmpty();
        assertThat(c.testsWithoutOutput()).containsEntry("int8", "no-result-file");
    }
}
