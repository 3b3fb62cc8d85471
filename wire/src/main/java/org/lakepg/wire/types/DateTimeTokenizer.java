package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits date/time input into the fields PostgreSQL's ParseDateTime distinguishes: dates with
 * separators, times with colons, plain numbers, signed zone offsets, words and zone names.
 * Returns null when a character fits no field (the caller reports invalid syntax).
 */
final class DateTimeTokenizer {

    enum Kind { DATE, TIME, NUMBER, OFFSET, WORD, ZONE, JULIAN }

    /** One field; DATE fields keep their parts (digits or letters) and separator. */
    record Token(Kind kind, String text, List<String> parts) {
        Token(Kind kind, String text) {
            this(kind, text, List.of());
        }
    }

    private DateTimeTokenizer() {
    }

    static List<Token> tokenize(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (TypeErrors.isSpace(c) || c == ',') {
                i++;
            } else if (isDigit(c)) {
                i = number(s, i, tokens);
                if (i < 0) {
                    return null;
                }
            } else if ((c == '+' || c == '-') && i + 1 < n && isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && (isDigit(s.charAt(j)) || s.charAt(j) == ':' || s.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.OFFSET, s.substring(i, j)));
                i = j;
            } else if ((c == '+' || c == '-') && i + 1 < n && isLetter(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && isLetter(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(i, j)));
                i = j;
            } else if (isLetter(c)) {
                i = word(s, i, tokens);
                if (i < 0) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return tokens;
    }

    private static int number(String s, int start, List<Token> tokens) {
        int n = s.length();
        int j = digits(s, start);
        if (j < n && s.charAt(j) == ':') {
            int end = j;
            while (end < n && (isDigit(s.charAt(end)) || s.charAt(end) == ':' || s.charAt(end) == '.')) {
                end++;
            }
            tokens.add(new Token(Kind.TIME, s.substring(start, end)));
            return end;
        }
        if (j + 1 < n && (s.charAt(j) == '-' || s.charAt(j) == '/' || s.charAt(j) == '.')
                && isAsciiAlnum(s.charAt(j + 1))) {
            char separator = s.charAt(j);
            if (separator == '.') {
                int k = digits(s, j + 1);
                if (k > j + 1 && (k >= n || s.charAt(k) != '.')) {
                    // 1999.008 (year.day-of-year) or 1.5: a number with a fraction
                    tokens.add(new Token(Kind.NUMBER, s.substring(start, k)));
                    return k;
                }
            }
            List<String> parts = new ArrayList<>();
            parts.add(s.substring(start, j));
            int i = j;
            while (i + 1 < n && s.charAt(i) == separator && isAsciiAlnum(s.charAt(i + 1))) {
                if (parts.size() >= 2 && isDigit(parts.get(1).charAt(0)) && !isDigit(s.charAt(i + 1))) {
                    return -1; // after "1999-08" ParseDateTime takes only digits: "1999-08-jan" is no date
                }
                int partEnd = isDigit(s.charAt(i + 1)) ? digits(s, i + 1) : letters(s, i + 1);
                parts.add(s.substring(i + 1, partEnd));
                i = partEnd;
            }
            tokens.add(new Token(Kind.DATE, s.substring(start, i), parts));
            boolean monthName = parts.stream().anyMatch(p -> !isDigit(p.charAt(0)));
            // PostgreSQL takes no ISO 'T' after a date with a month name in it
            return monthName && i < n && s.charAt(i) == 't' ? -1 : i;
        }
        tokens.add(new Token(Kind.NUMBER, s.substring(start, j)));
        if (j < n && s.charAt(j) == 't' && j + 1 < n && isDigit(s.charAt(j + 1))) {
            return j + 1; // ISO 8601 "T" between date and time digits
        }
        return j;
    }

    private static int word(String s, int start, List<Token> tokens) {
        int n = s.length();
        int j = letters(s, start);
        String word = s.substring(start, j);
        if (j < n && (s.charAt(j) == '/' || s.charAt(j) == '_')) {
            int end = j;
            while (end < n && (isAsciiAlnum(s.charAt(end)) || "/_+-".indexOf(s.charAt(end)) >= 0)) {
                end++;
            }
            tokens.add(new Token(Kind.ZONE, s.substring(start, end)));
            return end;
        }
        if (word.equals("j") && j < n && isDigit(s.charAt(j))) {
            int end = digits(s, j);
            if (end + 1 < n && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
                end = digits(s, end + 1); // a fractional Julian day: J2452271.5
            }
            tokens.add(new Token(Kind.JULIAN, s.substring(j, end)));
            return end;
        }
        if (j + 1 < n && (s.charAt(j) == '-' || s.charAt(j) == '/' || s.charAt(j) == '.')
                && isDigit(s.charAt(j + 1)) && DateFields.monthOf(word) > 0) {
            char separator = s.charAt(j);
            List<String> parts = new ArrayList<>();
            parts.add(word);
            int i = j;
            while (i + 1 < n && s.charAt(i) == separator && isAsciiAlnum(s.charAt(i + 1))) {
                int partEnd = isDigit(s.charAt(i + 1)) ? digits(s, i + 1) : letters(s, i + 1);
                parts.add(s.substring(i + 1, partEnd));
                i = partEnd;
            }
            tokens.add(new Token(Kind.DATE, s.substring(start, i), parts));
            // PostgreSQL takes no ISO 'T' after a date with a month name in it
            return i < n && s.charAt(i) == 't' ? -1 : i;
        }
        if (word.equals("t") && j < n && isDigit(s.charAt(j))) {
            return j; // ISO 8601 "T" before the time
        }
        if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-' || isDigit(s.charAt(j))) && !isKeyword(word)) {
            // like ParseDateTime: a word that is no date keyword, run together with digits or a sign,
            // is a zone name with embedded punctuation, e.g. the POSIX zones "gmt+8" or "est5edt"
            int end = j;
            while (end < n && (isAsciiAlnum(s.charAt(end)) || "+-/_.:".indexOf(s.charAt(end)) >= 0)) {
                end++;
            }
            tokens.add(new Token(Kind.ZONE, s.substring(start, end)));
            return end;
        }
        tokens.add(new Token(Kind.WORD, word));
        return j;
    }

    /** The words of PostgreSQL's datetktbl (not zone abbreviations), which never start a zone name. */
    private static boolean isKeyword(String word) {
        return DateFields.monthOf(word) > 0 || switch (word) {
            case "ad", "bc", "am", "pm", "a", "p", "allballs", "at", "on", "d", "h", "m", "mm", "s", "y", "t",
                 "j", "jd", "julian", "dow", "doy", "isodow", "isoyear", "dst", "epoch", "infinity", "now",
                 "today", "tomorrow", "yesterday", "z", "zulu", "sun", "sunday", "mon", "monday", "tue", "tues",
                 "tuesday", "wed", "wednes", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
                 "sat", "saturday" -> true;
            default -> false;
        };
    }

    private static int digits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int letters(String s, int i) {
        while (i < s.length() && isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
