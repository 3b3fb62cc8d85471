package org.lakepg.server.function.scalar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * PostgreSQL's advanced regular expressions (ARE) translated to java.util.regex. Covered: the ARE
 * escapes (\m \M \y \Y \A \Z, \d \s \w and friends, x, u and U code point escapes), POSIX bracket classes
 * ([[:alpha:]] ...), [[:<:]] / [[:>:]], $ as end of string, and the newline-sensitivity flags.
 * Known gaps: match lengths follow PostgreSQL only for REs with an alternation ({@link RegexSearch}
 * re-tries those) and subexpressions inside a match keep Java's (Perl) choices; BRE ('b' flag) is not
 * supported (leading (?letters) options and the ***: / ***= directors are); error texts are mapped
 * from java.util.regex's for the common cases only; Java backtracks, so some patterns are slow where
 * PostgreSQL's automaton is not.
 */
final class PosixRegex {
    private PosixRegex() {}

    /** Options of a compiled expression, as regexp flags strings set them. */
    record Options(boolean ignoreCase, boolean dotMatchesNewline, boolean anchorsAtLines, boolean literal,
                   boolean expanded) {
        static final Options DEFAULT = new Options(false, true, false, false, false);
        static final Options IGNORE_CASE = new Options(true, true, false, false, false);
    }

