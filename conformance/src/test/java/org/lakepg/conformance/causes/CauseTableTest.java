package org.lakepg.conformance.causes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CauseTableTest {

    private static void add(CauseTable table, String test, String printed) {
        StatementFailure f = new StatementFailure(test, 1, "x;", List.of("ERROR:  " + printed), List.of("(1 row)"));
        table.add(FailureClassifier.classify(f, ""), f);
    }

    @Test
    void groupsByNormalizedMessageAndNamesTheMostFrequentAsPrinted() {
        CauseTable table = new CauseTable();
        add(table, "select", "relation \"tenk1\" does not exist");
        add(table, "join", "relation \"tenk1\" does not exist");
        add(table, "join", "relation \"onek\" does not exist");
        add(table, "explain", "syntax error at or near \"EXPLAIN\"");
        add(table, "aggregates", "relation \"int4_tbl\" does not exist");
        add(table, "aggregates", "relation \"int8_tbl\" does not exist");
        List<CauseTable.Row> rows = table.ranked();
        assertThat(rows).extracting(r -> r.cause().describe())
                .containsExactly("ERROR: relation \"X\" does not exist", "ERROR: syntax error at or near \"X\"");
        assertThat(rows.get(0).statements()).isEqualTo(5);
        assertThat(rows.get(0).tests()).containsExactlyInAnyOrder("select", "join", "aggregates");
        assertThat(rows.get(0).frequent()).containsExactly("relation \"tenk1\" does not exist (2)",
                "relation \"int4_tbl\" does not exist (1)", "relation \"int8_tbl\" does not exist (1)");
        assertThat(rows.get(1).frequent()).isEmpty();
        assertThat(table.totalStatements()).isEqualTo(6);
        assertThat(table.mainCauseOf("explain")).hasValueSatisfying(e -> {
            assertThat(e.getKey().describe()).isEqualTo("ERROR: syntax error at or near \"X\"");
            assertThat(e.getValue()).isEqualTo(1);
        });
        assertThat(table.mainCauseOf("boolean")).isEmpty();
    }
}
