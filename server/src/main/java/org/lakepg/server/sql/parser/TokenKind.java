package org.lakepg.server.sql.parser;

/** The kinds of token PostgreSQL's scanner (scan.l) hands to its grammar. */
public enum TokenKind {
    /** An identifier: unquoted (lower-cased, not a keyword) or quoted. */
    IDENT,
    /** An unquoted word that is one of PostgreSQL's keywords; value is lower case. */
    KEYWORD,
    /** A string constant of any quoting style; value is the decoded text. */
    SCONST,
    /** B'...'; value is the digits prefixed with "b", as PostgreSQL keeps them. */
    BCONST,
    /** X'...'; value is the digits prefixed with "x". */
    XCONST,
    /** An integer literal that fits in 32 bits. */
    ICONST,
    /** Any other numeric literal (decimal, exponent, or too large for int4); value is the source text. */
    FCONST,
    /** $n; value is the number. */
    PARAM,
    /** An operator: value is its text (with != already turned into <>). */
    OP,
    /** Punctuation: ( ) [ ] , ; . : :: .. := => */
    PUNCT,
    /**
     * A lexical error (unterminated string, trailing junk ...). Like PostgreSQL's scanner, which runs
     * one token ahead of the grammar, the error is raised only when the parser reaches this token.
     */
    ERROR,
    EOF
}
