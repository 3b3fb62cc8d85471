package org.lakepg.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.conformance.causes.CauseTable;
import org.lakepg.conformance.causes.FailureCause;
import org.lakepg.conformance.causes.FailureCause.Kind;
import org.lakepg.conformance.causes.FailureClassifier;
import org.lakepg.conformance.causes.StatementFailure;
import org.lakepg.conformance.causes.StatementFailuresFile;
import org.lakepg.conformance.results.TestResult;

/**
 * Turns a run's results and its unmatched statements into failure causes. Every statement a
 * failed test did not match is counted under exactly one cause, so the cause table adds up to
 * the statements missing from the totals.
 */
public final class SuiteAnalysis {
    /** Cause for statements of tests that produced no output because no server ever answered. */
    public static final String SERVER_DID_NOT_START = "server did not start";

    private SuiteAnalysis() {}

    /**
     * @param serverDown null when a server answered at the start of the run; otherwise why not
     *                   (then every test's statements count under "not run: &lt;serverDown&gt;")
     * @param workDir    run-pg-regress's OUTDIR/work (its pg_regress.log files say why a test left no output)
     */
    public static CauseTable causes(List<TestResult> results, StatementFailuresFile.Contents failures,
                                    String serverDown, Path workDir) {
        CauseTable table = new CauseTable();
        Map<String, Integer> classified = new HashMap<>();
        Map<String, TestResult> byTest = new HashMap<>();
        results.forEach(r -> byTest.put(r.test(), r));
        for (StatementFailure f : failures.failures()) {
            TestResult r = byTest.get(f.test());
            if (r == null || serverDown != null) {
                continue;
            }
            String reason = r.status().equals(TestResult.TIMEOUT) ? "test timed out" : "test stopped before it";
            table.add(FailureClassifier.classify(f, reason), f);
            classified.merge(f.test(), 1, Integer::sum);
        }
        for (TestResult r : results) {
            if (r.passed() || r.skipped()) {
                continue;
            }
            int rest = r.total() - r.matched() - classified.getOrDefault(r.test(), 0);
            if (rest <= 0) {
                continue;
            }
            FailureCause cause;
            if (serverDown != null) {
                cause = FailureCause.of(Kind.NOT_RUN, serverDown);
            } else if (failures.testsWithoutOutput().containsKey(r.test())) {
                cause = FailureCause.of(Kind.NOT_RUN, whyNoOutput(workDir, r));
            } else {
                cause = FailureCause.of(Kind.NOT_RUN, "unclassified");
            }
            table.add(cause, r.test(), rest, r.test() + ": " + rest + " statements");
        }
        return table;
    }

    private static String whyNoOutput(Path workDir, TestResult r) {
        if (r.status().equals(TestResult.TIMEOUT)) {
            return "test timed out";
        }
        Path log = workDir == null ? null : workDir.resolve(r.test()).resolve("pg_regress.log");
        try {
            if (log != null && Files.exists(log)) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                if (text.contains("server not answering")) {
                    return "server stopped answering";
                }
            }
        } catch (IOException e) {
            // fall through: the reason stays generic
        }
        return "no output (pg_regress could not run the test)";
    }
}
