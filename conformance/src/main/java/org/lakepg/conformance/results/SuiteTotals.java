package org.lakepg.conformance.results;

import java.util.List;

/** Files passed and statements matched over a set of results (skipped files left out). */
public record SuiteTotals(int filesPassed, int files, long statementsMatched, long statements) {

    public static SuiteTotals of(List<TestResult> rows) {
        int passed = 0, files = 0;
        long matched = 0, total = 0;
        for (TestResult r : rows) {
            if (r.skipped()) {
                continue;
            }
            files++;
            if (r.passed()) {
                passed++;
            }
            matched += r.matched();
            total += r.total();
        }
        return new SuiteTotals(passed, files, matched, total);
    }

    public double filePercent() {
        return files == 0 ? 0 : 100.0 * filesPassed / files;
    }

    public double statementPercent() {
        return statements == 0 ? 0 : 100.0 * statementsMatched / statements;
    }
}
