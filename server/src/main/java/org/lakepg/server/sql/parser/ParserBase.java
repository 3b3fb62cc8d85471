package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The token cursor every grammar area builds on: look-ahead, accepting and expecting tokens,
 * PostgreSQL's syntax errors, and the name productions of gram.y (ColId, ColLabel,
 * type_function_name, NonReservedWord, any_name, qualified_name) that decide where a keyword
 * may serve as a name.
 */
abstract class ParserBase {
    protected final String sql;
    protected final List<Token> tokens;
    protected int p;
    /**
     * The furthest token a failed multi-word match got to. A syntax error is reported there when it
     * lies beyond the cursor, as an LALR parser reports the first token that cannot continue.
     */
    protected int furthest;
    /** The lexical error behind a trailing ERROR token, raised when the parser reaches that token. */
    PgException lexError;

    ParserBase(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    // ---- cursor ----

    final Token peek() {
        Token t = tokens.get(p);
        if (t.kind() == TokenKind.ERROR) {
            throw lexError;
        }
        return t;
    }

    final Token peek(int ahead) {
        int i = Math.min(p + ahead, tokens.size() - 1);
        return tokens.get(i);
    }

    final Token next() {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) {
            p++;
        }
        return t;
    }

    final int pos() {
        return peek().start();
    }

    final boolean atEof() {
        return peek().kind() == TokenKind.EOF;
    }

    final boolean at(String keyword) {
        return peek().isKeyword(keyword);
    }

    final boolean at(int ahead, String keyword) {
        return peek(ahead).isKeyword(keyword);
    }

    final boolean atPunct(String punct) {
        return peek().isPunct(punct);
    }

    final boolean atPunct(int ahead, String punct) {
        return peek(ahead).isPunct(punct);
    }

    final boolean atOp(String op) {
        return peek().isOp(op);
    }

    final boolean accept(String keyword) {
        if (at(keyword)) {
            p++;
            return true;
        }
        return false;
    }

    /** Accepts a sequence of keywords only when all of them are next. */
    final boolean acceptSeq(String... keywords) {
        if (!atSeq(keywords)) {
            return false;
        }
        p += keywords.length;
        return true;
    }

