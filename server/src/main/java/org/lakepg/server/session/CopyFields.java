package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Splitting and quoting one line of COPY data, in text and CSV format. */
final class CopyFields {
    private CopyFields() {}

    /** Text format: delimiter-separated, backslash escapes, the null marker compared before de-escaping. */
    static List<String> text(String line, char delimiter, String nullString) {
        List<String> raw = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(c).append(line.charAt(++i));
            } else if (c == delimiter) {
                raw.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        raw.add(field.toString());
        List<String> out = new ArrayList<>();
        for (String f : raw) {
            out.add(f.equals(nullString) ? null : unescape(f));
        }
        return out;
    }

    private static String unescape(String f) {
        if (f.indexOf('\\') < 0) {
            return f;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '\\' || i + 1 >= f.length()) {
                out.append(c);
                continue;
            }
            char n = f.charAt(++i);
            switch (n) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    int end = i + 1;
                    while (end < f.length() && end < i + 3 && Character.digit(f.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) Integer.parseInt(f.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int end = i;
                        while (end < f.length() && end < i + 3 && f.charAt(end) >= '0' && f.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(f.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(n);
                    }
                }
            }
        }
        return out.toString();
    }

    /** CSV: quoted fields may hold delimiters and doubled quotes; an unquoted null marker is NULL. */
    static List<String> csv(String line, char delimiter, char quote, char escape, String nullString) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == escape && i + 1 < line.length() && line.charAt(i + 1) == quote) {
                    field.append(quote);
                    i++;
                } else if (c == quote) {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == quote) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                out.add(!wasQuoted && field.toString().equals(nullString) ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw PgException.of(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
        }
        out.add(!wasQuoted && field.toString().equals(nullString) ? null : field.toString());
        return out;
    }

    static String textEscape(String v, char delimiter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t"); // always escaped, whatever the delimiter (CopyAttributeOutText)
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u000b' -> out.append("\\v");
                default -> {
                    if (c == delimiter) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A CSV field, quoted when it holds the delimiter, the quote, a line break or could be read as NULL (empty). */
    static String csvQuote(String v, char delimiter, char quote) {
        boolean needs = v.isEmpty() || v.indexOf(delimiter) >= 0 || v.indexOf(quote) >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0;
        String q = String.valueOf(quote);
        return needs ? q + v.replace(q, q + q) + q : v;
    }
}
