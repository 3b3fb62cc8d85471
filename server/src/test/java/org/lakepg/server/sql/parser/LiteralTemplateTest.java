package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.analyzer.NonValueLiterals;
import org.lakepg.server.sql.ast.RawStatement;

class LiteralTemplateTest {

    @Test
    void statementsDifferingOnlyInIntegerLiteralsShareAKey() {
        var a = LiteralTemplate.of("SELECT abalance FROM pgbench_accounts WHERE aid = 12345;");
        var b = LiteralTemplate.of("SELECT abalance FROM pgbench_accounts WHERE aid = 7;");
        assertThat(a.key()).isEqualTo(b.key());
        assertThat(a.size()).isEqualTo(1);
        assertThat(a.literal(0)).isEqualTo("12345");
        assertThat(b.literal(0)).isEqualTo("7");
        assertThat(a.parameterized(new boolean[] {true}))
                .isEqualTo("SELECT abalance FROM pgbench_accounts WHERE aid = $1;");
    }

    @Test
    void theLiteralsKindIsPartOfTheKey() {
        var int4 = LiteralTemplate.of("select 2147483647");
        var int8 = LiteralTemplate.of("select 3000000000");
        assertThat(int4.key()).isNotEqualTo(int8.key());
        assertThat(int8.int8()[0]).isTrue();
        assertThat(int4.int8()[0]).isFalse();
    }

    @Test
    void literalsWhoseTypeDependsOnAFoldedMinusOrThatAreNotIntegersStayInTheKey() {
        // -2147483648 is an int4 constant, 2147483648 an int8 one: a parameter could not be both
        assertThat(LiteralTemplate.of("select -2147483648").size()).isZero();
        assertThat(LiteralTemplate.of("select 9223372036854775808").size()).isZero();
        assertThat(LiteralTemplate.of("select 1.5, 1e3, .5").size()).isZero();
        assertThat(LiteralTemplate.of("select 1.5").key()).isNotEqualTo(LiteralTemplate.of("select 2.5").key());
        // digits inside names are names
        var t = LiteralTemplate.of("select c1, \"x 2\" from t3 where c1 = 4");
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.literal(0)).isEqualTo("4");
    }

    @Test
    void stringsCommentsParametersAndSeveralStatementsGiveNoTemplate() {
        assertThat(LiteralTemplate.of("select 'now'::timestamptz")).isNull();
        assertThat(LiteralTemplate.of("select 1 -- one")).isNull();
        assertThat(LiteralTemplate.of("select /* c */ 1")).isNull();
        assertThat(LiteralTemplate.of("select $1")).isNull();
        assertThat(LiteralTemplate.of("select $$x$$")).isNull();
        assertThat(LiteralTemplate.of("select 1; select 2")).isNull();
        assertThat(LiteralTemplate.of("select \"unterminated")).isNull();
        assertThat(LiteralTemplate.of("select 1;  \n")).isNotNull();
    }

    @Test
    void positionsAndTypeModifiersAreFoundInTheSyntaxTree() {
        String sql = "select a, b::numeric(10, 2) from t where a = 5 group by 1, 2 order by 2 desc, a + 3";
        RawStatement raw = SqlParser.parse(sql, true).get(0);
        Set<Integer> positional = NonValueLiterals.of(raw.statement());
        var template = LiteralTemplate.of(sql);
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            if (!positional.contains(template.starts()[i])) {
                values.add(template.literal(i));
            }
        }
        assertThat(values).containsExactly("5"); // 10, 2, 1, 2, 2 and 3 keep their meaning
    }
}
