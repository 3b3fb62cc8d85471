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

    /** 22P03 for a recv function given the wrong number of bytes. */
    static PgException binaryLength(String typeName, int expected, int actual) {
        return PgException.of(SqlState.INVALID_BINARY_REPRESENTATION,
                "incorrect binary data format: %s expects %d bytes, got %d", typeName, expected, actual);
    }

    static void requireLength(String typeName, byte[] bytes, int expected) {
        if (bytes.length != expected) {
            throw binaryLength(typeName, expected, bytes.length);
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
