package org.lakepg.server.textsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens as PostgreSQL 15's ts_parse('default', ...) gives them on the reference server. */
class DefaultParserTest {

    @Test
    void tokensOfEveryKind() {
        String text = "foo-bar 1.5 http://www.example.com/path/x.html me@x.com 3.0.1 -42 /usr/lib abc123 "
                + "<b>x</b> 1e10 &amp; qwe-123-asd";
        List<DefaultParser.Token> expected = List.of(
                new DefaultParser.Token(16, "foo-bar"),
                new DefaultParser.Token(11, "foo"),
                new DefaultParser.Token(12, "-"),
                new DefaultParser.Token(11, "bar"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(20, "1.5"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(14, "http://"),
                new DefaultParser.Token(5, "www.example.com/path/x.html"),
                new DefaultParser.Token(6, "www.example.com"),
                new DefaultParser.Token(18, "/path/x.html"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(4, "me@x.com"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(8, "3.0.1"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(21, "-42"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(19, "/usr/lib"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(3, "abc123"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(13, "<b>"),
                new DefaultParser.Token(1, "x"),
                new DefaultParser.Token(13, "</b>"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(7, "1e10"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(23, "&amp;"),
                new DefaultParser.Token(12, " "),
                new DefaultParser.Token(1, "qwe"),
                new DefaultParser.Token(21, "-123"),
                new DefaultParser.Token(12, "-"),
                new DefaultParser.Token(1, "asd"));
        assertEquals(expected, DefaultParser.parse(text));
    }

    @Test
    void nonAsciiLettersMakeWords() {
        assertEquals(List.of(new DefaultParser.Token(TokenTypes.WORD, "caf\u00e9"),
                new DefaultParser.Token(TokenTypes.SPACE, " "),
                new DefaultParser.Token(TokenTypes.NUMWORD, "x1")), DefaultParser.parse("caf\u00e9 x1"));
    }

    @Test
    void emptyTextHasNoTokens() {
        assertEquals(List.of(), DefaultParser.parse(""));
    }
}
