package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.UtilityStmt;
import org.lakepg.wire.error.PgException;

/**
 * Parses every statement of PostgreSQL 15's regression suite and compares with what PostgreSQL
 * did: statements it parsed must parse, statements it rejected with a syntax error must fail with
 * the same message. Prints the figures per statement kind and keeps a floor so they cannot regress.
 * Failures are listed in target/parser-regress-failures.txt.
 */
class RegressionSuiteParseTest {

    // ratchet: a little below what the parser reaches; raise it when coverage improves
    private static final double MIN_PARSED_SHARE = 0.998;
    private static final double MIN_SYNTAX_ERROR_AGREEMENT = 0.95;

    @Test
    void parsesWhatPostgresParsesAndRejectsWhatItRejects() throws IOException {
        RegressionCorpus corpus = RegressionCorpus.load();
        int shouldParse = 0;
        int parsed = 0;
        int generic = 0;
        int psqlVariables = 0;
        int shouldFail = 0;
        int failedAlike = 0;
        int failedOtherwise = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        Path report = Path.of("target", "parser-regress-failures.txt");
        Files.createDirectories(report.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            for (RegressionCorpus.Entry e : corpus.entries()) {
                String error = null;
                boolean isGeneric = false;
                try {
                    // psql sends "\;" as a semicolon that does not end its buffer
                    String text = e.sql().replace("\\;", ";");
                    for (RawStatement s : SqlParser.parse(text, e.standardConformingStrings())) {
                        isGeneric |= s.statement() instanceof UtilityStmt;
                    }
                } catch (PgException ex) {
                    error = ex.getMessage();
                } catch (RuntimeException ex) {
                    error = "INTERNAL " + ex;
                }
                if (e.status().equals("syntax")) {
                    shouldFail++;
                    if (error != null && error.equals(e.message())) {
                        failedAlike++;
                    } else if (error != null) {
                        failedOtherwise++;
                        out.printf("SYNTAX-MISMATCH %s: pg=%s ours=%s%n%s%n%n", e.where(), e.message(), error, e.sql());
                    } else {
                        out.printf("SHOULD-FAIL %s: pg=%s%n%s%n%n", e.where(), e.message(), e.sql());
                    }
                    continue;
                }
                int[] k = byKind.computeIfAbsent(e.kind(), x -> new int[2]);
                k[0]++;
                shouldParse++;
                if (error == null) {
                    parsed++;
                    k[1]++;
                    if (isGeneric) {
                        generic++;
                    }
                } else if (e.usesPsqlVariable()) {
                    psqlVariables++;
                } else {
                    out.printf("FAILED %s [%s]: %s%n%s%n%n", e.where(), e.status(), error, e.sql());
                }
            }
        }
        int denominator = shouldParse - psqlVariables;
        double share = (double) parsed / denominator;
        System.out.printf("regression suite: parsed %d of %d statements PostgreSQL parses (%.2f%%; %d more use psql"
                + " variables; %d kept as generic utility statements)%n", parsed, denominator, 100 * share,
                psqlVariables, generic);
        System.out.printf("syntax errors: %d of %d rejected with PostgreSQL's message, %d rejected differently, %d"
                + " accepted%n", failedAlike, shouldFail, failedOtherwise, shouldFail - failedAlike - failedOtherwise);
        byKind.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0]).limit(40).forEach(en ->
                System.out.printf("  %-28s %6d / %6d%n", en.getKey(), en.getValue()[1], en.getValue()[0]));
        assertThat(share).isGreaterThanOrEqualTo(MIN_PARSED_SHARE);
        assertThat((double) failedAlike / shouldFail).isGreaterThanOrEqualTo(MIN_SYNTAX_ERROR_AGREEMENT);
    }
}
