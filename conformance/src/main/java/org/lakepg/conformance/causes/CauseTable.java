package org.lakepg.conformance.causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Statement counts per failure cause, with the tests they occur in and a first example. */
public final class CauseTable {

    /**
     * One row of the table; {@code frequent} lists the most frequent messages as printed
     * (before normalizing) with their counts, when they vary.
     */
    public record Row(FailureCause cause, int statements, Set<String> tests, String example, List<String> frequent) {}

    private static final int FREQUENT = 3;

    private static final class Tally {
        int statements;
        final Set<String> tests = new LinkedHashSet<>();
        final Map<String, Integer> instances = new HashMap<>();
        String example;
    }

    private final Map<FailureCause, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, Map<FailureCause, Integer>> perTest = new HashMap<>();

    public void add(FailureCause cause, String test, int statements, String example) {
        add(cause, "", test, statements, example);
    }

    private void add(FailureCause cause, String instance, String test, int statements, String example) {
        if (statements <= 0) {
            return;
        }
        Tally t = tallies.computeIfAbsent(cause, c -> new Tally());
        t.statements += statements;
        t.tests.add(test);
        perTest.computeIfAbsent(test, k -> new HashMap<>()).merge(cause, statements, Integer::sum);
        if (!instance.isEmpty()) {
            t.instances.merge(instance, statements, Integer::sum);
        }
        if (t.example == null) {
            t.example = example;
        }
    }

    public void add(Classification c, StatementFailure failure) {
        add(c.cause(), c.instance(), failure.test(), 1, failure.where() + ": " + failure.sql().strip());
    }

    /** The cause most of a test's failed statements fall under, with their count; empty if none failed. */
    public java.util.Optional<Map.Entry<FailureCause, Integer>> mainCauseOf(String test) {
        return perTest.getOrDefault(test, Map.of()).entrySet().stream()
                .max(Map.Entry.<FailureCause, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().describe(), Comparator.reverseOrder()));
    }

    public int totalStatements() {
        return tallies.values().stream().mapToInt(t -> t.statements).sum();
    }

    /** Rows by statement count, largest first (ties: by description, so the report is stable). */
    public List<Row> ranked() {
        List<Row> rows = new ArrayList<>();
        tallies.forEach((c, t) -> rows.add(new Row(c, t.statements, Set.copyOf(t.tests), t.example, frequent(t))));
        rows.sort(Comparator.comparingInt(Row::statements).reversed()
                .thenComparing(r -> r.cause().describe()));
        return rows;
    }

    /** The most frequent instances "message (count)", empty when all statements printed the same. */
    private static List<String> frequent(Tally t) {
        if (t.instances.size() < 2) {
            return List.of();
        }
        return t.instances.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(FREQUENT).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }
}
