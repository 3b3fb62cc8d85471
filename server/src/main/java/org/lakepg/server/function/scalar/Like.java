package org.lakepg.server.function.scalar;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** LIKE / ILIKE matching: {@code %} any run, {@code _} one character, backslash escapes. */
final class Like {
    private Like() {}

    static boolean matches(String text, String pattern, boolean ignoreCase) {
        if (ignoreCase) {
            text = text.toLowerCase(java.util.Locale.ROOT);
            pattern = pattern.toLowerCase(java.util.Locale.ROOT);
        }
        int[] t = text.codePoints().toArray();
        int[] p = pattern.codePoints().toArray();
        return match(t, 0, p, 0);
    }

    private static boolean match(int[] t, int ti, int[] p, int pi) {
        while (pi < p.length) {
            int c = p[pi];
            if (c == '%') {
                while (pi < p.length && p[pi] == '%') {
                    pi++;
                }
                if (pi == p.length) {
                    return true;
                }
                for (int k = ti; k <= t.length; k++) {
                    if (match(t, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length) {
                return false;
            }
            if (c == '_') {
                ti++;
                pi++;
                continue;
            }
            if (c == '\\') {
                pi++;
                if (pi >= p.length) {
                    throw PgException.of(SqlState.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                c = p[pi];
            }
            if (t[ti] != c) {
                return false;
            }
            ti++;
            pi++;
        }
        return ti == t.length;
    }

    /** like_escape(pattern, escape): rewrites a pattern with another escape character to backslashes. */
    static String withEscape(String pattern, String escape) {
        if (escape.isEmpty()) {
            return pattern.replace("\\", "\\\\");
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw PgException.of(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        int e = escape.codePointAt(0);
        if (e == '\\') {
            return pattern;
        }
        StringBuilder out = new StringBuilder();
        int[] p = pattern.codePoints().toArray();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == e) {
                out.append('\\');
                if (i + 1 < p.length) {
                    out.appendCodePoint(p[++i]);
                }
            } else if (p[i] == '\\') {
                out.append("\\\\");
            } else {
                out.appendCodePoint(p[i]);
            }
        }
        return out.toString();
    }
}
