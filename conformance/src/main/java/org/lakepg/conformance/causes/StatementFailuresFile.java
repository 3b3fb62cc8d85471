package org.lakepg.conformance.causes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the output of conformance/statement-failures.py: records "S test line sql" followed by
 * "G text" (printed) and "W text" (expected) lines, "X not-reached" for a statement that never
 * ran, and "N test reason" for a test with no result file at all.
 */
public final class StatementFailuresFile {

    /** The statements that did not match, and the tests that left no output (test to reason). */
    public record Contents(List<StatementFailure> failures, Map<String, String> testsWithoutOutput) {}

    private StatementFailuresFile() {}

    public static Contents read(Path file) {
        if (!Files.exists(file)) {
            return new Contents(List.of(), Map.of());
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Contents parse(String text) {
        List<StatementFailure> failures = new ArrayList<>();
        Map<String, String> without = new LinkedHashMap<>();
        Builder current = null;
        for (String line : text.split("\n")) {
            if (line.length() < 2 || line.charAt(1) != '\t') {
                continue;
            }
            String rest = line.substring(2);
            switch (line.charAt(0)) {
                case 'S' -> {
                    if (current != null) {
                        failures.add(current.build());
                    }
                    String[] f = rest.split("\t", 3);
                    current = new Builder(f[0], Integer.parseInt(f[1]), f.length > 2 ? f[2] : "");
                }
                case 'G' -> { if (current != null) current.got.add(rest); }
                case 'W' -> { if (current != null) current.want.add(rest); }
                case 'X' -> { if (current != null) current.reached = false; }
                case 'N' -> {
                    String[] f = rest.split("\t", 2);
                    without.put(f[0], f.length > 1 ? f[1] : "");
                }
                default -> { }
            }
        }
        if (current != null) {
            failures.add(current.build());
        }
        return new Contents(failures, without);
    }

    private static final class Builder {
        final String test;
        final int line;
        final String sql;
        final List<String> got = new ArrayList<>();
        final List<String> want = new ArrayList<>();
        boolean reached = true;

        Builder(String test, int line, String sql) {
            this.test = test;
            this.line = line;
            this.sql = sql;
        }

        StatementFailure build() {
            return new StatementFailure(test, line, sql, reached ? got : null, want);
        }
    }
}
