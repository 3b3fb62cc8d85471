package org.lakepg.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lakepg.wire.error.PgException;

/** The CONTEXT line of json/jsonb syntax errors, as recorded from PostgreSQL 15. */
class JsonParserContextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "''|JSON data, line 1: '...",
        "\"abc|JSON data, line 1: \"abc",
        "\"\\v\"|JSON data, line 1: \"\\v...",
        "01|JSON data, line 1: 01",
        "[1,2|JSON data, line 1: [1,2",
        "{1:2}|JSON data, line 1: {1...",
        "`    x`|`JSON data, line 1:     x`",
        "[1,2]   3|JSON data, line 1: [1,2]   3",
        "\"\\u12\"|JSON data, line 1: \"\\u12\"",
        "   [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30, x]"
                + "|JSON data, line 1: ...5,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30, x...",
    })
    void syntaxErrorsNameTheLineUpToTheToken(String input, String context) {
        PgException e = assertThrows(PgException.class, () -> JsonParser.parse(input, false));
        assertEquals(context, e.context());
    }

    @org.junit.jupiter.api.Test
    void laterLinesAreCounted() {
        PgException e = assertThrows(PgException.class, () -> JsonParser.parse("{\"a\":1,\n  \"b\" 2}", false));
        assertEquals("JSON data, line 2:   \"b\" 2...", e.context());
    }

    @org.junit.jupiter.api.Test
    void jsonbUnpairedSurrogate() {
        PgException e = assertThrows(PgException.class, () -> JsonParser.parse("{\"a\":\"\\ud83dx\"}", true));
        assertEquals("JSON data, line 1: {\"a\":\"\\ud83dx...", e.context());
    }

    @org.junit.jupiter.api.Test
    void jsonbNulEscapeHasContextToo() {
        PgException e = assertThrows(PgException.class, () -> JsonParser.parse("\"\\u0000\"", true));
        assertEquals("JSON data, line 1: \"\\u0000...", e.context());
    }
}
