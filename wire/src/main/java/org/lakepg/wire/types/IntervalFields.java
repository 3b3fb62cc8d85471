package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits interval input into fields the way PostgreSQL's ParseDateTime does: numbers (with a
 * fraction), dates (digits with '-', '/' or '.' separators, or a word run together with digits),
 * times (digits with colons), words, signed words and signed numbers ("-2:03", "-1-2"). Letters
 * are lower-cased; other punctuation only separates fields.
 */
final class IntervalFields {

    enum Type { NUMBER, DATE, TIME, STRING, SPECIAL, SIGNED }

    record Field(Type type, String text) {
    }

    /** ParseDateTime's limits: 25 fields in a 256-byte work buffer. */
    private static final int MAX_FIELDS = 25;
    private static final int BUFFER = 256;

    /** datetktbl's words: a word written right before a digit or '+' stays a word only if it is one. */
    private static final Set<String> KEYWORDS = Set.of("-infinity", "ad", "allballs", "am", "apr", "april", "at",
            "aug", "august", "bc", "d", "dec", "december", "dow", "doy", "dst", "epoch", "feb", "february", "fri",
            "friday", "h", "infinity", "isodow", "isoyear", "j", "jan", "january", "jd", "jul", "july", "julian",
            "jun", "june", "m", "mar", "march", "may", "mm", "mon", "monday", "nov", "november", "now", "oct",
            "october", "on", "pm", "s", "sat", "saturday", "sep", "sept", "september", "sun", "sunday", "t", "thu",
            "thur", "thurs", "thursday", "today", "tomorrow", "tue", "tues", "tuesday", "wed", "wednesday", "weds",
            "y", "yesterday");

    private final String s;
    private int i;
    private final StringBuilder field = new StringBuilder();
    private int used;

    private IntervalFields(String s) {
        this.s = s;
    }

    static List<Field> split(String input) {
        return new IntervalFields(input).run();
    }

    private List<Field> run() {
        List<Field> fields = new ArrayList<>();
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (TypeErrors.isSpace(c)) {
                i++;
                continue;
            }
            if (fields.size() >= MAX_FIELDS) {
                throw IntervalInputError.badFormat();
            }
            field.setLength(0);
            Type type;
            if (isDigit(c)) {
                type = number();
            } else if (c == '.') {
                append(c);
                while (isDigit(peek())) {
                    append(s.charAt(i));
                }
                type = Type.NUMBER;
            } else if (isAlpha(c)) {
                type = word();
            } else if (c == '+' || c == '-') {
                append(c);
                while (i < n && TypeErrors.isSpace(s.charAt(i))) {
                    i++;
                }
                if (isDigit(peek())) {
                    type = Type.SIGNED;
                    append(s.charAt(i));
                    while (isDigit(peek()) || peek() == ':' || peek() == '.' || peek() == '-') {
                        append(s.charAt(i));
                    }
                } else if (isAlpha(peek())) {
                    type = Type.SPECIAL;
                    while (isAlpha(peek())) {
                        append(Character.toLowerCase(s.charAt(i)));
                    }
                } else {
                    throw IntervalInputError.badFormat();
                }
            } else if (c < 128 && c > ' ' && c != 127) {
                i++; // other punctuation only separates fields
                continue;
            } else {
                throw IntervalInputError.badFormat();
            }
            used++; // the field's terminator
            fields.add(new Field(type, field.toString()));
        }
        return fields;
    }

    private Type number() {
        append(s.charAt(i));
        while (isDigit(peek())) {
            append(s.charAt(i));
        }
        char c = peek();
        if (c == ':') {
            append(c);
            while (isDigit(peek()) || peek() == ':' || peek() == '.') {
                append(s.charAt(i));
            }
            return Type.TIME;
        }
        if (c == '-' || c == '/' || c == '.') {
            char delimiter = c;
            append(c);
            if (isDigit(peek())) {
                Type type = delimiter == '.' ? Type.NUMBER : Type.DATE;
                while (isDigit(peek())) {
                    append(s.charAt(i));
                }
                if (peek() == delimiter) {
                    type = Type.DATE;
                    append(delimiter);
                    while (isDigit(peek()) || peek() == delimiter) {
                        append(s.charAt(i));
                    }
                }
                return type;
            }
            while (isAlnum(peek()) || peek() == delimiter) {
                append(Character.toLowerCase(s.charAt(i)));
            }
            return Type.DATE;
        }
        return Type.NUMBER;
    }

    private Type word() {
        while (isAlpha(peek())) {
            append(Character.toLowerCase(s.charAt(i)));
        }
        char c = peek();
        boolean date = c == '-' || c == '/' || c == '.'
                || (c == '+' || isDigit(c)) && !KEYWORDS.contains(truncate(field.toString()));
        if (!date) {
            return Type.STRING;
        }
        do {
            append(Character.toLowerCase(s.charAt(i)));
        } while ("+-/_.:".indexOf(peek()) >= 0 && peek() != 0 || isAlnum(peek()));
        return Type.DATE;
    }

    /** Keyword tables compare only the first 10 characters (TOKMAXLEN). */
    static String truncate(String word) {
        return word.length() > 10 ? word.substring(0, 10) : word;
    }

    private void append(char c) {
        if (used + 1 >= BUFFER) {
            throw IntervalInputError.badFormat();
        }
        field.append(c);
        used++;
        i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isAlpha(c);
    }
}
