package org.lakepg.conformance.ratchet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.conformance.ModulePaths;
import org.lakepg.conformance.results.ResultsTsv;
import org.lakepg.conformance.results.TestResult;

class RatchetTest {
    private static final List<TestResult> BASELINE = ResultsTsv.parse("""
            # baseline
            test_setup\tFAILED\t74\t77\t3
            boolean\tok\t93\t93\t0
            int4\tFAILED\t40\t64\t30
            int8\tFAILED\t55\t137\t789
            uuid\tok\t36\t36\t0
            """);

    @Test
    void sameOrBetterPasses() {
        Ratchet.Verdict v = Ratchet.compare(BASELINE, ResultsTsv.parse("""
                test_setup\tFAILED\t74\t77\t3
                boolean\tok\t93\t93\t0
                int4\tok\t64\t64\t0
                int8\tFAILED\t60\t137\t700
                """));
        assertThat(v.passed()).isTrue();
        assertThat(v.regressions()).isEmpty();
        assertThat(v.improvements()).containsExactly("int4: passes now (baseline: FAILED)",
                "int8: 60/137 statements matched, the baseline has 55");
    }

    @Test
    void aFileThatPassedAndFailsNowIsARegression() {
        Ratchet.Verdict v = Ratchet.compare(BASELINE, ResultsTsv.parse("boolean\tFAILED\t93\t93\t2\n"));
        assertThat(v.passed()).isFalse();
        assertThat(v.regressions()).containsExactly("boolean: passed in the baseline, now FAILED (93/93 statements)");
    }

    @Test
    void fewerMatchedStatementsIsARegressionEvenWhenTheFileFailedBefore() {
        Ratchet.Verdict v = Ratchet.compare(BASELINE, ResultsTsv.parse("int8\tTIMEOUT\t54\t137\t900\n"));
        assertThat(v.regressions()).containsExactly("int8: 54/137 statements matched, the baseline has 55/137");
    }

    @Test
    void skippedAndUnknownFilesDoNotFailTheRatchet() {
        Ratchet.Verdict v = Ratchet.compare(BASELINE, ResultsTsv.parse("""
                uuid\tskipped\t0\t0\t0
                brand_new\tFAILED\t0\t10\t10
                """));
        assertThat(v.passed()).isTrue();
        assertThat(v.notInBaseline()).containsExactly("brand_new");
    }

    @Test
    void realPostgresIsNoRegressionAgainstTheCheckedInBaseline() {
        List<TestResult> baseline = ResultsTsv.read(ModulePaths.module().resolve("baseline.tsv"));
        Ratchet.Verdict v = Ratchet.compare(baseline, ResultsTsv.read(ModulePaths.reference()));
        assertThat(v.passed()).as("real PostgreSQL 15 is the ceiling: %s", v.regressions()).isTrue();
    }
}
