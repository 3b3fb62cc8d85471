package org.lakepg.conformance.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lakepg.conformance.causes.CauseTable;
import org.lakepg.conformance.causes.StatementFailuresFile;
import org.lakepg.conformance.ratchet.Ratchet;
import org.lakepg.conformance.readme.ReadmeBlock;
import org.lakepg.conformance.report.MarkdownReport;
import org.lakepg.conformance.report.SuiteAnalysis;
import org.lakepg.conformance.results.ResultsTsv;
import org.lakepg.conformance.results.SuiteTotals;
import org.lakepg.conformance.results.TestResult;
import org.lakepg.conformance.sqltests.Psql;
import org.lakepg.conformance.sqltests.SqlTestOutcome;
import org.lakepg.conformance.sqltests.SqlTestRunner;

/**
 * The Java half of {@code ./lakepg conformance} (scripts/conformance does the process glue):
 * {@code report}, {@code ratchet}, {@code update-baseline}, {@code readme} and {@code sql}.
 * Exit status 0 ok, 1 failures/regressions, 2 usage or I/O errors.
 */
public final class ConformanceTool {
    private static final Set<String> FLAGS = Set.of("record");

    private ConformanceTool() {}

    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println("usage: ConformanceTool report|ratchet|update-baseline|readme|sql [options]");
            System.exit(2);
        }
        String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        try {
            Args a = new Args(rest, FLAGS);
            int rc = switch (argv[0]) {
                case "report" -> report(a);
                case "ratchet" -> ratchet(a);
                case "update-baseline" -> updateBaseline(a);
                case "readme" -> readme(a);
                case "sql" -> sql(a);
                default -> throw new IllegalArgumentException("unknown subcommand " + argv[0]);
            };
            System.exit(rc);
        } catch (IllegalArgumentException | IOException | java.io.UncheckedIOException e) {
            System.err.println("conformance: " + e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(2);
        }
    }

    /** report --run OUTDIR --reference TSV --out DIR [--server-down WHY --server-detail TEXT] [--description TEXT] [--sql-results TSV] */
    private static int report(Args a) throws IOException {
        Path run = a.path("run");
        Path out = a.path("out");
        List<TestResult> results = ResultsTsv.read(run.resolve("results.tsv"));
        Map<String, TestResult> reference = byTest(ResultsTsv.read(a.path("reference")));
        String serverDown = a.optional("server-down", null);
        StatementFailuresFile.Contents failures = StatementFailuresFile.read(run.resolve("statement-failures.txt"));
        CauseTable causes = SuiteAnalysis.causes(results, failures, serverDown, run.resolve("work"));
        List<SqlTestOutcome> sql = a.optional("sql-results", null) == null ? List.of()
                : readSqlOutcomes(a.path("sql-results"));
        String problem = serverDown == null ? null
                : "The " + serverDown + " (" + a.optional("server-detail", "no detail") + ")";
        String md = MarkdownReport.render(new MarkdownReport.Input("lakepg conformance: PostgreSQL 15 regression suite",
                a.optional("description", "Run of `conformance/pg15-regress`."), problem, results, reference, causes, sql));
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), md, StandardCharsets.UTF_8);
        ResultsTsv.write(out.resolve("results.tsv"), List.of(), results);
        SuiteTotals t = SuiteTotals.of(results);
        System.out.println("conformance: files passed " + MarkdownReport.fraction(t.filesPassed(), t.files())
                + "; statements matched " + MarkdownReport.fraction(t.statementsMatched(), t.statements()));
        int shown = 0;
        for (CauseTable.Row r : causes.ranked()) {
            if (shown++ == 5) {
                break;
            }
            System.out.println("  " + r.statements() + " statements: " + r.cause().describe());
        }
        System.out.println("conformance: report in " + out.resolve("report.md"));
        return 0;
    }

    /** ratchet --baseline TSV --results TSV: exit 1 when a file regressed. */
    private static int ratchet(Args a) {
        Ratchet.Verdict v = Ratchet.compare(ResultsTsv.read(a.path("baseline")), ResultsTsv.read(a.path("results")));
        v.regressions().forEach(s -> System.out.println("REGRESSION " + s));
        // a full run after a big step forward improves hundreds of files: name a few
        v.improvements().stream().limit(10).forEach(s -> System.out.println("improved   " + s));
        if (v.improvements().size() > 10) {
            System.out.println("improved   ... and " + (v.improvements().size() - 10) + " more files");
        }
        if (!v.notInBaseline().isEmpty()) {
            System.out.println("not in the baseline: " + String.join(" ", v.notInBaseline()));
        }
        if (!v.improvements().isEmpty()) {
            System.out.println("ratchet: gains found; raise the baseline with ./lakepg conformance --update-baseline (a full run)");
        }
        System.out.println(v.passed() ? "ratchet: ok, no file below the baseline"
                : "ratchet: " + v.regressions().size() + " file(s) below the baseline");
        return v.passed() ? 0 : 1;
    }

    /** update-baseline --results TSV --baseline TSV [--note TEXT] */
    private static int updateBaseline(Args a) {
        List<TestResult> results = ResultsTsv.read(a.path("results"));
        SuiteTotals t = SuiteTotals.of(results);
        List<String> comments = new ArrayList<>();
        comments.add("lakepg conformance baseline: written by ./lakepg conformance --update-baseline; do not edit by hand");
        comments.add(a.optional("note", "full run"));
        comments.add("files passed " + t.filesPassed() + "/" + t.files() + ", statements matched "
                + t.statementsMatched() + "/" + t.statements());
        comments.add("test, status, statements matched, statements total, diff lines");
        ResultsTsv.write(a.path("baseline"), comments, results);
        System.out.println("conformance: baseline " + a.path("baseline") + " rewritten (" + t.filesPassed() + " files pass)");
        return 0;
    }

    /** readme --readme FILE --results TSV --reference TSV [--note TEXT] */
    private static int readme(Args a) throws IOException {
        SuiteTotals t = SuiteTotals.of(ResultsTsv.read(a.path("results")));
        SuiteTotals ref = SuiteTotals.of(ResultsTsv.read(a.path("reference")));
        String body = "**Conformance** (PostgreSQL 15 regression suite, `./lakepg conformance`"
                + (a.optional("note", null) == null ? "" : ", " + a.optional("note", null)) + "): "
                + MarkdownReport.fraction(t.filesPassed(), t.files()) + " files pass, "
                + MarkdownReport.fraction(t.statementsMatched(), t.statements()) + " statements match. "
                + "Real PostgreSQL 15 without the suite's C library: " + ref.filesPassed() + " files, "
                + String.format(java.util.Locale.ROOT, "%,d", ref.statementsMatched()) + " statements.";
        Path file = a.path("readme");
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, ReadmeBlock.rewrite(text, body), StandardCharsets.UTF_8);
        System.out.println("conformance: " + file + " pass-rate block rewritten");
        return 0;
    }

    /** sql --host H --port P [--user U] [--database D] --dir DIR --out DIR [--record] [NAME ...] */
    private static int sql(Args a) throws IOException, InterruptedException {
        Psql psql = new Psql(Psql.find(), a.optional("host", "127.0.0.1"), Integer.parseInt(a.required("port")),
                a.optional("user", "postgres"), a.optional("database", "postgres"),
                Long.parseLong(a.optional("timeout", "60")));
        SqlTestRunner runner = new SqlTestRunner(a.path("dir"), psql);
        if (a.flag("record")) {
            for (Path p : runner.record(a.positional())) {
                System.out.println("recorded " + p);
            }
            return 0;
        }
        Path out = a.path("out");
        List<SqlTestOutcome> outcomes = runner.check(a.positional(), out.resolve("sql"));
        StringBuilder tsv = new StringBuilder();
        int failed = 0;
        for (SqlTestOutcome o : outcomes) {
            System.out.println("sql/" + o.name() + ": " + (o.passed() ? "ok" : "FAILED " + o.summary()));
            tsv.append(o.name()).append('\t').append(o.passed() ? "ok" : "FAILED").append('\t')
                    .append(o.summary().replace('\t', ' ').replace('\n', ' ')).append('\n');
            failed += o.passed() ? 0 : 1;
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("sql-results.tsv"), tsv.toString(), StandardCharsets.UTF_8);
        System.out.println("sql tests: " + (outcomes.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static List<SqlTestOutcome> readSqlOutcomes(Path tsv) throws IOException {
        List<SqlTestOutcome> list = new ArrayList<>();
        if (!Files.exists(tsv)) {
            return list;
        }
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            if (f.length >= 2) {
                list.add(new SqlTestOutcome(f[0], f[1].equals("ok"), f.length > 2 ? f[2] : ""));
            }
        }
        return list;
    }

    private static Map<String, TestResult> byTest(List<TestResult> rows) {
        Map<String, TestResult> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.test(), r));
        return m;
    }
}
