package org.lakepg.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lakepg.conformance.causes.CauseTable;
import org.lakepg.conformance.results.SuiteTotals;
import org.lakepg.conformance.results.TestResult;
import org.lakepg.conformance.sqltests.SqlTestOutcome;

/**
 * Writes target/conformance/report.md: totals beside real PostgreSQL's, the top failure causes,
 * the files that need the suite's C library, every file's result and lakepg's own SQL tests.
 */
public final class MarkdownReport {
    /** How many causes the report lists; the rest are summed into one line. */
    static final int TOP_CAUSES = 40;

    /** What the report is made of. */
    public record Input(String title, String runDescription, String serverProblem, List<TestResult> results,
                        Map<String, TestResult> reference, CauseTable causes, List<SqlTestOutcome> sqlTests) {}

    private MarkdownReport() {}

    public static String render(Input in) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(in.title()).append("\n\n");
        sb.append(in.runDescription()).append("\n\n");
        if (in.serverProblem() != null) {
            sb.append("**").append(in.serverProblem()).append("**: every file failed without running.\n\n");
        }
        totals(sb, in);
        causes(sb, in.causes());
        List<TestResult> needsC = new ArrayList<>();
        List<TestResult> others = new ArrayList<>();
        for (TestResult r : in.results()) {
            TestResult ref = in.reference().get(r.test());
            (ref != null && !ref.passed() ? needsC : others).add(r);
        }
        files(sb, in.causes(), "Files", "Every file of the run in schedule order (files needing C extensions are listed below). "
                        + "A failed file's diff is `pg-regress/diffs/TEST.diff` beside this report; "
                        + "`pg-regress/statement-failures.txt` has each unmatched statement with its output.",
                others, in.reference());
        files(sb, in.causes(), "Needs C extensions (regress.so)",
                "These files fail on real PostgreSQL 15 too: they load the suite's C library `regress.so` (or use "
                        + "objects test_setup makes with it), which no package ships. They stay in the totals; their "
                        + "other statements still count.", needsC, in.reference());
        sqlTests(sb, in.sqlTests());
        return sb.toString();
    }

    private static void totals(StringBuilder sb, Input in) {
        SuiteTotals run = SuiteTotals.of(in.results());
        List<TestResult> refRows = new ArrayList<>();
        for (TestResult r : in.results()) {
            TestResult ref = in.reference().get(r.test());
            if (ref != null && !r.skipped()) {
                refRows.add(ref);
            }
        }
        SuiteTotals ref = SuiteTotals.of(refRows);
        sb.append("## Totals\n\n");
        sb.append("| | this run | real PostgreSQL 15.18, same files |\n|---|---|---|\n");
        sb.append("| files passed | ").append(fraction(run.filesPassed(), run.files())).append(" | ")
                .append(fraction(ref.filesPassed(), ref.files())).append(" |\n");
        sb.append("| statements matched | ").append(fraction(run.statementsMatched(), run.statements())).append(" | ")
                .append(fraction(ref.statementsMatched(), ref.statements())).append(" |\n\n");
        sb.append("Long-run goal: at least 60% of files and 90% of statements. Real PostgreSQL without "
                + "`regress.so` is the ceiling.\n\n");
    }

    private static void causes(StringBuilder sb, CauseTable table) {
        List<CauseTable.Row> rows = table.ranked();
        sb.append("## Top failure causes\n\n");
        if (rows.isEmpty()) {
            sb.append("No statement failed.\n\n");
            return;
        }
        sb.append("Each statement that did not match counts once, under the first error the server printed that "
                + "PostgreSQL did not (names in quotes become \"X\", calls X(...), numbers N), else what differs. "
                + String.format(Locale.ROOT, "%,d", table.totalStatements()) + " statements in all.\n\n");
        sb.append("| statements | cause | SQLSTATE | files | most frequent as printed | example |\n|---:|---|---|---:|---|---|\n");
        int shown = 0, restStatements = 0, restCauses = 0;
        for (CauseTable.Row r : rows) {
            if (shown < TOP_CAUSES) {
                sb.append("| ").append(String.format(Locale.ROOT, "%,d", r.statements())).append(" | ")
                        .append(cell(r.cause().describe())).append(" | ")
                        .append(r.cause().sqlState() == null ? "" : r.cause().sqlState()).append(" | ")
                        .append(r.tests().size()).append(" | ")
                        .append(cell(shorten(String.join("; ", r.frequent()), 160))).append(" | ")
                        .append(cell(shorten(r.example(), 90))).append(" |\n");
                shown++;
            } else {
                restStatements += r.statements();
                restCauses++;
            }
        }
        if (restCauses > 0) {
            sb.append("| ").append(String.format(Locale.ROOT, "%,d", restStatements)).append(" | ")
                    .append(restCauses).append(" other causes | | | | |\n");
        }
        sb.append('\n');
    }

    private static void files(StringBuilder sb, CauseTable causes, String heading, String intro, List<TestResult> rows,
                              Map<String, TestResult> reference) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("## ").append(heading).append("\n\n").append(intro).append("\n\n");
        sb.append("| test | status | statements matched | real PostgreSQL 15 | diff lines | main cause |\n"
                + "|---|---|---:|---:|---:|---|\n");
        for (TestResult r : rows) {
            TestResult ref = reference.get(r.test());
            sb.append("| ").append(r.test()).append(" | ").append(r.passed() ? "ok" : "**" + r.status() + "**")
                    .append(" | ").append(r.matched()).append(" / ").append(r.total()).append(" | ")
                    .append(ref == null ? "" : ref.status() + " " + ref.matched() + " / " + ref.total())
                    .append(" | ").append(r.diffLines()).append(" | ")
                    .append(causes.mainCauseOf(r.test()).map(e -> cell(shorten(e.getKey().describe(), 80))
                            + " (" + e.getValue() + ")").orElse("")).append(" |\n");
        }
        sb.append('\n');
    }

    private static void sqlTests(StringBuilder sb, List<SqlTestOutcome> outcomes) {
        if (outcomes == null || outcomes.isEmpty()) {
            return;
        }
        long passed = outcomes.stream().filter(SqlTestOutcome::passed).count();
        sb.append("## lakepg SQL tests\n\n");
        sb.append("`conformance/src/test/resources/sql/`: output recorded from real PostgreSQL 15. ")
                .append(fraction(passed, outcomes.size())).append(" files pass.\n\n");
        sb.append("| file | result |\n|---|---|\n");
        for (SqlTestOutcome o : outcomes) {
            sb.append("| ").append(o.name()).append(" | ").append(o.passed() ? "ok" : "**FAILED** " + cell(o.summary()))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    /** "1,234 of 5,678 (21.7%)". */
    public static String fraction(long part, long whole) {
        double pct = whole == 0 ? 0 : 100.0 * part / whole;
        return String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", part, whole, pct);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
