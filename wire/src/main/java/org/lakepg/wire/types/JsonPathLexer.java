package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The jsonpath scanner (jsonpath_scan.l): tokens with the text errors quote. */
final class JsonPathLexer {

    enum Kind {
        STRING, VARIABLE, IDENT, INT, NUMERIC, AND, OR, NOT, ANY, LESS, LESS_EQUAL, EQUAL, NOT_EQUAL, GREATER_EQUAL,
        GREATER, CHAR, END,
        // keywords
        IS, TO, ABS, LAX, FLAG, LAST, NULL, SIZE, TRUE, TYPE, WITH, FALSE, FLOOR, DOUBLE, EXISTS, STARTS, STRICT,
        CEILING, UNKNOWN, DATETIME, KEYVALUE, LIKE_REGEX
    }

    /** value: the decoded string, number text or the special character; text: what an error quotes. */
    record Token(Kind kind, String value, String text) {
        boolean is(char c) {
            return kind == Kind.CHAR && value.charAt(0) == c;
        }
    }

    private static final String SPECIAL = "?%$.[]{}()|&!=<>@#,*:-+/\\\" \t\n\r\f";

    private final String s;
    private int pos;

    private JsonPathLexer(String s) {
        this.s = s;
    }

    static List<Token> tokens(String text) {
        JsonPathLexer lexer = new JsonPathLexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    static PgException error(String message, String near) {
        return near == null
                ? PgException.of(SqlState.SYNTAX_ERROR, "%s at end of jsonpath input", message)
                : PgException.of(SqlState.SYNTAX_ERROR, "%s at or near \"%s\" of jsonpath input", message, near);
    }

    private static boolean other(char c) {
        return SPECIAL.indexOf(c) < 0;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private Token next() {
        while (true) {
            while (pos < s.length() && blank(s.charAt(pos))) {
                pos++;
            }
            if (s.startsWith("/*", pos)) {
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unexpected end of comment", null);
                }
                pos = end + 2;
                continue;
            }
            break;
        }
        if (pos >= s.length()) {
            return new Token(Kind.END, "", null);
        }
        int start = pos;
        char c = s.charAt(pos);
        String two = s.substring(pos, Math.min(pos + 2, s.length()));
        Kind op = switch (two) {
            case "&&" -> Kind.AND;
            case "||" -> Kind.OR;
            case "**" -> Kind.ANY;
            case "<=" -> Kind.LESS_EQUAL;
            case "==" -> Kind.EQUAL;
            case "<>", "!=" -> Kind.NOT_EQUAL;
            case ">=" -> Kind.GREATER_EQUAL;
            default -> null;
        };
        if (op != null) {
            pos += 2;
            return new Token(op, two, two);
        }
        if (c == '!' || c == '<' || c == '>') {
            pos++;
            return new Token(c == '!' ? Kind.NOT : c == '<' ? Kind.LESS : Kind.GREATER, String.valueOf(c), String.valueOf(c));
        }
        if (c == '$') {
            if (pos + 1 < s.length() && other(s.charAt(pos + 1))) {
                int end = pos + 1;
                while (end < s.length() && other(s.charAt(end))) {
                    end++;
                }
                pos = end;
                return new Token(Kind.VARIABLE, s.substring(start + 1, end), s.substring(start, end));
            }
            if (at(pos + 1) == '"') {
                pos += 2;
                String value = quoted();
                return new Token(Kind.VARIABLE, value, s.substring(start, pos));
            }
        }
        if (digit(c) || (c == '.' && digit(at(pos + 1)))) {
            return number();
        }
        if (c == '"') {
            pos++;
            String value = quoted();
            return new Token(Kind.STRING, value, s.substring(start, pos));
        }
        if (c == '\\' || other(c)) {
            return identifier();
        }
        pos++;
        return new Token(Kind.CHAR, String.valueOf(c), String.valueOf(c));
    }

    /** integer, decimal or real, and the "trailing junk" and "invalid numeric literal" errors. */
    private Token number() {
        int start = pos;
        int i = pos;
        boolean decimal = false;
        if (s.charAt(i) == '.') {
            decimal = true;
            i++;
            while (digit(at(i))) {
                i++;
            }
        } else {
            if (s.charAt(i) == '0') {
                i++;
            } else {
                while (digit(at(i))) {
                    i++;
                }
            }
            if (at(i) == '.') {
                decimal = true;
                i++;
                while (digit(at(i))) {
                    i++;
                }
            }
        }
        boolean real = false;
        if (at(i) == 'e' || at(i) == 'E') {
            int j = i + 1;
            if (at(j) == '+' || at(j) == '-') {
                j++;
            }
            if (digit(at(j))) {
                while (digit(at(j))) {
                    j++;
                }
                i = j;
                real = true;
            } else if (j > i + 1) {
                throw error("invalid numeric literal", s.substring(start, j));
            }
        }
        if (i < s.length() && other(s.charAt(i))) {
            throw error("trailing junk after numeric literal", s.substring(start, i + 1));
        }
        pos = i;
        String text = s.substring(start, i);
        return new Token(real || decimal ? Kind.NUMERIC : Kind.INT, text, text);
    }

    /** The body of a double-quoted string after the opening quote, escapes decoded. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unexpected end of quoted string", null);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    /** An unquoted key or keyword: "other" characters and backslash escapes. */
    private Token identifier() {
        int start = pos;
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\') {
                escape(out);
            } else if (other(c)) {
                out.append(c);
                pos++;
            } else {
                break;
            }
        }
        String value = out.toString();
        return new Token(keyword(value), value, s.substring(start, pos));
    }

    /** checkKeyword: case-insensitive, except null, true and false. */
    private static Kind keyword(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Kind kind = switch (lower) {
            case "is" -> Kind.IS;
            case "to" -> Kind.TO;
            case "abs" -> Kind.ABS;
            case "lax" -> Kind.LAX;
            case "flag" -> Kind.FLAG;
            case "last" -> Kind.LAST;
            case "null" -> Kind.NULL;
            case "size" -> Kind.SIZE;
            case "true" -> Kind.TRUE;
            case "type" -> Kind.TYPE;
            case "with" -> Kind.WITH;
            case "false" -> Kind.FALSE;
            case "floor" -> Kind.FLOOR;
            case "double" -> Kind.DOUBLE;
            case "exists" -> Kind.EXISTS;
            case "starts" -> Kind.STARTS;
            case "strict" -> Kind.STRICT;
            case "ceiling" -> Kind.CEILING;
            case "unknown" -> Kind.UNKNOWN;
            case "datetime" -> Kind.DATETIME;
            case "keyvalue" -> Kind.KEYVALUE;
            case "like_regex" -> Kind.LIKE_REGEX;
            default -> Kind.IDENT;
        };
        if ((kind == Kind.NULL || kind == Kind.TRUE || kind == Kind.FALSE) && !word.equals(lower)) {
            return Kind.IDENT;
        }
        return kind;
    }

    private void escape(StringBuilder out) {
        char e = at(pos + 1);
        if (pos + 1 >= s.length()) {
            throw error("unexpected end after backslash", null);
        }
        switch (e) {
            case 'b' -> simple(out, '\b');
            case 'f' -> simple(out, '\f');
            case 'n' -> simple(out, '\n');
            case 'r' -> simple(out, '\r');
            case 't' -> simple(out, '\t');
            case 'v' -> simple(out, '\u000b');
            case 'x' -> {
                if (hex(at(pos + 2)) >= 0 && hex(at(pos + 3)) >= 0) {
                    int v = hex(at(pos + 2)) * 16 + hex(at(pos + 3));
                    if (v == 0) {
                        throw PgException.of(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence")
                                .withDetail("\\u0000 cannot be converted to text.");
                    }
                    out.append((char) v);
                    pos += 4;
                } else {
                    throw error("invalid hex character sequence", s.substring(pos, Math.min(s.length(), pos + 3)));
                }
            }
            case 'u' -> unicode(out);
            default -> {
                out.appendCodePoint(s.codePointAt(pos + 1));
                pos += 1 + Character.charCount(s.codePointAt(pos + 1));
            }
        }
    }

    private void simple(StringBuilder out, char c) {
        out.append(c);
        pos += 2;
    }

    private void unicode(StringBuilder out) {
        int start = pos;
        int i = pos + 2;
        int cp;
        if (at(i) == '{') {
            int j = i + 1;
            while (j < s.length() && hex(s.charAt(j)) >= 0 && j - i - 1 < 6) {
                j++;
            }
            if (j == i + 1 || at(j) != '}') {
                throw error("invalid unicode sequence", s.substring(start, Math.min(s.length(), j + 1)));
            }
            cp = Integer.parseInt(s.substring(i + 1, j), 16);
            pos = j + 1;
        } else {
            int j = i;
            while (j < s.length() && j - i < 4 && hex(s.charAt(j)) >= 0) {
                j++;
            }
            if (j - i < 4) {
                throw error("invalid unicode sequence", s.substring(start, j));
            }
            cp = Integer.parseInt(s.substring(i, j), 16);
            pos = j;
        }
        if (cp == 0) {
            throw PgException.of(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence")
                    .withDetail("\\u0000 cannot be converted to text.");
        }
        if (cp >= 0xD800 && cp <= 0xDBFF && s.startsWith("\\u", pos)) {
            int save = pos;
            StringBuilder low = new StringBuilder();
            unicode(low);
            int lo = low.charAt(0);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                out.appendCodePoint(Character.toCodePoint((char) cp, (char) lo));
                return;
            }
            pos = save;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair");
        }
        out.appendCodePoint(cp);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
