package org.lakepg.server.sql.parser;

/**
 * One lexical token. {@code start}/{@code end} are 0-based character offsets into the query
 * text (end exclusive), used for error positions and for keeping original text.
 */
public record Token(TokenKind kind, String value, int start, int end, Keywords.Keyword keyword) {

    public boolean is(TokenKind k, String v) {
        return kind == k && value.equals(v);
    }

    public boolean isKeyword(String word) {
        return kind == TokenKind.KEYWORD && value.equals(word);
    }

    public boolean isPunct(String p) {
        return kind == TokenKind.PUNCT && value.equals(p);
    }

    public boolean isOp(String op) {
        return kind == TokenKind.OP && value.equals(op);
    }
}
