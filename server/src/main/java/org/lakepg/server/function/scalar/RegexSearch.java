package org.lakepg.server.function.scalar;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searching with PostgreSQL's match-length rule on top of java.util.regex. Java takes the first
 * alternative that matches (Perl semantics); PostgreSQL takes, at the leftmost position, the longest
 * match for a greedy RE and the shortest for a non-greedy one. Where that can differ (the RE has an
 * alternation), the match found by Java is re-tried over longer (or shorter) spans from the same start.
 * Subexpression boundaries inside that span still follow Java's choices.
 */
final class RegexSearch {

    enum Preference { AS_FOUND, LONGEST, SHORTEST }

    private final Pattern pattern;
    private final Preference preference;
    private final String text;
    private int next;
    private boolean lastWasEmpty;

    RegexSearch(String are, PosixRegex.Options options, String text, int from) {
        this.pattern = PosixRegex.compile(are, options);
        this.preference = options.literal() ? Preference.AS_FOUND : preference(are);
        this.text = text;
        this.next = from;
    }

    /** The next match, or null; after an empty match the search moves on by one character. */
    MatchResult next() {
        int from = lastWasEmpty ? next + 1 : next;
        if (from > text.length()) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        if (!m.find(from)) {
            return null;
        }
        MatchResult result = adjust(m);
        next = result.end();
        lastWasEmpty = result.start() == result.end();
        return result;
    }

    private MatchResult adjust(Matcher found) {
        if (preference == Preference.AS_FOUND) {
            return found.toMatchResult();
        }
        int start = found.start();
        Matcher r = pattern.matcher(text);
        r.useAnchoringBounds(false);
        r.useTransparentBounds(true);
        if (preference == Preference.LONGEST) {
            for (int end = text.length(); end > found.end(); end--) {
                if (splitsSurrogatePair(end)) {
                    continue;
                }
                r.region(start, end);
                if (r.matches()) {
                    return r.toMatchResult();
                }
            }
        } else {
            for (int end = start; end < found.end(); end++) {
                if (splitsSurrogatePair(end)) {
                    continue;
                }
                r.region(start, end);
                if (r.matches()) {
                    return r.toMatchResult();
                }
            }
        }
        return found.toMatchResult();
    }

    private boolean splitsSurrogatePair(int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at));
    }

    /**
     * Only an RE with an alternation is re-tried. It is greedy when it has a top-level |, else when its
     * first quantifier that is not a fixed {m} is greedy.
     */
    static Preference preference(String are) {
        boolean alternation = false;
        boolean topLevelBar = false;
        Boolean firstQuantifierGreedy = null;
        int depth = 0;
        for (int i = 0; i < are.length(); i++) {
            char ch = are.charAt(i);
            switch (ch) {
                case '\\' -> i++;
                case '[' -> {
                    int close = are.indexOf(']', i + 2);
                    i = close < 0 ? are.length() : close;
                }
                case '(' -> depth++;
                case ')' -> depth--;
                case '|' -> {
                    alternation = true;
                    topLevelBar |= depth == 0;
                }
                case '*', '+', '?', '{' -> {
                    if (ch == '?' && i > 0 && are.charAt(i - 1) == '(') {
                        break;
                    }
                    int end = i;
                    boolean fixed = false;
                    if (ch == '{') {
                        int close = are.indexOf('}', i);
                        if (close < 0) {
                            break;
                        }
                        fixed = !are.substring(i, close).contains(",");
                        end = close;
                    }
                    boolean lazy = end + 1 < are.length() && are.charAt(end + 1) == '?';
                    if (firstQuantifierGreedy == null && !fixed) {
                        firstQuantifierGreedy = !lazy;
                    }
                    i = lazy ? end + 1 : end;
                }
                default -> { }
            }
        }
        if (!alternation) {
            return Preference.AS_FOUND;
        }
        if (topLevelBar || firstQuantifierGreedy == null || firstQuantifierGreedy) {
            return Preference.LONGEST;
        }
        return Preference.SHORTEST;
    }
}
