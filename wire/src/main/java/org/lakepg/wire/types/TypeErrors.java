package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The error reports PostgreSQL's input and recv functions share, worded exactly as PostgreSQL does. */
final class TypeErrors {

    private TypeErrors() {
    }

    /** 22P02 invalid input syntax for type X: "input". */
    static PgException invalidSyntax(String sqlTypeName, String input) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type %s: \"%s\"", sqlTypeName, input);
    }

    /** 22003 value "input" is out of range for type X. */
    static PgException outOfRange(String sqlTypeName, String input) {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"%s\" is out of range for type %s", input, sqlTypeName);
    }

    /** A recv function ran out of bytes: PostgreSQL's pq_getmsg* report (08P01). */
    static PgException insufficientData() {
        return PgException.of(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
    }

    /**
     * A recv function left bytes unread (22P03). The protocol layer says "in bind parameter N",
     * array_recv "improper binary format in array element N".
     */
    static PgException excessData() {
        return PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
    }

    /** A fixed-size recv: fewer bytes is 08P01, more is 22P03, as PostgreSQL reports them. */
    static void requireLength(String typeName, byte[] bytes, int expected) {
        if (bytes.length < expected) {
            throw insufficientData();
        }
        if (bytes.length > expected) {
            throw excessData();
        }
    }

    /** PostgreSQL's scanner whitespace: space, tab, newline, carriage return, vertical tab, form feed. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }

    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** 22007 invalid input syntax for type X: "input" (the date/time types' wording of a syntax error). */
    static PgException invalidDatetime(String sqlTypeName, String input) {
        return PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type %s: \"%s\"",
                sqlTypeName, input);
    }
}
