package org.lakepg.server.sql.parser.tools;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.parser.Lexer;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.parser.Token;
import org.lakepg.server.sql.parser.TokenKind;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Builds parser/pg15-mutations.txt.gz: near-miss statements (one token of a regression-suite
 * statement deleted, doubled, swapped or replaced) with what a real PostgreSQL 15 said about each:
 * "ok" (no syntax error) or its syntax error message and position. Each statement runs inside
 * BEGIN ... ROLLBACK with a short statement_timeout on a throwaway server, so nothing persists.
 * Not a test: run by hand against /work/shared/conformance/start-reference-postgres.
 * <pre>java -cp server/target/test-classes:server/target/classes:wire/target/classes:PGJDBC.jar \
 *   org.lakepg.server.sql.parser.tools.MutationFixtureGenerator CORPUS.gz SEED COUNT PORT OUT.gz DATABASE</pre>
 * Record format: "#@ ok" or "#@ error<TAB>POSITION<TAB>MESSAGE" (in MESSAGE a backslash is written \\, a newline
 * \n and a tab \t),
 * the statement, "#@@".
 */
public final class MutationFixtureGenerator {
    private static final String[] WORDS = {"select", "from", "where", "(", ")", ",", "as", "on", "join", "not", "null",
        "in", "set", "table", "with", "order", "by", "group", "and", "=", "*", "'x'", "1", "default", "using", "to",
        "is", "cast", "::", "[", "]"};

    private MutationFixtureGenerator() {
    }

    public static void main(String[] args) throws Exception {
        List<String> statements = readCorpus(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        int count = Integer.parseInt(args[2]);
        String url = "jdbc:postgresql://127.0.0.1:" + args[3] + "/" + args[5] + "?user=postgres&preferQueryMode=simple";
        int written = 0;
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             PrintWriter out = new PrintWriter(new OutputStreamWriter(new GZIPOutputStream(new FileOutputStream(args[4])),
                     StandardCharsets.UTF_8))) {
            while (written < count) {
                String sql = mutate(singleStatement(statements.get(random.nextInt(statements.size()))), random);
                if (sql == null || sql.contains("#@")) {
                    continue;
                }
                String verdict = "ok";
                try {
                    st.execute("BEGIN");
                    st.execute("SET LOCAL statement_timeout = '200ms'");
                    st.execute("SET LOCAL lock_timeout = '100ms'");
                    st.execute(sql);
                } catch (PSQLException e) {
                    ServerErrorMessage m = e.getServerErrorMessage();
                    if (m != null && m.getMessage().startsWith("syntax error at") && !m.getMessage().contains("jsonpath")) {
                        // the message quotes the offending token, which may span lines
                        verdict = "error\t" + m.getPosition() + "\t" + m.getMessage().replace("\\", "\\\\")
                                .replace("\n", "\\n").replace("\t", "\\t");
                    } else if ("42601".equals(e.getSQLState()) || m != null && m.getMessage().contains("jsonpath")) {
                        // other 42601 errors may come from the grammar or from later checks: not a clear verdict
                        verdict = null;
                    }
                } finally {
                    try {
                        st.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the connection stays usable; the next BEGIN starts clean
                    }
                }
                if (verdict != null) {
                    out.printf("#@ %s%n%s%n#@@%n", verdict, sql);
                    written++;
                }
            }
        }
    }

    private static String singleStatement(String text) {
        try {
            List<RawStatement> parsed = SqlParser.parse(text);
            if (parsed.size() != 1) {
                return null;
            }
            RawStatement r = parsed.get(0);
            return text.substring(r.location(), r.location() + r.length()).strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String mutate(String s, Random random) {
        if (s == null) {
            return null;
        }
        List<Token> tokens = new ArrayList<>(Lexer.tokenize(s, true));
        tokens.removeIf(t -> t.kind() == TokenKind.EOF);
        if (tokens.size() < 3) {
            return null;
        }
        int k = random.nextInt(tokens.size());
        Token x = tokens.get(k);
        String word = WORDS[random.nextInt(WORDS.length)];
        return switch (random.nextInt(5)) {
            case 0 -> s.substring(0, x.start()) + s.substring(x.end());
            case 1 -> s.substring(0, x.end()) + " " + s.substring(x.start(), x.end()) + s.substring(x.end());
            case 2 -> {
                if (k + 1 >= tokens.size()) {
                    yield null;
                }
                Token y = tokens.get(k + 1);
                yield s.substring(0, x.start()) + s.substring(y.start(), y.end()) + " " + s.substring(x.start(), x.end())
                        + s.substring(y.end());
            }
            case 3 -> s.substring(0, x.start()) + word + s.substring(x.end());
            default -> s.substring(0, x.start()) + word + " " + s.substring(x.start());
        };
    }

    private static List<String> readCorpus(String path) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(path)),
                StandardCharsets.UTF_8))) {
            StringBuilder body = null;
            String header = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (body == null) {
                    if (line.startsWith("#@ ")) {
                        body = new StringBuilder();
                        header = line;
                    }
                } else if (line.equals("#@@")) {
                    // statements PostgreSQL parsed, with standard strings, not using psql variables
                    boolean parsed = header.contains("\tok\t") || header.contains("\terror\t");
                    if (parsed && header.contains("\ton\t") && !body.toString().contains(":'")) {
                        out.add(body.toString());
                    }
                    body = null;
                } else {
                    body.append(line).append('\n');
                }
            }
        }
        return out;
    }
}
