package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** scan.l's rules; expected texts and positions recorded from PostgreSQL 15.18. */
class LexerTest {

    private static List<Token> lex(String sql) {
        return Lexer.tokenize(sql, true);
    }

    private static List<String> values(String sql) {
        return lex(sql).stream().filter(t -> t.kind() != TokenKind.EOF).map(Token::value).toList();
    }

    @Test
    void foldsUnquotedIdentifiersAndKeepsQuotedOnes() {
        List<Token> t = lex("SELECT FooBar, \"FooBar\", \"a\"\"b\"");
        assertThat(t.get(0).kind()).isEqualTo(TokenKind.KEYWORD);
        assertThat(t.get(1)).extracting(Token::kind, Token::value).containsExactly(TokenKind.IDENT, "foobar");
        assertThat(t.get(3)).extracting(Token::kind, Token::value).containsExactly(TokenKind.IDENT, "FooBar");
        assertThat(t.get(5).value()).isEqualTo("a\"b");
    }

    @Test
    void stringsOfEveryStyle() {
        assertThat(values("'it''s'")).containsExactly("it's");
        assertThat(values("E'a\\tb\\x41\\101\\u00e9'")).containsExactly("a\tbAAé");
        assertThat(values("'a\\nb'")).containsExactly("a\\nb");
        assertThat(values("$$x'y$$")).containsExactly("x'y");
        assertThat(values("$fn$ body $$ $fn$")).containsExactly(" body $$ ");
        assertThat(values("'foo'\n  'bar'")).containsExactly("foobar");
        assertThat(values("U&'d\\0061t\\+000061'")).containsExactly("data");
        assertThat(values("U&'d!0061t' UESCAPE '!'")).containsExactly("dat");
        assertThat(values("U&\"d\\0061t\"")).containsExactly("dat");
        assertThat(lex("B'101' X'1F'")).extracting(Token::kind, Token::value)
                .startsWith(org.assertj.core.groups.Tuple.tuple(TokenKind.BCONST, "b101"),
                        org.assertj.core.groups.Tuple.tuple(TokenKind.XCONST, "x1F"));
    }

    @Test
    void backslashesEscapeWhenStandardConformingStringsIsOff() {
        assertThat(Lexer.tokenize("'a\\'b'", false).get(0).value()).isEqualTo("a'b");
    }

    @Test
    void numbersAndParameters() {
        assertThat(lex("42 2147483648 1.5 .5e3 1e-2 $3")).extracting(Token::kind).containsExactly(TokenKind.ICONST,
                TokenKind.FCONST, TokenKind.FCONST, TokenKind.FCONST, TokenKind.FCONST, TokenKind.PARAM, TokenKind.EOF);
        // "1..2" is an integer followed by "..", as in array slices
        assertThat(values("1..2")).containsExactly("1", "..", "2");
    }

    @Test
    void operatorsFollowPostgresRules() {
        assertThat(values("a<=b")).containsExactly("a", "<=", "b");
        assertThat(values("a!=b")).containsExactly("a", "<>", "b");
        // trailing + and - are split off unless the operator has one of ~!@#%^&|`?
        assertThat(values("a+-b")).containsExactly("a", "+", "-", "b");
        assertThat(values("a@-b")).containsExactly("a", "@-", "b");
        // a comment start ends an operator
        assertThat(values("a*/*c*/b")).containsExactly("a", "*", "b");
        assertThat(values("x::int")).containsExactly("x", "::", "int");
        assertThat(values("f(a => 1)")).containsExactly("f", "(", "a", "=>", "1", ")");
    }

    @Test
    void commentsNest() {
        assertThat(values("1 /* a /* b */ c */ + -- x\n 2")).containsExactly("1", "+", "2");
    }

    private static void assertLexError(String sql, String message, int position) {
        assertThatThrownBy(() -> lex(sql)).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(position);
        });
    }

    @Test
    void errorsAsPostgresWordsThem() {
        assertLexError("select 'abc", "unterminated quoted string at or near \"'abc\"", 8);
        assertLexError("select \"abc", "unterminated quoted identifier at or near \"\"abc\"", 8);
        assertLexError("select /* abc", "unterminated /* comment at or near \"/* abc\"", 8);
        assertLexError("select $$abc", "unterminated dollar-quoted string at or near \"$$abc\"", 8);
        assertLexError("select b'101", "unterminated bit string literal at or near \"b'101\"", 8);
        assertLexError("select x'1f", "unterminated hexadecimal string literal at or near \"x'1f\"", 8);
        assertLexError("select 123abc", "trailing junk after numeric literal at or near \"123abc\"", 8);
        assertLexError("select 0x10", "trailing junk after numeric literal at or near \"0x10\"", 8);
        assertLexError("select 1.5e", "trailing junk after numeric literal at or near \"1.5e\"", 8);
        assertLexError("select $1a", "trailing junk after parameter at or near \"$1a\"", 8);
        assertLexError("select \"\"", "zero-length delimited identifier at or near \"\"\"\"", 8);
        assertLexError("select e'\\u12'", "invalid Unicode escape", 10);
        assertLexError("select U&'\\12'", "invalid Unicode escape", 11);
        assertLexError("select U&'x' UESCAPE 'ab'", "invalid Unicode escape character at or near \"'ab'\"", 22);
        assertLexError("SELECT E'wrong: \\udb99xy'", "invalid Unicode surrogate pair at or near \"x\"", 23);
        assertLexError("SELECT U&'wrong: \\db99'", "invalid Unicode surrogate pair", 23);
    }

    @Test
    void unicodeEscapeErrorsCarryPostgresHints() {
        assertThatThrownBy(() -> lex("select e'\\u12'")).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_ESCAPE_SEQUENCE);
            assertThat(e.hint()).isEqualTo("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
        });
    }

    @Test
    void byteEscapesFormUtf8Characters() {
        assertThat(values("E'\\xC3\\xA9\\303\\251x'")).containsExactly("ééx");
        assertThatThrownBy(() -> lex("select E'\\xC3'")).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.CHARACTER_NOT_IN_REPERTOIRE);
            assertThat(e.getMessage()).isEqualTo("invalid byte sequence for encoding \"UTF8\": 0xc3");
        });
        assertThatThrownBy(() -> lex("select E'a\\0b'")).hasMessage("invalid byte sequence for encoding \"UTF8\": 0x00");
    }

    @Test
    void plainStringsWithBackslashesWarnOnceEachWhenNotStandardConforming() {
        List<PgException> w = Lexer.escapeStringWarnings("select 'a\\\\b\\'c', E'x\\ny', 'p\\'q', 'r\\ns', 'plain'");
        assertThat(w).extracting(PgException::getMessage).containsExactly(
                "nonstandard use of \\\\ in a string literal", "nonstandard use of \\' in a string literal",
                "nonstandard use of escape in a string literal");
        assertThat(w).extracting(PgException::position).containsExactly(8, 28, 36);
        assertThat(w.get(0).hint()).isEqualTo("Use the escape string syntax for backslashes, e.g., E'\\\\'.");
        assertThat(w.get(0).sqlState()).isEqualTo(SqlState.NONSTANDARD_USE_OF_ESCAPE_CHARACTER);
        assertThat(w.get(0).severity()).isEqualTo(PgException.Severity.WARNING);
    }
}
