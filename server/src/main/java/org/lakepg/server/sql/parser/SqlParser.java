package org.lakepg.server.sql.parser;

import java.util.List;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * lakepg's SQL parser, following PostgreSQL 15's grammar: the one road from SQL text to
 * statements. Like PostgreSQL's raw_parser it takes the whole query string and returns one
 * entry per non-empty statement, or throws a PgException with SQLSTATE 42601 (or a lexer's
 * error) and the 1-based position of the offending token.
 */
public final class SqlParser {

    private SqlParser() {
    }

    public static List<RawStatement> parse(String sql) throws PgException {
        return parse(sql, true);
    }

    /** {@code standardConformingStrings} false makes backslashes escapes in '...' strings, as the setting does. */
    public static List<RawStatement> parse(String sql, boolean standardConformingStrings) throws PgException {
        Lexer.Lexed lexed = Lexer.lex(sql, standardConformingStrings);
        StatementParser parser = new StatementParser(sql, lexed.tokens());
        parser.lexError = lexed.error();
        try {
            return parser.statements();
        } catch (StackOverflowError e) {
            // absurdly deep nesting: refuse like PostgreSQL's stack check instead of failing the session
            throw PgException.stackDepthExceeded();
        }
    }
}
