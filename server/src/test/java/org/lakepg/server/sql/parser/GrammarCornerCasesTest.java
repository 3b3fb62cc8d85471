package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.sql.parser.ParserTestSupport.assertSyntaxError;
import static org.lakepg.server.sql.parser.ParserTestSupport.expr;
import static org.lakepg.server.sql.parser.ParserTestSupport.one;
import static org.lakepg.server.sql.parser.ParserTestSupport.select;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.ExplainStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.TransactionStmt;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Places where PostgreSQL's LALR grammar behaves in ways a recursive-descent parser must imitate on
 * purpose. Each expectation was checked against PostgreSQL 15.18 (found by mutating regression-suite
 * statements and comparing both parsers).
 */
class GrammarCornerCasesTest {

    @Test
    void keywordOperatorsAreAliasesAtTheEndOfAnOutputColumn() {
        SelectStmt s = select("SELECT 1 in, 2 is, now() and FROM t");
        assertThat(s.targetList()).extracting(r -> r.name()).containsExactly("in", "is", "and");
        assertThat(select("SELECT a IS NULL FROM t").targetList().get(0).name()).isNull();
    }

    @Test
    void typeFunctionKeywordsMayNameTypesOfLiterals() {
        TypeCast cast = (TypeCast) expr("join '%bc%'");
        assertThat(cast.typeName().names()).containsExactly("join");
        assertSyntaxError("SELECT join.f3 FROM t", "syntax error at or near \".\"", 12);
    }

    @Test
    void comparisonOperatorsAreNotPrefixOperators() {
        assertSyntaxError("SELECT * FROM t WHERE a = = 1", "syntax error at or near \"=\"", 27);
        assertSyntaxError("SELECT (*) FROM t", "syntax error at or near \"*\"", 9);
        assertSyntaxError("SELECT count(* *) FROM t", "syntax error at or near \"*\"", 16);
    }

