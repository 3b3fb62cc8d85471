package org.lakepg.conformance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.conformance.ModulePaths;
import org.lakepg.conformance.results.ResultsTsv;
import org.lakepg.conformance.results.TestResult;

/**
 * The whole flow of ./lakepg conformance --smoke against a real PostgreSQL 15: the suite runs,
 * the report and results.tsv are written, and the ratchet passes or fails on the baseline.
 */
class ConformanceCommandIT {
    private static ReferencePostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = ReferencePostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String against() {
        return "127.0.0.1:" + postgres.port();
    }

    @Test
    void smokeAgainstPostgresWritesTheReportAndClearsTheCheckedInBaseline(@TempDir Path out) throws Exception {
        ConformanceCommand.openToAll(out);
        ConformanceCommand.Result r = ConformanceCommand.run("--smoke", "--against", against(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("ratchet: ok");
        // every smoke file passes on real PostgreSQL; test_setup (always first) needs regress.so
        assertThat(ResultsTsv.read(out.resolve("results.tsv")))
                .allSatisfy(t -> assertThat(t.passed() || t.test().equals("test_setup")).as(t.toString()).isTrue())
                .hasSize(1 + (int) Files.readAllLines(ModulePaths.module().resolve("smoke.txt")).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).count());
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("## Top failure causes")
                .contains("ERROR: could not access file \"X\": No such file or directory")
                .contains("## Needs C extensions (regress.so)");
    }

    @Test
    void aFileBelowTheBaselineFailsTheSmokeRun(@TempDir Path out) throws Exception {
        ConformanceCommand.openToAll(out);
        Path baseline = out.resolve("baseline.tsv");
        // claims more than real PostgreSQL achieves: test_setup passing, boolean with 94 statements
        ResultsTsv.write(baseline, java.util.List.of("made by ConformanceCommandIT"), java.util.List.of(
                new TestResult("test_setup", "ok", 77, 77, 0), new TestResult("boolean", "FAILED", 94, 95, 1),
                new TestResult("char", "ok", 29, 29, 0)));
        ConformanceCommand.Result r = ConformanceCommand.run("--against", against(), "--out", out.resolve("run").toString(),
                "--baseline", baseline.toString(), "boolean", "char");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("REGRESSION test_setup: passed in the baseline, now FAILED")
                .contains("REGRESSION boolean: 93/93 statements matched, the baseline has 94/95")
                .doesNotContain("REGRESSION char");
    }

    @Test
    void aServerThatIsNotThereIsReportedAsNotStarted(@TempDir Path out) throws Exception {
        int unused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        Path baseline = out.resolve("baseline.tsv");
        ResultsTsv.write(baseline, java.util.List.of(), java.util.List.of(new TestResult("boolean", "FAILED", 0, 93, 0)));
        ConformanceCommand.Result r = ConformanceCommand.run("--against", "127.0.0.1:" + unused, "--out",
                out.resolve("run").toString(), "--baseline", baseline.toString(), "boolean");
        assertThat(r.exitCode()).as(r.output()).isZero(); // nothing is below that baseline
        out = out.resolve("run");
        assertThat(Files.readString(out.resolve("report.md"))).contains("**The server did not start")
                .contains("not run: server did not start");
        assertThat(ResultsTsv.read(out.resolve("results.tsv"))).extracting(TestResult::matched).containsOnly(0);
    }
}
