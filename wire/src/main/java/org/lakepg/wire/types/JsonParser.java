package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** A strict JSON (RFC 8259) parser with PostgreSQL's error reports; builds the jsonb tree. */
final class JsonParser {

    private final String text;
    private final boolean forJsonb;
    private int pos;
    private int depth;
    /** Nesting limit; deep enough for any real document, shallow enough for a default thread stack. */
    private static final int MAX_DEPTH = 2000;

    private JsonParser(String text, boolean forJsonb) {
        this.text = text;
        this.forJsonb = forJsonb;
    }

    /** Parses a whole document; forJsonb rejects \u0000 as jsonb does. */
    static Jsonb parse(String text, boolean forJsonb) {
        JsonParser parser = new JsonParser(text, forJsonb);
        parser.skipSpace();
        Jsonb value;
        try {
            value = parser.value();
        } catch (StackOverflowError e) {
            // the thread's stack ran out before MAX_DEPTH: the same report as PostgreSQL's stack check
            throw PgException.stackDepthExceeded();
        }
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.expected("end of input");
        }
        return value;
    }

    private Jsonb value() {
        if (++depth > MAX_DEPTH) {
            // PostgreSQL's check_stack_depth(); here it keeps a hostile document from overflowing our stack
            throw PgException.stackDepthExceeded();
        }
        try {
            return valueAtDepth();
        } finally {
            depth--;
        }
    }

    private Jsonb valueAtDepth() {
        if (pos >= text.length()) {
            throw syntax("The input string ended unexpectedly.", text.length());
        }
        char c = text.charAt(pos);
        if (c == '}' || c == ']' || c == ',' || c == ':') {
            throw syntax("Expected JSON value, but found \"%c\".".formatted(c), pos + 1);
        }
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new Jsonb.Str(string());
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
            default -> keyword();
        };
    }

    private Jsonb object() {
        pos++;
        List<Map.Entry<String, Jsonb>> members = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return Jsonb.Obj.of(members);
        }
        boolean first = true;
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw expected(first ? "string or \"}\"" : "string");
            }
            first = false;
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw expected("\":\"");
            }
            pos++;
            skipSpace();
            members.add(Map.entry(key, value()));
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return Jsonb.Obj.of(members);
            }
            if (c != ',') {
                pos--;
                throw expected("\",\" or \"}\"");
            }
        }
    }

    private Jsonb array() {
        pos++;
        List<Jsonb> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new Jsonb.Array(elements);
        }
        while (true) {
            skipSpace();
            elements.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new Jsonb.Array(elements);
            }
            if (c != ',') {
                pos--;
                throw expected("\",\" or \"]\"");
            }
        }
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw syntax("Token \"%s\" is invalid.".formatted(text.substring(start)), text.length());
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw syntax("Character with value 0x%02x must be escaped.".formatted((int) c), pos - 1);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw syntax("The input string ended unexpectedly.", text.length());
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw syntax("Escape sequence \"\\%c\" is invalid.".formatted(e), pos);
            }
        }
    }

    private String unicodeEscape() {
        int code = hex4();
        if (!forJsonb) {
            // json only validates: like PostgreSQL it does not pair surrogates or reject \u0000
            return String.valueOf((char) code);
        }
        if (Character.isHighSurrogate((char) code)) {
            if (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                pos += 2;
                int low = hex4();
                if (Character.isHighSurrogate((char) low)) {
                    throw syntax("Unicode high surrogate must not be followed by another high surrogate.", pos);
                }
                if (!Character.isLowSurrogate((char) low)) {
                    throw syntax("Unicode low surrogate must follow a high surrogate.", pos);
                }
                return new String(new char[] {(char) code, (char) low});
            }
            throw syntax("Unicode low surrogate must follow a high surrogate.", Math.min(pos + 1, text.length()));
        }
        if (Character.isLowSurrogate((char) code)) {
            throw syntax("Unicode low surrogate must follow a high surrogate.", pos);
        }
        if (code == 0 && forJsonb) {
            throw PgException.of(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence")
                    .withDetail("\\u0000 cannot be converted to text.").withContext(context(pos, false));
        }
        return String.valueOf((char) code);
    }

    private int hex4() {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            if (pos + i >= text.length()) {
                throw syntax("\"\\u\" must be followed by four hexadecimal digits.", text.length());
            }
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw syntax("\"\\u\" must be followed by four hexadecimal digits.", pos + i + 1);
            }
            code = code << 4 | d;
        }
        pos += 4;
        return code;
    }

    private Jsonb number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw invalidNumber(start);
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw invalidNumber(start);
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw invalidNumber(start);
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (isWordChar(peek())) {
            throw invalidNumber(start);
        }
        return new Jsonb.Number(NumericType.INSTANCE.parseText(text.substring(start, pos)));
    }

    private Jsonb keyword() {
        int start = pos;
        while (isWordChar(peek())) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "true" -> new Jsonb.Bool(true);
            case "false" -> new Jsonb.Bool(false);
            case "null" -> new Jsonb.Null();
            default -> throw unexpectedTokenAt(start);
        };
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return c != '\0' && !TypeErrors.isSpace(c) && "{}[],:\"".indexOf(c) < 0;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private PgException expected(String what) {
        if (pos >= text.length()) {
            return syntax("The input string ended unexpectedly.", text.length());
        }
        if (!startsValidToken(text.charAt(pos))) {
            return unexpectedTokenAt(pos);
        }
        String found = token(pos);
        return syntax("Expected %s, but found \"%s\".".formatted(what, found), pos + found.length());
    }

    /** Whether a character can begin a JSON token (else the lexer reports the token invalid). */
    private boolean startsValidToken(char c) {
        if ("{}[],:\"-".indexOf(c) >= 0 || isDigit(c)) {
            return true;
        }
        String word = token(pos);
        return word.equals("true") || word.equals("false") || word.equals("null");
    }

    private PgException unexpectedTokenAt(int start) {
        if (start >= text.length()) {
            return syntax("The input string ended unexpectedly.", text.length());
        }
        String token = token(start);
        return syntax("Token \"%s\" is invalid.".formatted(token), start + token.length());
    }

    /** The lexer's token at start: a run of alphanumerics (as JSON_ALPHANUMERIC_CHAR), else one character. */
    private String token(int start) {
        if (text.charAt(start) == '"') {
            int end = start + 1;
            while (end < text.length() && text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            return text.substring(start, Math.min(end + 1, text.length()));
        }
        int end = start;
        while (end < text.length() && isAlphanumeric(text.charAt(end))) {
            end++;
        }
        return end == start ? text.substring(start, start + 1) : text.substring(start, end);
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c >= 0x80;
    }

    /** A malformed number: the token runs over the number's characters and any alphanumerics after. */
    private PgException invalidNumber(int start) {
        int end = start;
        while (end < text.length() && (isAlphanumeric(text.charAt(end)) || ".+-".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        int terminator = Math.min(Math.max(end, start + 1), text.length());
        return syntax("Token \"%s\" is invalid.".formatted(text.substring(start, terminator)), terminator);
    }

    /** A syntax error whose offending token ends at {@code terminator} (exclusive). */
    private PgException syntax(String detail, int terminator) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json")
                .withDetail(detail).withContext(context(terminator, terminator >= text.length()));
    }

    /**
     * PostgreSQL's report_json_context: the line of the error up to the end of the offending token, at most
     * about 50 characters of it ("..." before when cut, "..." after when the line goes on).
     */
    private String context(int terminator, boolean atEnd) {
        int end = Math.min(terminator, text.length());
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int start = lineStart;
        while (end - start >= 50) {
            start++;
        }
        if (start - lineStart <= 3) {
            start = lineStart;
        }
        String prefix = start > lineStart ? "..." : "";
        String suffix = !atEnd && end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r' ? "..." : "";
        return "JSON data, line %d: %s%s%s".formatted(line, prefix, text.substring(start, end), suffix);
    }
}
