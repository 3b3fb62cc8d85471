package org.lakepg.server.sql.ast;

/**
 * A literal constant; {@code value} is the exact source text for numbers, the decoded value for strings, "t"/"f"
 * for booleans, PostgreSQL's "b..."/"x..." form for bit strings.
 */
public record AConst(Kind kind, String value, int location) implements Expr {
    public enum Kind { INTEGER, NUMERIC, STRING, BITSTRING, BOOLEAN, NULL }
}