    private static final int CACHE_SIZE = 256;
    private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    static Pattern compile(String are, Options options) {
        // directors: ***= makes the rest a literal, ***: just says "ARE"
        if (are.startsWith("***=")) {
            are = are.substring(4);
            options = new Options(options.ignoreCase(), options.dotMatchesNewline(), options.anchorsAtLines(), true,
                    options.expanded());
        } else if (are.startsWith("***:")) {
            are = are.substring(4);
        }
        // leading embedded options (?letters) act like the flags of the regexp functions
        if (!options.literal() && are.startsWith("(?") && are.length() > 2 && Character.isLetter(are.charAt(2))) {
            int close = are.indexOf(')');
            if (close < 0) {
                throw invalid("invalid embedded option");
            }
            options = embedded(are.substring(2, close), options);
            are = are.substring(close + 1);
        }
        String key = options + "\u0000" + are;
        synchronized (CACHE) {
            Pattern cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int flags = 0;
        if (options.ignoreCase()) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (options.dotMatchesNewline()) {
            flags |= Pattern.DOTALL;
        }
        if (options.anchorsAtLines()) {
            flags |= Pattern.MULTILINE;
        }
        if (options.expanded()) {
            flags |= Pattern.COMMENTS;
        }
        Pattern pattern;
        try {
            String java = options.literal() ? Pattern.quote(are)
                    : translate(are, options.anchorsAtLines(), !options.dotMatchesNewline());
            pattern = Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw invalid(describe(e));
        }
        synchronized (CACHE) {
            CACHE.put(key, pattern);
        }
        return pattern;
    }

    private static Options embedded(String letters, Options base) {
        boolean ignoreCase = base.ignoreCase();
        boolean dotAll = base.dotMatchesNewline();
        boolean lines = base.anchorsAtLines();
        boolean literal = base.literal();
        boolean expanded = base.expanded();
        for (char f : letters.toCharArray()) {
            switch (f) {
                case 'i' -> ignoreCase = true;
                case 'c' -> ignoreCase = false;
                case 'n', 'm' -> {
                    dotAll = false;
                    lines = true;
                }
                case 's' -> {
                    dotAll = true;
                    lines = false;
                }
                case 'p' -> {
                    dotAll = false;
                    lines = false;
                }
                case 'w' -> {
                    dotAll = true;
                    lines = true;
                }
                case 'x' -> expanded = true;
                case 't' -> expanded = false;
                case 'q' -> literal = true;
                case 'e' -> { }
                default -> throw invalid("invalid embedded option");
            }
        }
        return new Options(ignoreCase, dotAll, lines, literal, expanded);
    }

    static PgException invalid(String why) {
        return PgException.of(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: %s", why);
    }

    /** java.util.regex's complaint in the words of PostgreSQL's regcomp. */
    private static String describe(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group") || d.startsWith("Unmatched closing")) {
            return "parentheses () not balanced";
        }
        if (d.startsWith("Unclosed character class")) {
            return "brackets [] not balanced";
        }
        if (d.startsWith("Dangling meta character")) {
            return "quantifier operand invalid";
        }
        if (d.startsWith("Illegal repetition range")) {
            return "invalid repetition count(s)";
        }
        if (d.startsWith("Unclosed counted closure") || d.startsWith("Illegal repetition")) {
            return "braces {} not balanced";
        }
        if (d.startsWith("Illegal character range")) {
            return "invalid character range";
        }
        return d;
    }

    static String translate(String are, boolean anchorsAtLines) {
        return translate(are, anchorsAtLines, false);
    }

    /** @param negatedBracketsSkipNewline newline-sensitive modes: [^...] does not match a newline either */
    static String translate(String are, boolean anchorsAtLines, boolean negatedBracketsSkipNewline) {
        StringBuilder out = new StringBuilder(are.length() + 16);
        int i = 0;
        int n = are.length();
        while (i < n) {
            char ch = are.charAt(i);
            switch (ch) {
                case '\\' -> i = escape(are, i, out, false);
                case '[' -> i = bracket(are, i, out, negatedBracketsSkipNewline);
                case '$' -> {
                    out.append(anchorsAtLines ? "(?=\\n|\\z)" : "\\z");
                    i++;
                }
                case '^' -> {
                    // Java's MULTILINE ^ never matches at the very end after a final newline; PostgreSQL's does
                    out.append(anchorsAtLines ? "(?:^|(?<=\\n))" : "^");
                    i++;
                }
                case '(' -> {
                    if (i + 1 < n && are.charAt(i + 1) == '?') {
                        String rest = are.substring(i);
                        if (!(rest.startsWith("(?:") || rest.startsWith("(?=") || rest.startsWith("(?!")
                                || rest.startsWith("(?<=") || rest.startsWith("(?<!"))) {
                            throw invalid("quantifier operand invalid");
                        }
                    }
                    out.append(ch);
                    i++;
                }
                default -> {
                    out.append(ch);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** One backslash escape starting at {@code at}; returns the index after it. */
    private static int escape(String are, int at, StringBuilder out, boolean inBracket) {
        if (at + 1 >= are.length()) {
            throw invalid("invalid escape \\ sequence");
        }
        char e = are.charAt(at + 1);
        int next = at + 2;
        if (!Character.isLetterOrDigit(e)) {
            out.append('\\').append(e);
            return next;
        }
        switch (e) {
            case 'd', 'D', 's', 'S', 'w', 'W', 'n', 't', 'r', 'f', 'a', 'e' -> out.append('\\').append(e);
            case 'v' -> out.append("\\x0B");
            case 'b' -> out.append("\\x08");
            case 'B' -> out.append("\\\\");
            case 'A' -> out.append(inBracket ? "A" : "\\A");
            case 'Z' -> out.append(inBracket ? "Z" : "\\z");
            case 'm' -> out.append("\\b(?=\\w)");
            case 'M' -> out.append("\\b(?<=\\w)");
            case 'y' -> out.append("\\b");
            case 'Y' -> out.append("\\B");
            case 'x', 'u', 'U' -> {
                int max = e == 'x' ? Integer.MAX_VALUE : e == 'u' ? 4 : 8;
                int end = next;
                while (end < are.length() && end - next < max && Character.digit(are.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == next || (e != 'x' && end - next != max)) {
                    throw invalid("invalid escape \\ sequence");
                }
                out.append("\\x{").append(are, next, end).append('}');
                return end;
            }
            default -> {
                if (e >= '1' && e <= '9' && !inBracket) {
                    out.append('\\').append(e);
                } else if (e == '0') {
                    out.append("\\x{0}");
                } else {
                    throw invalid("invalid escape \\ sequence");
                }
            }
        }
        return next;
    }

    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{IsAlphabetic}"), Map.entry("upper", "\\p{IsUppercase}"),
            Map.entry("lower", "\\p{IsLowercase}"), Map.entry("digit", "0-9"),
            Map.entry("alnum", "\\p{IsAlphabetic}\\p{IsDigit}"), Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("space", "\\s\\x0B"), Map.entry("blank", " \\t"), Map.entry("punct", "\\p{IsPunctuation}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\P{Cntrl}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("word", "\\w"));

    /** A bracket expression starting at {@code at} ('['); returns the index after its ']'. */
    private static int bracket(String are, int at, StringBuilder out, boolean negatedSkipsNewline) {
        if (are.startsWith("[[:<:]]", at)) {
            out.append("\\b(?=\\w)");
            return at + 7;
        }
        if (are.startsWith("[[:>:]]", at)) {
            out.append("\\b(?<=\\w)");
            return at + 7;
        }
        int i = at + 1;
        int n = are.length();
        out.append('[');
        if (i < n && are.charAt(i) == '^') {
            out.append(negatedSkipsNewline ? "^\\n" : "^");
            i++;
        }
        if (i < n && are.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < n) {
            char ch = are.charAt(i);
            if (ch == ']') {
                out.append(']');
                return i + 1;
            }
            if (ch == '[' && i + 1 < n && (are.charAt(i + 1) == ':' || are.charAt(i + 1) == '.'
                    || are.charAt(i + 1) == '=')) {
                char kind = are.charAt(i + 1);
                int close = are.indexOf(kind + "]", i + 2);
                if (close < 0) {
                    throw invalid("brackets [] not balanced");
                }
                String name = are.substring(i + 2, close);
                if (kind == ':') {
                    String cls = CLASSES.get(name);
                    if (cls == null) {
                        throw invalid("invalid character class");
                    }
                    out.append(cls);
                } else {
                    for (char c : name.toCharArray()) {
                        out.append('\\').append(c);
                    }
                }
                i = close + 2;
                continue;
            }
            if (ch == '\\') {
                i = escape(are, i, out, true);
                continue;
            }
            if (ch == '[' || ch == '&' || ch == '^') {
                out.append('\\');
            }
            out.append(ch);
            i++;
        }
        throw invalid("brackets [] not balanced");
    }

    /**
     * Flags of the regexp_* functions: g (global, where allowed), i/c case, n/m p w s newline modes,
     * x expanded, q literal. Returns whether g was given.
     */
    static Options parseFlags(String flags, String function, boolean globalAllowed, boolean[] global) {
        boolean ignoreCase = false;
        boolean dotAll = true;
        boolean lines = false;
        boolean literal = false;
        boolean expanded = false;
        for (int i = 0; i < flags.length(); i++) {
            char f = flags.charAt(i);
            switch (f) {
                case 'g' -> {
                    if (!globalAllowed) {
                        throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "%s() does not support the \"global\" option", function);
                    }
                    global[0] = true;
                }
                case 'i' -> ignoreCase = true;
                case 'c' -> ignoreCase = false;
                case 'n', 'm' -> {
                    dotAll = false;
                    lines = true;
                }
                case 's' -> {
                    dotAll = true;
                    lines = false;
                }
                case 'p' -> {
                    dotAll = false;
                    lines = false;
                }
                case 'w' -> {
                    dotAll = true;
                    lines = true;
                }
                case 'x' -> expanded = true;
                case 'q' -> literal = true;
                case 't', 'e' -> { }
                default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"%s\"", flags.substring(i, i + 1));
            }
        }
        return new Options(ignoreCase, dotAll, lines, literal, expanded);
    }
}
