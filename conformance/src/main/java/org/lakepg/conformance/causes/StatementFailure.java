package org.lakepg.conformance.causes;

import java.util.List;

/**
 * A statement of a regression test whose output did not match: where it is, the lines psql
 * printed for it ({@code got}; null when the statement never ran) and the lines expected.
 */
public record StatementFailure(String test, int line, String sql, List<String> got, List<String> want) {
    public StatementFailure {
        got = got == null ? null : List.copyOf(got);
        want = List.copyOf(want);
    }

    public boolean reached() {
        return got != null;
    }

    public String where() {
        return test + ".sql:" + line;
    }
}
