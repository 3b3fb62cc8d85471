package org.lakepg.server.function.scalar;

import java.util.regex.MatchResult;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * POSIX regular expression operators (~ ~* !~ !~* on text, name, bpchar), substring(x from re), and
 * regexp_replace / regexp_count / regexp_instr / regexp_like / regexp_substr. Positions count characters.
 */
public final class RegexFunctions {
    private RegexFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("textregexeq", (x, c) -> find(s(x[0]), s(x[1]), PosixRegex.Options.DEFAULT));
        r.register("textregexne", (x, c) -> !find(s(x[0]), s(x[1]), PosixRegex.Options.DEFAULT));
        r.register("texticregexeq", (x, c) -> find(s(x[0]), s(x[1]), PosixRegex.Options.IGNORE_CASE));
        r.register("texticregexne", (x, c) -> !find(s(x[0]), s(x[1]), PosixRegex.Options.IGNORE_CASE));
        r.register("nameregexeq", (x, c) -> find(s(x[0]), s(x[1]), PosixRegex.Options.DEFAULT));
        r.register("nameregexne", (x, c) -> !find(s(x[0]), s(x[1]), PosixRegex.Options.DEFAULT));
        r.register("nameicregexeq", (x, c) -> find(s(x[0]), s(x[1]), PosixRegex.Options.IGNORE_CASE));
        r.register("nameicregexne", (x, c) -> !find(s(x[0]), s(x[1]), PosixRegex.Options.IGNORE_CASE));
        r.register("textregexsubstr", (x, c) -> substring(s(x[0]), s(x[1])));

