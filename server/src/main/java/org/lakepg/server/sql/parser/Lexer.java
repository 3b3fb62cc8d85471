package org.lakepg.server.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Turns SQL text into tokens by PostgreSQL 15's lexical rules (scan.l): case folding,
 * quoted and Unicode identifiers, every string syntax, numbers, parameters, comments and
 * the operator rules (longest match, no embedded comment starts, trailing +/- stripped).
 */
public final class Lexer {
    private static final int NAMEDATALEN = 64;
    private static final String OP_CHARS = "~!@#^&|`?+-*/%<>=";
    private static final String NON_MATH_OP_CHARS = "~!@#^&|`?%";
    private static final String SELF_CHARS = ",()[].;:+-*/%^<>=";

    private final String src;
    private final boolean standardConformingStrings;
    private final List<Token> tokens = new ArrayList<>();
    private PgException error;
    /** The warnings of backslashes in plain strings while standard_conforming_strings is off (scan.l's). */
    private final List<PgException> escapeWarnings = new ArrayList<>();
    /** Whether the string being read is a plain one that has not warned yet (warn_on_first_escape). */
    private boolean warnOnFirstEscape;
    private int pos;

    private Lexer(String src, boolean standardConformingStrings) {
        this.src = src;
        this.standardConformingStrings = standardConformingStrings;
    }

    /** Tokens up to a lexical error (an ERROR token) or the end of the text, and that error if any. */
    public record Lexed(List<Token> tokens, PgException error) {
    }

    /** All tokens of {@code sql}, ending with one EOF token placed at the end of the text; throws lexical errors. */
    public static List<Token> tokenize(String sql, boolean standardConformingStrings) {
        Lexed lexed = lex(sql, standardConformingStrings);
        if (lexed.error() != null) {
            throw lexed.error();
        }
        return lexed.tokens();
    }

    /**
     * The WARNINGs PostgreSQL's scanner gives for the first backslash of each plain string literal of {@code sql}
     * read with standard_conforming_strings off (escape_string_warning), positioned at the literal.
     */
    public static List<PgException> escapeStringWarnings(String sql) {
        Lexer lexer = new Lexer(sql, false);
        lexer.run();
        return lexer.escapeWarnings;
    }

    /** Like {@link #tokenize} but a lexical error ends the list as an ERROR token, for the parser to raise on arrival. */
    public static Lexed lex(String sql, boolean standardConformingStrings) {
        Lexer lexer = new Lexer(sql, standardConformingStrings);
        lexer.run();
        return new Lexed(lexer.tokens, lexer.error);
    }

    private void run() {
        int n = src.length();
        while (true) {
            try {
                skipWhitespaceAndComments();
            } catch (PgException e) {
                stopAt(e);
                return;
            }
            if (pos >= n) {
                tokens.add(new Token(TokenKind.EOF, "", n, n, null));
                return;
            }
            int start = pos;
            try {
                lexToken();
            } catch (PgException e) {
                pos = start;
                stopAt(e);
                return;
            }
        }
    }

    private void stopAt(PgException e) {
        error = e;
        int at = e.position() > 0 ? e.position() - 1 : pos;
        tokens.add(new Token(TokenKind.ERROR, e.getMessage(), at, at, null));
        tokens.add(new Token(TokenKind.EOF, "", src.length(), src.length(), null));
    }

    private void lexToken() {
        int n = src.length();
        char c = src.charAt(pos);
        int start = pos;
        if (isIdentStart(c)) {
            lexWordOrPrefixedString(start);
        } else if (c >= '0' && c <= '9' || c == '.' && pos + 1 < n && isDigit(src.charAt(pos + 1))) {
            lexNumber(start);
        } else if (c == '\'') {
            pos++;
            warnOnFirstEscape = !standardConformingStrings;
            finishString(start, standardConformingStrings ? StringStyle.STANDARD : StringStyle.ESCAPE);
            warnOnFirstEscape = false;
        } else if (c == '"') {
            pos++;
            String ident = readQuotedIdentifier(start);
            tokens.add(new Token(TokenKind.IDENT, truncate(ident), start, pos, null));
        } else if (c == '$') {
            lexDollar(start);
        } else if (OP_CHARS.indexOf(c) >= 0) {
            lexOperator(start);
        } else if (c == ':') {
            if (at(pos + 1) == ':') {
                add(TokenKind.PUNCT, "::", start, pos += 2);
            } else if (at(pos + 1) == '=') {
                add(TokenKind.PUNCT, ":=", start, pos += 2);
            } else {
                add(TokenKind.PUNCT, ":", start, ++pos);
            }
        } else if (c == '.' && at(pos + 1) == '.') {
            add(TokenKind.PUNCT, "..", start, pos += 2);
        } else {
            // ( ) [ ] , ; . and anything else the grammar will reject as a syntax error
            add(TokenKind.PUNCT, String.valueOf(c), start, ++pos);
        }
    }

