package org.lakepg.conformance.ratchet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.conformance.results.TestResult;

/**
 * The CI guard: compares a run with the checked-in baseline, file by file, over the files the
 * run covered. A file that passed in the baseline and fails now, or that matches fewer
 * statements than the baseline says, is a regression. Gains are reported so that the baseline
 * can be raised (--update-baseline after a full run).
 */
public final class Ratchet {

    /** What a comparison found. */
    public record Verdict(List<String> regressions, List<String> improvements, List<String> notInBaseline) {
        public boolean passed() {
            return regressions.isEmpty();
        }
    }

    private Ratchet() {}

    public static Verdict compare(List<TestResult> baseline, List<TestResult> current) {
        Map<String, TestResult> base = new LinkedHashMap<>();
        baseline.forEach(r -> base.put(r.test(), r));
        List<String> regressions = new ArrayList<>();
        List<String> improvements = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (TestResult now : current) {
            if (now.skipped()) {
                continue;
            }
            TestResult before = base.get(now.test());
            if (before == null || before.skipped()) {
                unknown.add(now.test());
                continue;
            }
            if (before.passed() && !now.passed()) {
                regressions.add(now.test() + ": passed in the baseline, now " + now.status() + " ("
                        + now.matched() + "/" + now.total() + " statements)");
            } else if (now.matched() < before.matched()) {
                regressions.add(now.test() + ": " + now.matched() + "/" + now.total()
                        + " statements matched, the baseline has " + before.matched() + "/" + before.total());
            } else if (now.passed() && !before.passed()) {
                improvements.add(now.test() + ": passes now (baseline: " + before.status() + ")");
            } else if (now.matched() > before.matched()) {
                improvements.add(now.test() + ": " + now.matched() + "/" + now.total()
                        + " statements matched, the baseline has " + before.matched());
            }
        }
        return new Verdict(List.copyOf(regressions), List.copyOf(improvements), List.copyOf(unknown));
    }
}
