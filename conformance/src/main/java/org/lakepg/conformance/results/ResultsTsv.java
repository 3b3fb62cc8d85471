package org.lakepg.conformance.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes results.tsv files (run-pg-regress's output, reference-pg15.tsv and
 * baseline.tsv share the format). Lines starting with '#' are comments, so a baseline can say
 * where it came from; results.tsv itself has none.
 */
public final class ResultsTsv {
    private ResultsTsv() {}

    public static List<TestResult> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<TestResult> parse(String text) {
        List<TestResult> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("line " + lineNo + ": expected test, status, matched, total: " + line);
            }
            int diff = f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].trim()) : 0;
            rows.add(new TestResult(f[0], f[1], Integer.parseInt(f[2].trim()), Integer.parseInt(f[3].trim()), diff));
        }
        return rows;
    }

    public static String format(List<String> comments, List<TestResult> rows) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c).append('\n');
        }
        for (TestResult r : rows) {
            sb.append(r.test()).append('\t').append(r.status()).append('\t').append(r.matched()).append('\t')
                    .append(r.total()).append('\t').append(r.diffLines()).append('\n');
        }
        return sb.toString();
    }

    public static void write(Path file, List<String> comments, List<TestResult> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, format(comments, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