    @Test
    void subqueriesInFromNeedAliases() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PgException.class,
                () -> SqlParser.parse("SELECT * FROM (SELECT 1)")))
                .satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo("subquery in FROM must have an alias");
                    assertThat(e.hint()).isEqualTo("For example, FROM (SELECT ...) [AS] foo.");
                    assertThat(e.position()).isEqualTo(15);
                });
        assertSyntaxError("SELECT * FROM (VALUES (1))", "VALUES in FROM must have an alias", 15);
        assertSyntaxError("SELECT * FROM (t)", "syntax error at or near \")\"", 17);
    }

    @Test
    void errorsPointAtTheFirstTokenThatCannotContinue() {
        assertSyntaxError("BEGIN ISOLATION TRANSACTION LEVEL SERIALIZABLE", "syntax error at or near \"TRANSACTION\"", 17);
        assertSyntaxError("ALTER TABLE t OWNER x TO y", "syntax error at or near \"x\"", 21);
        assertSyntaxError("CREATE UNIQUE UNIQUE INDEX i ON t (a)", "syntax error at or near \"UNIQUE\"", 15);
        assertSyntaxError("SELECT timestamp with time zone", "syntax error at end of input", 32);
        assertSyntaxError("SELECT * FROM f() WITH x", "syntax error at or near \"WITH\"", 19);
        assertSyntaxError("SELECT * FROM t FULL OUTER s JOIN u ON true", "syntax error at or near \"s\"", 28);
        assertSyntaxError("drop operator equals", "syntax error at end of input", 21);
        assertSyntaxError("CREATE TABLE foo (id int NOT NUL)", "syntax error at or near \"NUL\"", 30);
        assertSyntaxError("explain explain select 1", "syntax error at or near \"explain\"", 9);
    }

    @Test
    void unreservedKeywordsServeAsNamesWhereTheGrammarAllows() {
        assertThat(one("RELEASE SAVEPOINT", TransactionStmt.class).savepointName()).isEqualTo("savepoint");
        VariableSetStmt set = one("SET local = off", VariableSetStmt.class);
        assertThat(set.name()).isEqualTo("local");
        assertThat(set.isLocal()).isFalse();
        SelectStmt cte = select("WITH recursive AS (SELECT 1) SELECT * FROM recursive");
        assertThat(cte.withClause().recursive()).isFalse();
        assertThat(cte.withClause().ctes().get(0).ctename()).isEqualTo("recursive");
        assertThat(expr("interval")).isEqualTo(new ColumnRef(List.of("interval"), false, 7));
        assertThat(one("EXPLAIN ((SELECT 1))", ExplainStmt.class).options()).isEmpty();
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        String sql = "SELECT " + "(".repeat(200_000) + "1" + ")".repeat(200_000);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PgException.class, () -> SqlParser.parse(sql))
                .sqlState()).isEqualTo(org.lakepg.wire.error.SqlState.STATEMENT_TOO_COMPLEX);
        // ordinary depth is fine
        String nested = "SELECT " + "(".repeat(200) + "1" + ")".repeat(200);
        assertThat(SqlParser.parse(nested)).hasSize(1);
    }

    @Test
    void windowFrameChecksHappenInTheGrammarAsInPostgres() {
        String q = "select count(*) over (order by a ";
        assertFrameError(q + "rows unbounded following) from t", "frame start cannot be UNBOUNDED FOLLOWING", 39);
        // raised before the parser looks further: the AND is never seen
        assertFrameError(q + "range 1 following and 2 following) from t",
                "frame starting from following row cannot end with current row", 40);
        assertFrameError(q + "rows between 1 preceding and unbounded preceding) from t",
                "frame end cannot be UNBOUNDED PRECEDING", 63);
        assertFrameError(q + "rows between 1 following and current row) from t",
                "frame starting from following row cannot have preceding rows", 63);
        assertThat(select("WITH recursive (f) AS (SELECT 1) SELECT * FROM recursive").withClause().recursive()).isFalse();
    }

    private static void assertFrameError(String sql, String message, int position) {
        PgException e = org.assertj.core.api.Assertions.catchThrowableOfType(PgException.class, () -> SqlParser.parse(sql));
        assertThat(e.sqlState()).isEqualTo(org.lakepg.wire.error.SqlState.WINDOWING_ERROR);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.position()).isEqualTo(position);
    }

    @Test
    void checksPostgresMakesWhileParsing() {
        assertError("create table x1 (a int, check (a > 0) deferrable)", SqlState.FEATURE_NOT_SUPPORTED,
                "CHECK constraints cannot be marked DEFERRABLE", 0);
        assertError("create table x1 (a int, primary key (a) not valid)", SqlState.FEATURE_NOT_SUPPORTED,
                "PRIMARY KEY constraints cannot be marked NOT VALID", 0);
        assertError("create table x1 (a int, foreign key (a) references t no inherit)", SqlState.FEATURE_NOT_SUPPORTED,
                "FOREIGN KEY constraints cannot be marked NO INHERIT", 0);
        assertError("select (1,2,3) overlaps (1,2)", SqlState.SYNTAX_ERROR,
                "wrong number of parameters on left side of OVERLAPS expression", 8);
        assertError("select count(distinct a) within group (order by a) from t", SqlState.SYNTAX_ERROR,
                "cannot use DISTINCT with WITHIN GROUP", 26);
        assertError("create role none", SqlState.RESERVED_NAME, "role name \"none\" is reserved", 13);
        assertError("drop operator + (int)", SqlState.SYNTAX_ERROR, "missing argument", 21);
        assertError("alter table t alter column 0 set statistics 1", SqlState.INVALID_PARAMETER_VALUE,
                "column number must be in range from 1 to 32767", 28);
        assertThat(one("grant select on t to \"public\"", org.lakepg.server.sql.ast.GrantStmt.class).grantees().get(0)
                .roletype()).isEqualTo(org.lakepg.server.sql.ast.RoleSpec.Type.PUBLIC);
    }

    private static void assertError(String sql, SqlState state, String message, int position) {
        PgException e = org.assertj.core.api.Assertions.catchThrowableOfType(PgException.class, () -> SqlParser.parse(sql));
        assertThat(e).as(sql).isNotNull();
        assertThat(e.sqlState()).isEqualTo(state);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.position()).isEqualTo(position);
    }
}
