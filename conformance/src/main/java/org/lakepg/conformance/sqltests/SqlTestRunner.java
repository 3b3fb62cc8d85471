package org.lakepg.conformance.sqltests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * lakepg's own data-driven SQL tests: each {@code NAME.sql} in a directory has a {@code NAME.out}
 * recorded from real PostgreSQL 15 ({@link #record}); {@link #check} runs the files against a
 * server and compares psql's output with the recording, line by line, trailing blanks ignored.
 */
public final class SqlTestRunner {
    private final Path directory;
    private final Psql psql;

    public SqlTestRunner(Path directory, Psql psql) {
        this.directory = directory;
        this.psql = psql;
    }

    /** The test names (file names without .sql), sorted; only {@code selected} ones if any are given. */
    public List<String> names(List<String> selected) {
        if (!selected.isEmpty()) {
            return selected;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Runs each file and writes its output as the expected {@code NAME.out} beside it. */
    public List<Path> record(List<String> selected) throws IOException, InterruptedException {
        List<Path> written = new ArrayList<>();
        for (String name : names(selected)) {
            Path out = directory.resolve(name + ".out");
            psql.run(directory.resolve(name + ".sql"), out, "lakepg_sqltest/" + name);
            written.add(out);
        }
        return written;
    }

    /** Runs each file, writes its output to {@code resultsDir/NAME.out} and compares it with the recording. */
    public List<SqlTestOutcome> check(List<String> selected, Path resultsDir) throws IOException, InterruptedException {
        List<SqlTestOutcome> outcomes = new ArrayList<>();
        for (String name : names(selected)) {
            Path expected = directory.resolve(name + ".out");
            Path actual = resultsDir.resolve(name + ".out");
            if (!Files.exists(expected)) {
                outcomes.add(new SqlTestOutcome(name, false, "no recorded " + name + ".out (run --record-sql against PostgreSQL 15)"));
                continue;
            }
            psql.run(directory.resolve(name + ".sql"), actual, "lakepg_sqltest/" + name);
            outcomes.add(compare(name, Files.readString(expected, StandardCharsets.UTF_8),
                    Files.readString(actual, StandardCharsets.UTF_8)));
        }
        return outcomes;
    }

    /** Line-by-line comparison; the summary names the first line that differs. */
    public static SqlTestOutcome compare(String name, String expected, String actual) {
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        int n = Math.max(want.size(), got.size());
        for (int i = 0; i < n; i++) {
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (w == null || !w.equals(g)) {
                return new SqlTestOutcome(name, false, "line " + (i + 1) + ": expected "
                        + (w == null ? "end of output" : "`" + w + "`") + ", got " + (g == null ? "end of output" : "`" + g + "`"));
            }
        }
        return new SqlTestOutcome(name, true, "");
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
