package org.lakepg.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.conformance.ModulePaths;
import org.lakepg.conformance.causes.CauseTable;
import org.lakepg.conformance.causes.FailureCause;
import org.lakepg.conformance.causes.FailureCause.Kind;
import org.lakepg.conformance.results.ResultsTsv;
import org.lakepg.conformance.results.TestResult;
import org.lakepg.conformance.sqltests.SqlTestOutcome;

class MarkdownReportTest {
    private static final List<TestResult> REFERENCE = ResultsTsv.read(ModulePaths.reference());

    private static Map<String, TestResult> byTest() {
        Map<String, TestResult> m = new LinkedHashMap<>();
        REFERENCE.forEach(r -> m.put(r.test(), r));
        return m;
    }

    @Test
    void reportsTotalsCausesAndTheFilesThatNeedCExtensionsApart() {
        CauseTable causes = new CauseTable();
        causes.add(FailureCause.of(Kind.ERROR, "relation \"X\" does not exist"), "int8", 82, "int8.sql:5: SELECT * FROM INT8_TBL;");
        causes.add(FailureCause.of(Kind.RESULT_DIFFERS), "triggers", 3, "triggers.sql:149: select * from trigtest;");
        String md = MarkdownReport.render(new MarkdownReport.Input("title", "a run", null, REFERENCE, byTest(), causes,
                List.of(new SqlTestOutcome("settings", false, "line 3: expected `a`, got `b`"),
                        new SqlTestOutcome("copy_psql", true, ""))));
        assertThat(md).contains("| files passed | 199 of 217 (91.7%) | 199 of 217 (91.7%) |")
                .contains("| statements matched | 42,553 of 42,795 (99.4%) | 42,553 of 42,795 (99.4%) |")
                .contains("| 82 | ERROR: relation \"X\" does not exist |  | 1 |  | int8.sql:5: SELECT * FROM INT8_TBL; |")
                .contains("| 3 | result differs |")
                .contains("1 of 2 (50.0%) files pass");
        String needsC = md.substring(md.indexOf("## Needs C extensions"), md.indexOf("## lakepg SQL tests"));
        String files = md.substring(md.indexOf("## Files"), md.indexOf("## Needs C extensions"));
        assertThat(needsC).contains("| triggers |", "| test_setup |", "| opr_sanity |").doesNotContain("| boolean |");
        assertThat(files).contains("| boolean | ok | 93 / 93 | ok 93 / 93 | 0 |  |").doesNotContain("| triggers |");
        assertThat(files).contains("| int8 | ok | 137 / 137 | ok 137 / 137 | 0 | ERROR: relation \"X\" does not exist (82) |");
        assertThat(md.indexOf("## Top failure causes")).isLessThan(md.indexOf("## Files"));
    }

    @Test
    void aServerThatDidNotStartIsSaidFirst() {
        List<TestResult> failed = REFERENCE.stream().map(r -> new TestResult(r.test(), "FAILED", 0, r.total(), 0)).toList();
        String md = MarkdownReport.render(new MarkdownReport.Input("t", "run", "The server did not start (exit 2)",
                failed, byTest(), new CauseTable(), List.of()));
        assertThat(md).contains("**The server did not start (exit 2)**: every file failed without running.")
                .contains("| files passed | 0 of 217 (0.0%) |");
    }

    @Test
    void causesBeyondTheTopAreSummed() {
        CauseTable causes = new CauseTable();
        for (int i = 0; i < MarkdownReport.TOP_CAUSES + 3; i++) {
            causes.add(FailureCause.of(Kind.ERROR, "cause " + i), "t", 100 - i, "e");
        }
        String md = MarkdownReport.render(new MarkdownReport.Input("t", "run", null, List.of(), Map.of(), causes, List.of()));
        assertThat(md).contains("| 177 | 3 other causes |");
    }
}
