package org.lakepg.conformance.results;

import java.util.Objects;

/**
 * One regression test file's outcome, as a line of run-pg-regress's results.tsv:
 * test, status (ok, FAILED, TIMEOUT, skipped), statements matched, statements total, diff lines.
 */
public record TestResult(String test, String status, int matched, int total, int diffLines) {
    public static final String OK = "ok";
    public static final String FAILED = "FAILED";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String SKIPPED = "skipped";

    public TestResult {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(status, "status");
        if (matched < 0 || total < 0 || matched > total) {
            throw new IllegalArgumentException("bad statement counts for " + test + ": " + matched + "/" + total);
        }
    }

    public boolean passed() {
        return OK.equals(status);
    }

    public boolean skipped() {
        return SKIPPED.equals(status);
    }
}