    /** True when the keywords are next (not consumed); a partial match is remembered for error positions. */
    final boolean atSeq(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!peek(i).isKeyword(keywords[i])) {
                if (i > 0) {
                    furthest = Math.max(furthest, Math.min(p + i, tokens.size() - 1));
                }
                return false;
            }
        }
        return true;
    }

    final boolean acceptPunct(String punct) {
        if (atPunct(punct)) {
            p++;
            return true;
        }
        return false;
    }

    final boolean acceptOp(String op) {
        if (atOp(op)) {
            p++;
            return true;
        }
        return false;
    }

    final Token expect(String keyword) {
        if (!at(keyword)) {
            throw syntaxError();
        }
        return next();
    }

    final Token expectPunct(String punct) {
        if (!atPunct(punct)) {
            throw syntaxError();
        }
        return next();
    }

    final Token expectOp(String op) {
        if (!atOp(op)) {
            throw syntaxError();
        }
        return next();
    }

    // ---- errors ----

    final PgException syntaxError() {
        return syntaxErrorAt(furthest > p ? tokens.get(furthest) : peek());
    }

    final PgException syntaxErrorAt(Token t) {
        if (t.kind() == TokenKind.EOF) {
            return PgException.of(SqlState.SYNTAX_ERROR, "syntax error at end of input").withPosition(t.start() + 1);
        }
        return PgException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \"%s\"", sql.substring(t.start(), t.end()))
                .withPosition(t.start() + 1);
    }

    final PgException errorAt(SqlState state, int offset, String format, Object... args) {
        PgException e = PgException.of(state, format, args);
        return offset >= 0 ? e.withPosition(offset + 1) : e;
    }

    // ---- keyword categories ----

    static boolean isCategory(Token t, Keywords.Category c) {
        return t.kind() == TokenKind.KEYWORD && t.keyword().category() == c;
    }

    /** ColId: IDENT, unreserved_keyword, col_name_keyword. */
    static boolean isColId(Token t) {
        return t.kind() == TokenKind.IDENT || isCategory(t, Keywords.Category.UNRESERVED)
                || isCategory(t, Keywords.Category.COL_NAME);
    }

    /** type_function_name: IDENT, unreserved_keyword, type_func_name_keyword. */
    static boolean isTypeFunctionName(Token t) {
        return t.kind() == TokenKind.IDENT || isCategory(t, Keywords.Category.UNRESERVED)
                || isCategory(t, Keywords.Category.TYPE_FUNC_NAME);
    }

    /** NonReservedWord: everything but reserved keywords. */
    static boolean isNonReservedWord(Token t) {
        return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD
                && t.keyword().category() != Keywords.Category.RESERVED;
    }

    /** ColLabel: any identifier or keyword. */
    static boolean isColLabel(Token t) {
        return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD;
    }

    static boolean isBareColLabel(Token t) {
        return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.KEYWORD && t.keyword().bareLabel();
    }

    final String colId() {
        if (!isColId(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    final String colLabel() {
        if (!isColLabel(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    final String typeFunctionName() {
        if (!isTypeFunctionName(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    final String nonReservedWord() {
        if (!isNonReservedWord(peek())) {
            throw syntaxError();
        }
        return next().value();
    }

    /** NonReservedWord_or_Sconst. */
    final String nonReservedWordOrSconst() {
        if (peek().kind() == TokenKind.SCONST) {
            return next().value();
        }
        return nonReservedWord();
    }

    /** name_list / columnList element: ColId. */
    final List<String> colIdList() {
        List<String> names = new ArrayList<>();
        do {
            names.add(colId());
        } while (acceptPunct(","));
        return names;
    }

    /** '(' columnList ')' */
    final List<String> parenColIdList() {
        expectPunct("(");
        List<String> names = colIdList();
        expectPunct(")");
        return names;
    }

    /** any_name: ColId attrs (attrs are ColLabels after dots). */
    final List<String> anyName() {
        List<String> names = new ArrayList<>();
        names.add(colId());
        while (acceptPunct(".")) {
            if (atOp("*")) {
                // gram.y reads ".*" as indirection here and rejects it afterwards
                next();
                throw syntaxError();
            }
            names.add(colLabel());
        }
        return names;
    }

    final List<List<String>> anyNameList() {
        List<List<String>> names = new ArrayList<>();
        do {
            names.add(anyName());
        } while (acceptPunct(","));
        return names;
    }

    /** qualified_name: ColId [ '.' ColLabel [ '.' ColLabel ] ] as a RangeVar. */
    final RangeVar qualifiedName() {
        int loc = pos();
        List<String> names = anyName();
        if (atPunct("[")) {
            // qualified_name takes any indirection in gram.y and rejects subscripts afterwards
            skipSubscript();
            throw syntaxError();
        }
        return rangeVarOf(names, loc);
    }

    /** Parses (and drops) one subscript, so errors inside it are reported where PostgreSQL reports them. */
    abstract void skipSubscript();

    final RangeVar rangeVarOf(List<String> names, int loc) {
        return switch (names.size()) {
            case 1 -> new RangeVar(null, null, names.get(0), true, 'p', null, loc);
            case 2 -> new RangeVar(null, names.get(0), names.get(1), true, 'p', null, loc);
            case 3 -> new RangeVar(names.get(0), names.get(1), names.get(2), true, 'p', null, loc);
            default -> throw errorAt(SqlState.SYNTAX_ERROR, loc, "improper qualified name (too many dotted names): %s",
                    String.join(".", names));
        };
    }

    final String sconst() {
        if (peek().kind() != TokenKind.SCONST) {
            throw syntaxError();
        }
        return next().value();
    }

    final boolean atSconst() {
        return peek().kind() == TokenKind.SCONST;
    }

    final int iconst() {
        if (peek().kind() != TokenKind.ICONST) {
            throw syntaxError();
        }
        return Integer.parseInt(next().value());
    }

    final int signedIconst() {
        if (acceptOp("-")) {
            return -iconst();
        }
        acceptOp("+");
        return iconst();
    }
}