    private void add(TokenKind kind, String value, int start, int end) {
        tokens.add(new Token(kind, value, start, end, null));
    }

    private char at(int i) {
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private void skipWhitespaceAndComments() {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && at(pos + 1) == '-') {
                while (pos < n && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && at(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        int n = src.length();
        while (pos < n) {
            if (src.charAt(pos) == '/' && at(pos + 1) == '*') {
                depth++;
                pos += 2;
            } else if (src.charAt(pos) == '*' && at(pos + 1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw error("unterminated /* comment", start, n);
    }

    private void lexWordOrPrefixedString(int start) {
        char c = src.charAt(pos);
        char next = at(pos + 1);
        char lower = Character.toLowerCase(c);
        if (next == '\'') {
            switch (lower) {
                case 'b' -> {
                    pos += 2;
                    finishBitString(start, 'b');
                    return;
                }
                case 'x' -> {
                    pos += 2;
                    finishBitString(start, 'x');
                    return;
                }
                case 'e' -> {
                    pos += 2;
                    finishString(start, StringStyle.ESCAPE);
                    return;
                }
                case 'n' -> {
                    // N'...' is the type name NCHAR followed by a plain string, as in scan.l
                    tokens.add(new Token(TokenKind.KEYWORD, "nchar", start, start + 1, Keywords.lookup("nchar")));
                    pos += 2;
                    finishString(start + 1, standardConformingStrings ? StringStyle.STANDARD : StringStyle.ESCAPE);
                    return;
                }
                default -> { }
            }
        }
        if (lower == 'u' && next == '&' && (at(pos + 2) == '\'' || at(pos + 2) == '"')) {
            lexUnicode(start);
            return;
        }
        int n = src.length();
        while (pos < n && isIdentCont(src.charAt(pos))) {
            pos++;
        }
        String word = downcase(src.substring(start, pos));
        Keywords.Keyword kw = Keywords.lookup(word);
        if (kw != null) {
            tokens.add(new Token(TokenKind.KEYWORD, word, start, pos, kw));
        } else {
            tokens.add(new Token(TokenKind.IDENT, truncate(word), start, pos, null));
        }
    }

    /** PostgreSQL folds only ASCII letters. */
    private static String downcase(String word) {
        StringBuilder sb = null;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(word);
                }
                sb.setCharAt(i, (char) (ch + 32));
            }
        }
        return sb == null ? word : sb.toString();
    }

    /** Identifiers longer than NAMEDATALEN-1 bytes are truncated, as PostgreSQL does. */
    private static String truncate(String ident) {
        if (ident.length() < NAMEDATALEN / 4) {
            return ident;
        }
        byte[] bytes = ident.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length < NAMEDATALEN) {
            return ident;
        }
        int len = NAMEDATALEN - 1;
        while (len > 0 && (bytes[len] & 0xC0) == 0x80) {
            len--;
        }
        return new String(bytes, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    private enum StringStyle { STANDARD, ESCAPE }

    /** Reads a quoted string whose opening quote is consumed, plus continuations across newlines. */
    private void finishString(int start, StringStyle style) {
        StringBuilder value = new StringBuilder();
        while (true) {
            readStringBody(start, style, value);
            if (!continuesOnNextLine()) {
                break;
            }
        }
        tokens.add(new Token(TokenKind.SCONST, value.toString(), start, pos, null));
    }

    /**
     * SQL's rule that 'a' followed by white space containing a newline and 'b' is one string.
     * Leaves pos after the next opening quote when it applies.
     */
    private boolean continuesOnNextLine() {
        int p = pos;
        boolean newline = false;
        int n = src.length();
        while (p < n) {
            char c = src.charAt(p);
            if (c == '\n' || c == '\r') {
                newline = true;
                p++;
            } else if (isSpace(c)) {
                p++;
            } else if (c == '-' && p + 1 < n && src.charAt(p + 1) == '-' && newline) {
                while (p < n && src.charAt(p) != '\n') {
                    p++;
                }
            } else {
                break;
            }
        }
        if (newline && p < n && src.charAt(p) == '\'') {
            pos = p + 1;
            return true;
        }
        return false;
    }

    private void readStringBody(int start, StringStyle style, StringBuilder value) {
        int n = src.length();
        while (true) {
            if (pos >= n) {
                throw error("unterminated quoted string", start, n);
            }
            char c = src.charAt(pos);
            if (c == '\\' && style == StringStyle.ESCAPE) {
                if (warnOnFirstEscape) {
                    escapeWarnings.add(escapeWarning(at(pos + 1), start));
                    warnOnFirstEscape = false;
                }
                readEscape(start, value);
                continue;
            }
            flushBytes(value);
            if (c == '\'') {
                if (at(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            value.append(c);
            pos++;
        }
    }

    private static PgException escapeWarning(char escaped, int start) {
        PgException w = switch (escaped) {
            case '\'' -> PgException.of(SqlState.NONSTANDARD_USE_OF_ESCAPE_CHARACTER,
                    "nonstandard use of \\' in a string literal")
                    .withHint("Use '' to write quotes in strings, or use the escape string syntax (E'...').");
            case '\\' -> PgException.of(SqlState.NONSTANDARD_USE_OF_ESCAPE_CHARACTER,
                    "nonstandard use of \\\\ in a string literal")
                    .withHint("Use the escape string syntax for backslashes, e.g., E'\\\\'.");
            default -> PgException.of(SqlState.NONSTANDARD_USE_OF_ESCAPE_CHARACTER,
                    "nonstandard use of escape in a string literal")
                    .withHint("Use the escape string syntax for escapes, e.g., E'\\r\\n'.");
        };
        return w.withSeverity(PgException.Severity.WARNING).withPosition(start + 1);
    }

    private void readEscape(int start, StringBuilder value) {
        int escapeStart = pos;
        pos++;
        if (pos >= src.length()) {
            throw error("unterminated quoted string", start, src.length());
        }
        char c = src.charAt(pos);
        boolean byteEscape = c == 'x' && Character.digit(at(pos + 1), 16) >= 0 || c >= '0' && c <= '7';
        if (!byteEscape) {
            flushBytes(value);
        }
        switch (c) {
            case 'b' -> { value.append('\b'); pos++; }
            case 'f' -> { value.append('\f'); pos++; }
            case 'n' -> { value.append('\n'); pos++; }
            case 'r' -> { value.append('\r'); pos++; }
            case 't' -> { value.append('\t'); pos++; }
            case 'v' -> { value.append((char) 0x0B); pos++; }
            case 'x' -> {
                int p = pos + 1;
                int v = 0;
                int digits = 0;
                while (digits < 2 && p < src.length() && Character.digit(src.charAt(p), 16) >= 0) {
                    v = v * 16 + Character.digit(src.charAt(p), 16);
                    p++;
                    digits++;
                }
                if (digits == 0) {
                    value.append('x');
                    pos++;
                } else {
                    pendingBytes.write(v);
                    pos = p;
                }
            }
            case 'u', 'U' -> {
                int len = c == 'u' ? 4 : 8;
                int cp = hexRun(pos + 1, len);
                if (cp < 0) {
                    throw PgException.of(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape")
                            .withHint("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.")
                            .withPosition(escapeStart + 1);
                }
                pos += 1 + len;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    int low = lowSurrogateEscapeAt(pos);
                    if (low < 0) {
                        throw error("invalid Unicode surrogate pair", pos, pos + surrogateFailTextLength(pos));
                    }
                    value.append((char) cp).append((char) low);
                    pos += at(pos + 1) == 'u' ? 6 : 10;
                    return;
                }
                if (cp == 0 || cp > 0x10FFFF) {
                    throw error("invalid Unicode escape value", escapeStart, pos);
                }
                appendCodePoint(value, cp, escapeStart, true);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int v = 0;
                    int digits = 0;
                    while (digits < 3 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') {
                        v = v * 8 + (src.charAt(pos) - '0');
                        pos++;
                        digits++;
                    }
                    pendingBytes.write(v & 0xFF);
                } else {
                    value.append(c);
                    pos++;
                }
            }
        }
    }

    /** Bytes from \\ooo and \\xhh escapes, decoded as UTF-8 (the server encoding) once the run of them ends. */
    private final java.io.ByteArrayOutputStream pendingBytes = new java.io.ByteArrayOutputStream();

    private void flushBytes(StringBuilder value) {
        if (pendingBytes.size() == 0) {
            return;
        }
        byte[] bytes = pendingBytes.toByteArray();
        pendingBytes.reset();
        int bad = firstInvalidUtf8(bytes);
        if (bad >= 0) {
            int len = Math.min(utf8SequenceLength(bytes[bad]), bytes.length - bad);
            StringBuilder shown = new StringBuilder();
            for (int i = bad; i < bad + Math.max(1, len); i++) {
                shown.append(shown.isEmpty() ? "" : " ").append(String.format("0x%02x", bytes[i] & 0xFF));
            }
            throw PgException.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE, "invalid byte sequence for encoding \"UTF8\": %s",
                    shown);
        }
        value.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int utf8SequenceLength(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }

    /** Index of the first byte that does not start a valid UTF-8 sequence (NUL included), or -1. */
    private static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return i;
            }
            int len = utf8SequenceLength(bytes[i]);
            if (b >= 0x80 && (b < 0xC2 || b > 0xF4) || i + len > bytes.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += len;
        }
        return -1;
    }

    private int hexRun(int from, int len) {
        if (from + len > src.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int d = Character.digit(src.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The low surrogate a \\uXXXX or \\UXXXXXXXX escape at {@code p} gives, or -1. */
    private int lowSurrogateEscapeAt(int p) {
        if (at(p) != '\\' || at(p + 1) != 'u' && at(p + 1) != 'U') {
            return -1;
        }
        int cp = hexRun(p + 2, at(p + 1) == 'u' ? 4 : 8);
        return cp >= 0xDC00 && cp <= 0xDFFF ? cp : -1;
    }

    /** How much of the text after a lone high surrogate PostgreSQL's scanner quotes in its error. */
    private int surrogateFailTextLength(int p) {
        if (at(p) == '\\' && (at(p + 1) == 'u' || at(p + 1) == 'U')) {
            int len = at(p + 1) == 'u' ? 6 : 10;
            if (hexRun(p + 2, len - 2) >= 0) {
                return len;
            }
        }
        return p < src.length() ? 1 : 0;
    }

    private void appendCodePoint(StringBuilder value, int cp, int escapeStart, boolean eString) {
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            value.append((char) cp);
            return;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            if (value.isEmpty() || !Character.isHighSurrogate(value.charAt(value.length() - 1))) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair")
                        .withPosition(escapeStart + 1);
            }
            value.append((char) cp);
            return;
        }
        if (cp == 0 || cp > 0x10FFFF) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode escape value")
                    .withPosition(escapeStart + 1);
        }
        value.appendCodePoint(cp);
    }

    private void finishBitString(int start, char kind) {
        StringBuilder value = new StringBuilder().append(kind);
        int n = src.length();
        while (true) {
            while (pos < n && src.charAt(pos) != '\'') {
                value.append(src.charAt(pos++));
            }
            if (pos >= n) {
                throw error(kind == 'b' ? "unterminated bit string literal" : "unterminated hexadecimal string literal",
                        start, n);
            }
            pos++;
            if (!continuesOnNextLine()) {
                break;
            }
        }
        tokens.add(new Token(kind == 'b' ? TokenKind.BCONST : TokenKind.XCONST, value.toString(), start, pos, null));
    }

    private String readQuotedIdentifier(int start) {
        StringBuilder value = new StringBuilder();
        int n = src.length();
        while (true) {
            if (pos >= n) {
                throw error("unterminated quoted identifier", start, n);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                if (at(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            value.append(c);
            pos++;
        }
        if (value.isEmpty()) {
            throw error("zero-length delimited identifier", start, pos);
        }
        return value.toString();
    }

    /** U&'...' and U&"..." with an optional UESCAPE 'c' after them. */
    private void lexUnicode(int start) {
        boolean isString = at(pos + 2) == '\'';
        if (isString && !standardConformingStrings) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "unsafe use of string constant with Unicode escapes")
                    .withDetail("String constants with Unicode escapes cannot be used when standard_conforming_strings"
                            + " is off.")
                    .withPosition(start + 1);
        }
        pos += 3;
        String raw;
        if (isString) {
            StringBuilder body = new StringBuilder();
            while (true) {
                readStringBody(start, StringStyle.STANDARD, body);
                if (!continuesOnNextLine()) {
                    break;
                }
            }
            raw = body.toString();
        } else {
            raw = readQuotedIdentifier(start);
        }
        int bodyStart = start + 3;
        int end = pos;
        char escape = '\\';
        int save = pos;
        skipWhitespaceAndComments();
        if (pos + 7 <= src.length() && src.regionMatches(true, pos, "uescape", 0, 7)
                && !(pos + 7 < src.length() && isIdentCont(src.charAt(pos + 7)))) {
            pos += 7;
            skipWhitespaceAndComments();
            int litStart = pos;
            if (at(pos) != '\'') {
                throw error("UESCAPE must be followed by a simple string literal", litStart,
                        Math.min(src.length(), litStart + 1));
            }
            pos++;
            StringBuilder lit = new StringBuilder();
            readStringBody(litStart, StringStyle.STANDARD, lit);
            if (lit.length() != 1 || isInvalidUescape(lit.charAt(0))) {
                throw error("invalid Unicode escape character", litStart, pos);
            }
            escape = lit.charAt(0);
            end = pos;
        } else {
            pos = save;
        }
        String value = decodeUnicode(raw, escape, bodyStart);
        if (isString) {
            tokens.add(new Token(TokenKind.SCONST, value, start, end, null));
        } else {
            if (value.isEmpty()) {
                throw error("zero-length delimited identifier", start, end);
            }
            tokens.add(new Token(TokenKind.IDENT, truncate(value), start, end, null));
        }
    }

    private static boolean isInvalidUescape(char c) {
        return Character.digit(c, 16) >= 0 || c == '+' || c == '\'' || c == '"' || isSpace(c);
    }

    private String decodeUnicode(String raw, char escape, int bodyStart) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != escape) {
                out.append(c);
                continue;
            }
            int escPos = bodyStart + i;
            if (i + 1 < raw.length() && raw.charAt(i + 1) == escape) {
                out.append(escape);
                i++;
                continue;
            }
            int cp;
            int len;
            if (i + 1 < raw.length() && raw.charAt(i + 1) == '+') {
                cp = hexOf(raw, i + 2, 6);
                len = 8;
            } else {
                cp = hexOf(raw, i + 1, 4);
                len = 5;
            }
            if (cp < 0) {
                throw PgException.of(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape")
                        .withHint("Unicode escapes must be \\XXXX or \\+XXXXXX.")
                        .withPosition(escPos + 1);
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int next = i + len;
                int low = -1;
                if (next < raw.length() && raw.charAt(next) == escape) {
                    int lowLen = next + 1 < raw.length() && raw.charAt(next + 1) == '+' ? 8 : 5;
                    low = lowLen == 8 ? hexOf(raw, next + 2, 6) : hexOf(raw, next + 1, 4);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        out.append((char) cp).append((char) low);
                        i = next + lowLen - 1;
                        continue;
                    }
                }
                throw PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair")
                        .withPosition(bodyStart + next + 1);
            }
            appendCodePoint(out, cp, escPos, false);
            i += len - 1;
        }
        return out.toString();
    }

    private static int hexOf(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private void lexDollar(int start) {
        int n = src.length();
        if (isDigit(at(pos + 1))) {
            pos++;
            while (pos < n && isDigit(src.charAt(pos))) {
                pos++;
            }
            if (pos < n && isIdentStart(src.charAt(pos))) {
                while (pos < n && isIdentCont(src.charAt(pos))) {
                    pos++;
                }
                throw error("trailing junk after parameter", start, pos);
            }
            String digits = src.substring(start + 1, pos);
            if (digits.length() > 9) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "parameter number too large").withPosition(start + 1);
            }
            add(TokenKind.PARAM, digits, start, pos);
            return;
        }
        // $tag$ ... $tag$ (tag may be empty)
        int p = pos + 1;
        if (p < n && isIdentStart(src.charAt(p))) {
            while (p < n && (isIdentStart(src.charAt(p)) || isDigit(src.charAt(p)))) {
                p++;
            }
        }
        if (p < n && src.charAt(p) == '$') {
            String delimiter = src.substring(start, p + 1);
            int bodyStart = p + 1;
            int close = src.indexOf(delimiter, bodyStart);
            if (close < 0) {
                throw error("unterminated dollar-quoted string", start, n);
            }
            pos = close + delimiter.length();
            add(TokenKind.SCONST, src.substring(bodyStart, close), start, pos);
            return;
        }
        add(TokenKind.PUNCT, "$", start, ++pos);
    }

    private void lexNumber(int start) {
        int n = src.length();
        boolean isInteger = true;
        while (pos < n && isDigit(src.charAt(pos))) {
            pos++;
        }
        if (at(pos) == '.' && at(pos + 1) != '.') {
            isInteger = false;
            pos++;
            while (pos < n && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        char e = at(pos);
        if (e == 'e' || e == 'E') {
            int p = pos + 1;
            if (at(p) == '+' || at(p) == '-') {
                p++;
            }
            if (isDigit(at(p))) {
                isInteger = false;
                pos = p;
                while (pos < n && isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else if (p > pos + 1) {
                // "1e+" without exponent digits: scan.l's realfail
                throw error("trailing junk after numeric literal", start, p);
            }
        }
        if (pos < n && isIdentStart(src.charAt(pos))) {
            while (pos < n && isIdentCont(src.charAt(pos))) {
                pos++;
            }
            throw error("trailing junk after numeric literal", start, pos);
        }
        String text = src.substring(start, pos);
        if (isInteger && fitsInt4(text)) {
            add(TokenKind.ICONST, text, start, pos);
        } else {
            add(TokenKind.FCONST, text, start, pos);
        }
    }

    private static boolean fitsInt4(String digits) {
        if (digits.length() > 10) {
            return false;
        }
        return Long.parseLong(digits) <= Integer.MAX_VALUE;
    }

    private void lexOperator(int start) {
        int n = src.length();
        int end = pos;
        while (end < n && OP_CHARS.indexOf(src.charAt(end)) >= 0) {
            // a comment start ends the operator, as in scan.l
            if (end > pos && (src.startsWith("--", end) || src.startsWith("/*", end))) {
                break;
            }
            end++;
        }
        int len = end - pos;
        if (len > 1 && (src.charAt(end - 1) == '+' || src.charAt(end - 1) == '-')) {
            boolean hasNonMath = false;
            for (int i = pos; i < end; i++) {
                if (NON_MATH_OP_CHARS.indexOf(src.charAt(i)) >= 0) {
                    hasNonMath = true;
                    break;
                }
            }
            if (!hasNonMath) {
                while (len > 1 && (src.charAt(pos + len - 1) == '+' || src.charAt(pos + len - 1) == '-')) {
                    len--;
                }
            }
        }
        String op = src.substring(pos, pos + len);
        pos += len;
        if (len == 1 && SELF_CHARS.indexOf(op.charAt(0)) >= 0) {
            add(TokenKind.OP, op, start, pos);
        } else if (op.equals("=>")) {
            add(TokenKind.PUNCT, "=>", start, pos);
        } else if (op.equals("!=")) {
            add(TokenKind.OP, "<>", start, pos);
        } else {
            if (op.length() >= NAMEDATALEN) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "operator too long at or near \"%s\"", op)
                        .withPosition(start + 1);
            }
            add(TokenKind.OP, op, start, pos);
        }
    }

    private PgException error(String message, int start, int end) {
        return PgException.of(SqlState.SYNTAX_ERROR, "%s at or near \"%s\"", message, src.substring(start, end))
                .withPosition(start + 1);
    }
}
