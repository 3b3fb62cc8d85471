package org.lakepg.server.sql.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollationForTest {
    private static String explicit(String expression) {
        return CollationFor.explicit(DefaultExpressions.parse(expression));
    }

    @Test
    void aCollateClauseIsExplicitThroughCastsCallsAndOperators() {
        assertThat(explicit("x collate \"POSIX\"")).isEqualTo("POSIX");
        assertThat(explicit("('a' collate \"C\")::text")).isEqualTo("C");
        assertThat(explicit("upper('a' collate \"C\")")).isEqualTo("C");
        assertThat(explicit("x || (y collate ucs_basic)")).isEqualTo("ucs_basic");
    }

    @Test
    void anAggregatesOrderingColumnsCount() {
        assertThat(explicit("percentile_disc(1) within group (order by x collate \"POSIX\")")).isEqualTo("POSIX");
    }

    @Test
    void noCollateClauseIsNoExplicitCollation() {
        assertThat(explicit("upper(x)")).isNull();
        assertThat(explicit("'a'::text")).isNull();
    }
}
