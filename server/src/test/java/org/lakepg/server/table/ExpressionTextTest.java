package org.lakepg.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lakepg.server.sql.analyzer.DefaultExpressions;
import org.lakepg.server.sql.ast.Expr;

/** Stored expression text parses back to the same tree, so defaults and CHECKs survive the catalog. */
class ExpressionTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "42", "-7", "1.5e3", "'it''s'", "true", "false", "NULL", "a + b * 2", "-a", "(a > 0) AND (b < 10 OR c IS NULL)",
            "NOT a", "a BETWEEN 1 AND 5", "a NOT BETWEEN SYMMETRIC 5 AND 1", "a IN (1, 2, 3)", "a NOT IN ('x')",
            "b LIKE 'x%'", "b ILIKE 'X%'", "b NOT LIKE 'y'", "a IS DISTINCT FROM b", "nullif(a, 0)",
            "coalesce(a, b, 0)", "greatest(a, 1)", "CASE WHEN a > 0 THEN 'p' ELSE 'n' END", "CASE a WHEN 1 THEN 2 END",
            "now()", "current_timestamp", "current_timestamp(3)", "current_user", "nextval('s'::regclass)",
            "'2020-01-01'::date + 1", "ARRAY[1, 2]", "a = ANY (ARRAY[1, 2])", "length(b) < 5", "b IS NOT TRUE",
            "\"Mixed Case\" > 0", "x::numeric(10, 2)", "x::int[]", "pg_catalog.upper(b)", "a OPERATOR(pg_catalog.+) 1"})
    void roundTrips(String sql) {
        Expr parsed = DefaultExpressions.parse(sql);
        String text = ExpressionText.of(parsed);
        String again = ExpressionText.of(DefaultExpressions.parse(text));
        assertThat(again).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a > b", "(a > 0) AND (b < a)", "upper(b) = 'X'"})
    void namesColumnsInOrder(String sql) {
        assertThat(ExpressionText.columnNames(DefaultExpressions.parse(sql))).containsAnyOf("a", "b");
    }

    @org.junit.jupiter.api.Test
    void identifiersNeedingQuotesAreQuoted() {
        assertThat(ExpressionText.ident("abc")).isEqualTo("abc");
        assertThat(ExpressionText.ident("Abc")).isEqualTo("\"Abc\"");
        assertThat(ExpressionText.ident("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(ExpressionText.literal("it's")).isEqualTo("'it''s'");
    }
}
