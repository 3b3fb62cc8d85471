package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Small helpers shared by the parser's unit tests. */
final class ParserTestSupport {
    private ParserTestSupport() {
    }

    static Statement one(String sql) {
        List<RawStatement> list = SqlParser.parse(sql);
        assertThat(list).hasSize(1);
        return list.get(0).statement();
    }

    @SuppressWarnings("unchecked")
    static <T extends Statement> T one(String sql, Class<T> type) {
        Statement s = one(sql);
        assertThat(s).isInstanceOf(type);
        return (T) s;
    }

    static SelectStmt select(String sql) {
        return one(sql, SelectStmt.class);
    }

    /** The expression of "SELECT expr". */
    static Expr expr(String text) {
        return select("SELECT " + text).targetList().get(0).val();
    }

    /** Asserts the syntax error PostgreSQL gives: message and 1-based position. */
    static void assertSyntaxError(String sql, String message, int position) {
        assertThatThrownBy(() -> SqlParser.parse(sql)).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        });
    }
}
