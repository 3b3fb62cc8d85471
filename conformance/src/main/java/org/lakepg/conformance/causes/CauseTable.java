package org.lakepg.conformance.causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Statement counts per failure cause, with the tests they occur in and a first example. */
public final class CauseTable {

    /** One row of the table. */
    public record Row(FailureCause cause, int statements, Set<String> tests, String example) {}

    private static final class Tally {
        int statements;
        final Set<String> tests = new LinkedHashSet<>();
        String example;
    }

    private final Map<FailureCause, Tally> tallies = new LinkedHashMap<>();

    public void add(FailureCause cause, String test, int statements, String example) {
        if (statements <= 0) {
            return;
        }
        Tally t = tallies.computeIfAbsent(cause, c -> new Tally());
        t.statements += statements;
        t.tests.add(test);
        if (t.example == null) {
            t.example = example;
        }
    }

    public void add(FailureCause cause, StatementFailure failure) {
        add(cause, failure.test(), 1, failure.where() + ": " + failure.sql().strip());
    }

    public int totalStatements() {
        return tallies.values().stream().mapToInt(t -> t.statements).sum();
    }

    /** Rows by statement count, largest first (ties: by description, so the report is stable). */
    public List<Row> ranked() {
        List<Row> rows = new ArrayList<>();
        tallies.forEach((c, t) -> rows.add(new Row(c, t.statements, Set.copyOf(t.tests), t.example)));
        rows.sort(Comparator.comparingInt(Row::statements).reversed()
                .thenComparing(r -> r.cause().describe()));
        return rows;
    }
}