        r.register("textregexreplace_noopt", (x, c) -> replace(s(x[0]), s(x[1]), s(x[2]), 1, 1, "", true));
        r.register("textregexreplace", (x, c) -> {
            String flags = s(x[3]);
            if (!flags.isEmpty() && flags.charAt(0) >= '0' && flags.charAt(0) <= '9') {
                // an unknown-typed fourth argument resolves to this form; a number there meant "start"
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid regular expression option: \"%s\"",
                        flags.substring(0, 1)).withHint("If you meant to use regexp_replace() with a start "
                        + "parameter, cast the fourth argument to integer explicitly.");
            }
            return replace(s(x[0]), s(x[1]), s(x[2]), 1, 1, flags, true);
        });
        r.register("textregexreplace_extended_no_n", (x, c) ->
                replace(s(x[0]), s(x[1]), s(x[2]), i(x[3]), 1, "", false));
        r.register("textregexreplace_extended_no_flags", (x, c) ->
                replace(s(x[0]), s(x[1]), s(x[2]), i(x[3]), i(x[4]), "", false));
        r.register("textregexreplace_extended", (x, c) ->
                replace(s(x[0]), s(x[1]), s(x[2]), i(x[3]), i(x[4]), s(x[5]), false));

        r.register("regexp_count_no_start", (x, c) -> count(s(x[0]), s(x[1]), 1, ""));
        r.register("regexp_count_no_flags", (x, c) -> count(s(x[0]), s(x[1]), i(x[2]), ""));
        r.register("regexp_count", (x, c) -> count(s(x[0]), s(x[1]), i(x[2]), s(x[3])));
        r.register("regexp_instr_no_start", (x, c) -> instr(s(x[0]), s(x[1]), 1, 1, 0, "", 0));
        r.register("regexp_instr_no_n", (x, c) -> instr(s(x[0]), s(x[1]), i(x[2]), 1, 0, "", 0));
        r.register("regexp_instr_no_endoption", (x, c) -> instr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), 0, "", 0));
        r.register("regexp_instr_no_flags", (x, c) -> instr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), i(x[4]), "", 0));
        r.register("regexp_instr_no_subexpr", (x, c) ->
                instr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), i(x[4]), s(x[5]), 0));
        r.register("regexp_instr", (x, c) -> instr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), i(x[4]), s(x[5]), i(x[6])));
        r.register("regexp_like_no_flags", (x, c) -> find(s(x[0]), s(x[1]), PosixRegex.Options.DEFAULT));
        r.register("regexp_like", (x, c) -> find(s(x[0]), s(x[1]), flags(s(x[2]), "regexp_like", false, null)));
        r.register("regexp_substr_no_start", (x, c) -> substr(s(x[0]), s(x[1]), 1, 1, "", 0));
        r.register("regexp_substr_no_n", (x, c) -> substr(s(x[0]), s(x[1]), i(x[2]), 1, "", 0));
        r.register("regexp_substr_no_flags", (x, c) -> substr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), "", 0));
        r.register("regexp_substr_no_subexpr", (x, c) -> substr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), s(x[4]), 0));
        r.register("regexp_substr", (x, c) -> substr(s(x[0]), s(x[1]), i(x[2]), i(x[3]), s(x[4]), i(x[5])));
    }

    private static String s(Object v) {
        return (String) v;
    }

    private static int i(Object v) {
        return ((Number) v).intValue();
    }

    private static PosixRegex.Options flags(String flags, String function, boolean globalAllowed, boolean[] global) {
        return PosixRegex.parseFlags(flags, function, globalAllowed, global == null ? new boolean[1] : global);
    }

    static boolean find(String text, String are, PosixRegex.Options options) {
        return PosixRegex.compile(are, options).matcher(text).find();
    }

    /** substring(text from pattern): the first parenthesized subexpression if there is one, else the match. */
    static String substring(String text, String are) {
        MatchResult m = new RegexSearch(are, PosixRegex.Options.DEFAULT, text, 0).next();
        if (m == null) {
            return null;
        }
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    private static void checkParameter(String name, int value, int min) {
        if (value < min) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": %d", name,
                    value);
        }
    }

    /** UTF-16 index of the character at 1-based {@code position}, or -1 past the end. */
    private static int offset(String text, int position) {
        int count = text.codePointCount(0, text.length());
        if (position - 1 > count) {
            return -1;
        }
        return text.offsetByCodePoints(0, position - 1);
    }

    /** Replaces the n-th match (0 = every match) at or after start; legacy forms take 'g' from the flags. */
    private static String replace(String text, String are, String replacement, int start, int n, String flagText,
                                  boolean legacy) {
        checkParameter("start", start, 1);
        checkParameter("n", n, 0);
        boolean[] global = new boolean[1];
        PosixRegex.Options options = flags(flagText, "regexp_replace", true, global);
        if (global[0] && legacy) {
            // the forms with an explicit N ignore 'g'
            n = 0;
        }
        int from = offset(text, start);
        if (from < 0) {
            return text;
        }
        RegexSearch search = new RegexSearch(are, options, text, from);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int seen = 0;
        for (MatchResult m = search.next(); m != null; m = search.next()) {
            seen++;
            if (n == 0 || seen == n) {
                out.append(text, copied, m.start());
                appendReplacement(out, replacement, m, options.literal());
                copied = m.end();
                if (n != 0) {
                    break;
                }
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** \1..\9 insert subexpressions, \& the whole match, \\ a backslash; other backslashes stay. */
    private static void appendReplacement(StringBuilder out, String replacement, MatchResult m, boolean literal) {
        for (int i = 0; i < replacement.length(); i++) {
            char ch = replacement.charAt(i);
            if (ch == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(i + 1);
                if (next >= '1' && next <= '9') {
                    int group = next - '0';
                    if (!literal && group <= m.groupCount() && m.group(group) != null) {
                        out.append(m.group(group));
                    }
                    i++;
                    continue;
                }
                if (next == '&') {
                    out.append(m.group());
                    i++;
                    continue;
                }
                if (next == '\\') {
                    out.append('\\');
                    i++;
                    continue;
                }
            }
            out.append(ch);
        }
    }

    private static int count(String text, String are, int start, String flagText) {
        checkParameter("start", start, 1);
        int from = offset(text, start);
        if (from < 0) {
            return 0;
        }
        RegexSearch search = new RegexSearch(are, flags(flagText, "regexp_count", false, null), text, from);
        int count = 0;
        while (search.next() != null) {
            count++;
        }
        return count;
    }

    /** The n-th match at or after start, or null. */
    private static MatchResult nth(String text, String are, int start, int n, PosixRegex.Options options) {
        int from = offset(text, start);
        if (from < 0) {
            return null;
        }
        RegexSearch search = new RegexSearch(are, options, text, from);
        MatchResult m = search.next();
        for (int k = 1; m != null && k < n; k++) {
            m = search.next();
        }
        return m;
    }

    private static int instr(String text, String are, int start, int n, int endOption, String flagText, int subexpr) {
        checkParameter("start", start, 1);
        checkParameter("n", n, 1);
        if (endOption != 0 && endOption != 1) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": %d",
                    "endoption", endOption);
        }
        checkParameter("subexpr", subexpr, 0);
        MatchResult m = nth(text, are, start, n, flags(flagText, "regexp_instr", false, null));
        if (m == null || subexpr > m.groupCount() || m.start(subexpr) < 0) {
            return 0;
        }
        int at = endOption == 0 ? m.start(subexpr) : m.end(subexpr);
        return text.codePointCount(0, at) + 1;
    }

    private static String substr(String text, String are, int start, int n, String flagText, int subexpr) {
        checkParameter("start", start, 1);
        checkParameter("n", n, 1);
        checkParameter("subexpr", subexpr, 0);
        MatchResult m = nth(text, are, start, n, flags(flagText, "regexp_substr", false, null));
        if (m == null || subexpr > m.groupCount()) {
            return null;
        }
        return m.group(subexpr);
    }
}
