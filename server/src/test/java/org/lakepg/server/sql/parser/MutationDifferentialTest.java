package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.UtilityStmt;
import org.lakepg.wire.error.PgException;

/**
 * Near-miss statements with PostgreSQL 15's verdict on each (parser/pg15-mutations.txt.gz, made by
 * tools.MutationFixtureGenerator against a real PostgreSQL 15.18): the parser must accept what
 * PostgreSQL accepts and reject what it rejects, ideally with the same message and position.
 * Disagreements are listed in target/parser-mutation-disagreements.txt.
 */
class MutationDifferentialTest {

    // ratchets, a little below what the parser reaches
    private static final double MIN_VERDICT_AGREEMENT = 0.999;
    private static final double MIN_SAME_ERROR = 0.99;

    private record Case(String sql, boolean pgAccepts, int position, String message) {
    }

    @Test
    void agreesWithPostgresOnNearMissStatements() throws IOException {
        List<Case> cases = load();
        int agree = 0;
        int sameError = 0;
        int pgErrors = 0;
        int lenientGeneric = 0;
        Path report = Path.of("target", "parser-mutation-disagreements.txt");
        Files.createDirectories(report.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
            for (Case c : cases) {
                PgException error = null;
                boolean generic = false;
                try {
                    for (RawStatement s : SqlParser.parse(c.sql())) {
                        generic |= s.statement() instanceof UtilityStmt;
                    }
                } catch (PgException e) {
                    error = e;
                }
                if (!c.pgAccepts()) {
                    pgErrors++;
                }
                if ((error == null) == c.pgAccepts()) {
                    agree++;
                    if (error != null) {
                        if (error.getMessage().equals(c.message()) && error.position() == c.position()) {
                            sameError++;
                        } else {
                            out.printf("DIFFERENT-ERROR pg=%s @%d ours=%s @%d%n%s%n%n", c.message(), c.position(),
                                    error.getMessage(), error.position(), c.sql());
                        }
                    }
                } else if (error == null && generic) {
                    // a rarely used command kept as generic text: its syntax is not checked
                    lenientGeneric++;
                    agree++;
                } else {
                    out.printf("%s pg=%s ours=%s%n%s%n%n", error == null ? "ACCEPTED" : "REJECTED",
                            c.pgAccepts() ? "ok" : c.message() + " @" + c.position(),
                            error == null ? "ok" : error.getMessage() + " @" + error.position(), c.sql());
                }
            }
        }
        double verdicts = (double) agree / cases.size();
        double errors = (double) sameError / pgErrors;
        System.out.printf("mutations: %d of %d verdicts agree with PostgreSQL (%.2f%%, %d generic statements not"
                + " checked); %d of %d syntax errors identical in message and position (%.2f%%)%n", agree,
                cases.size(), 100 * verdicts, lenientGeneric, sameError, pgErrors, 100 * errors);
        assertThat(verdicts).isGreaterThanOrEqualTo(MIN_VERDICT_AGREEMENT);
        assertThat(errors).isGreaterThanOrEqualTo(MIN_SAME_ERROR);
    }

    private static String unescape(String message) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\' && i + 1 < message.length()) {
                char n = message.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = MutationDifferentialTest.class.getResourceAsStream("/parser/pg15-mutations.txt.gz")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String header = null;
            StringBuilder body = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                if (header == null) {
                    if (line.startsWith("#@ ")) {
                        header = line.substring(3);
                        body.setLength(0);
                    }
                } else if (line.equals("#@@")) {
                    String sql = body.substring(0, Math.max(0, body.length() - 1));
                    if (header.equals("ok")) {
                        cases.add(new Case(sql, true, 0, null));
                    } else {
                        String[] parts = header.split("\t", 3);
                        cases.add(new Case(sql, false, Integer.parseInt(parts[1]), unescape(parts[2])));
                    }
                    header = null;
                } else {
                    body.append(line).append('\n');
                }
            }
        }
        return cases;
    }
}
