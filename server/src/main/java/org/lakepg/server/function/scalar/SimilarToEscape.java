package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SIMILAR TO patterns rewritten as POSIX regular expressions (similar_to_escape): % and _ become .*
 * and ., groups become non-capturing, and the escape-double-quote separators of
 * {@code substring(x similar p escape e)} mark the part to return.
 */
public final class SimilarToEscape {
    private SimilarToEscape() {}

    public static void register(FunctionRegistry r) {
        r.register("similar_to_escape_1", (x, c) -> translate((String) x[0], "\\"));
        r.register("similar_to_escape_2", (x, c) -> translate((String) x[0], (String) x[1]));
        // the pre-13 non-strict form: NULL escape means the default backslash
        r.register("similar_escape", (x, c) -> x[0] == null ? null
                : translate((String) x[0], x[1] == null ? "\\" : (String) x[1]));
    }

    /** similar_to_escape(constant pattern [, constant escape]) as the constant regular expression it gives. */
    public static org.lakepg.server.sql.plan.expr.BoundExpr foldConstant(org.lakepg.server.sql.plan.expr.BoundExpr e) {
        if (e instanceof org.lakepg.server.sql.plan.expr.FuncExpr f && f.source() != null
                && f.source().startsWith("similar_to_escape_")
                && f.arguments().stream().allMatch(a -> a instanceof org.lakepg.server.sql.plan.expr.Const c
                        && c.value() instanceof String)) {
            String pattern = (String) ((org.lakepg.server.sql.plan.expr.Const) f.arguments().get(0)).value();
            String escape = f.arguments().size() > 1
                    ? (String) ((org.lakepg.server.sql.plan.expr.Const) f.arguments().get(1)).value() : "\\";
            return new org.lakepg.server.sql.plan.expr.Const(f.type(), -1, translate(pattern, escape));
        }
        return e;
    }

    static String translate(String pattern, String escape) {
        int e = -1;
        if (!escape.isEmpty()) {
            if (escape.codePointCount(0, escape.length()) != 1) {
                throw PgException.of(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                        .withHint("Escape string must be empty or one character.");
            }
            e = escape.codePointAt(0);
        }
        StringBuilder out = new StringBuilder("^(?:");
        boolean afterEscape = false;
        int classDepth = 0;
        int classStart = 0;
        int quotes = 0;
        int[] p = pattern.codePoints().toArray();
        // PostgreSQL marks the part before the first separator {1,1}? (non-greedy), which its regex engine applies
        // to every quantifier inside; java.util.regex needs each of them made reluctant to match as little
        boolean separated = hasSeparator(p, e);
        for (int cp : p) {
            boolean reluctant = separated && quotes == 0;
            if (afterEscape) {
                if (cp == '"' && classDepth == 0) {
                    if (quotes == 0) {
                        out.append("){1,1}?(");
                    } else if (quotes == 1) {
                        out.append("){1,1}(?:");
                    } else {
                        throw PgException.of(SqlState.INVALID_USE_OF_ESCAPE_CHARACTER,
                                "SQL regular expression may not contain more than two escape-double-quote separators");
                    }
                    quotes++;
                } else {
                    out.append('\\').appendCodePoint(cp);
                    classStart = 3; // an escaped member: a following ']' closes the class
                }
                afterEscape = false;
            } else if (e >= 0 && cp == e) {
                afterEscape = true;
            } else if (classDepth > 0) {
                if (cp == '\\') {
                    out.append('\\');
                }
                out.appendCodePoint(cp);
                // a ']' right after '[' or '[^' is a member, not the end; [:alpha:] nests one level
                if (cp == ']' && classStart > 2) {
                    classDepth--;
                } else if (cp == '[') {
                    classDepth++;
                }
                classStart = cp == '^' ? classStart + 1 : 3;
            } else if (cp == '[') {
                out.append('[');
                classDepth = 1;
                classStart = 1;
            } else if (cp == '%') {
                out.append(reluctant ? ".*?" : ".*");
            } else if (reluctant && (cp == '*' || cp == '+' || cp == '?' || cp == '}')) {
                out.appendCodePoint(cp).append('?');
            } else if (cp == '_') {
                out.append('.');
            } else if (cp == '(') {
                out.append("(?:");
            } else if (cp == '\\' || cp == '.' || cp == '^' || cp == '$') {
                out.append('\\').appendCodePoint(cp);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.append(")$").toString();
    }

    /** Whether an escape-double-quote separator occurs outside a bracket expression. */
    private static boolean hasSeparator(int[] pattern, int escape) {
        for (int i = 0; escape >= 0 && i + 1 < pattern.length; i++) {
            if (pattern[i] == escape) {
                if (pattern[i + 1] == '"') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
