package org.lakepg.server.sql.parser.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.wire.error.PgException;

/**
 * Parser throughput and latency, printed (never asserted): statements per second over the whole
 * regression-suite corpus, and the median time per statement for pgbench's statements and for
 * psql's longest \d query. Run after {@code mvn -pl server -am test-compile}:
 * <pre>java -cp server/target/test-classes:server/target/classes:wire/target/classes \
 *     org.lakepg.server.sql.parser.bench.ParserBenchmark</pre>
 */
public final class ParserBenchmark {
    private static volatile Object sink;

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> corpus = corpus();
        List<String> pgbench = splitFixture("pgbench-statements.sql");
        List<String> psql = splitFixture("psql-meta-queries.sql");
        String longestPsql = psql.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
        List<String> tpcb = pgbench.stream().filter(s -> s.startsWith("UPDATE") || s.startsWith("SELECT abalance")
                || s.startsWith("INSERT INTO pgbench_history") || s.equals("BEGIN") || s.equals("END")).toList();

        for (int i = 0; i < 5; i++) {
            corpusPass(corpus);
        }
        int passes = 5;
        long t0 = System.nanoTime();
        int n = 0;
        for (int i = 0; i < passes; i++) {
            n += corpusPass(corpus);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("regression corpus: %d statements x %d passes in %.2f s = %.0f statements/s%n",
                corpus.size(), passes, seconds, n / seconds);
        System.out.printf("pgbench tpcb-like statements (%d): median %.2f us per statement%n", tpcb.size(),
                medianMicros(tpcb, 20_000));
        System.out.printf("psql's longest \\d query (%d chars): median %.2f us%n", longestPsql.length(),
                medianMicros(List.of(longestPsql), 5_000));
    }

    private static int corpusPass(List<String> corpus) {
        int ok = 0;
        for (String sql : corpus) {
            try {
                sink = SqlParser.parse(sql);
                ok++;
            } catch (PgException e) {
                sink = e;
                ok++;
            }
        }
        return ok;
    }

    /** Median over batches of the time to parse every statement once, divided by the statement count. */
    private static double medianMicros(List<String> statements, int batches) {
        for (int i = 0; i < batches; i++) {
            for (String s : statements) {
                sink = SqlParser.parse(s);
            }
        }
        double[] perStatement = new double[batches];
        for (int i = 0; i < batches; i++) {
            long t = System.nanoTime();
            for (String s : statements) {
                sink = SqlParser.parse(s);
            }
            perStatement[i] = (System.nanoTime() - t) / 1e3 / statements.size();
        }
        Arrays.sort(perStatement);
        return perStatement[batches / 2];
    }

    private static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = ParserBenchmark.class.getResourceAsStream("/parser/regress-corpus.txt.gz")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            StringBuilder body = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (body == null) {
                    if (line.startsWith("#@ ")) {
                        body = new StringBuilder();
                    }
                } else if (line.equals("#@@")) {
                    out.add(body.toString().replace("\\;", ";"));
                    body = null;
                } else {
                    body.append(line).append('\n');
                }
            }
        }
        return out;
    }

    private static List<String> splitFixture(String name) throws IOException {
        try (InputStream in = ParserBenchmark.class.getResourceAsStream("/parser/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (var raw : SqlParser.parse(text)) {
                String s = text.substring(raw.location(), raw.location() + raw.length()).strip();
                while (s.startsWith("--")) {
                    s = s.substring(s.indexOf('\n') + 1).strip();
                }
                out.add(s);
            }
            return out;
        }
    }
}
