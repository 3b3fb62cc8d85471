package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Field;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Literal;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Node;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The text to_timestamp reads, with its cursor: numbers as formatting.c's
 * from_char_parse_int_len takes them (a fixed width, or up to the next non-digit when a
 * separator follows or FM is given) and words from a list (month and day names, AM/PM ...).
 */
final class DateTimeTemplateInput {
    private final String input;
    private final List<Node> nodes;
    int pos;

    DateTimeTemplateInput(String input, List<Node> nodes) {
        this.input = input;
        this.nodes = nodes;
    }

    boolean atEnd() {
        return pos >= input.length();
    }

    char current() {
        return input.charAt(pos);
    }

    int leadingSpaces(int start) {
        int k = start;
        while (k < input.length() && Character.isWhitespace(input.charAt(k))) {
            k++;
        }
        return k - start;
    }

    int digitsUsed(int start) {
        return pos - start - leadingSpaces(start);
    }

    void skipTh(Field f) {
        if (f.hasTh()) {
            pos = Math.min(input.length(), pos + 2);
        }
    }

    /** The index of the first of the words the input continues with (case-insensitively). */
    int search(String[] words, Field f) {
        for (int k = 0; k < words.length; k++) {
            String word = words[k];
            if (input.regionMatches(true, pos, word, 0, word.length())) {
                pos += word.length();
                return k;
            }
        }
        String rest = input.substring(pos);
        int space = 0;
        while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
            space++;
        }
        throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid value \"%s\" for \"%s\"",
                rest.substring(0, space), f.key().pattern)
                .withDetail("The given value did not match any of the allowed values for this field.");
    }

    int parseInt(Field f, int index) {
        return parseInt(f.key().pattern.length(), f, index);
    }

    /** from_char_parse_int_len: a fixed number of characters, or as many digits as there are. */
    int parseInt(int len, Field f, int index) {
        while (!atEnd() && Character.isWhitespace(current())) {
            pos++;
        }
        int init = pos;
        String copy = input.substring(pos, Math.min(input.length(), pos + len));
        long result;
        if (f.fm() || nextIsSeparator(index)) {
            int end = strtolEnd(input, pos, input.length());
            result = end == pos ? 0 : parseLong(input.substring(pos, end));
            pos = end;
        } else {
            if (copy.length() < len) {
                throw PgException.of(SqlState.INVALID_DATETIME_FORMAT,
                        "source string too short for \"%s\" formatting field", f.key().pattern)
                        .withDetail(String.format("Field requires %d characters, but only %d remain.", len, copy.length()))
                        .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
            }
            int end = strtolEnd(copy, 0, copy.length());
            int used = end;
            if (used > 0 && used < len) {
                throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid value \"%s\" for \"%s\"", copy,
                        f.key().pattern)
                        .withDetail(String.format("Field requires %d characters, but only %d could be parsed.", len, used))
                        .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
            }
            result = used == 0 ? 0 : parseLong(copy.substring(0, used));
            pos += used;
        }
        if (pos == init) {
            throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid value \"%s\" for \"%s\"", copy,
                    f.key().pattern).withDetail("Value must be an integer.");
        }
        if (result < Integer.MIN_VALUE || result > Integer.MAX_VALUE) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "value for \"%s\" in source string is out of range", f.key().pattern)
                    .withDetail(String.format("Value must be in the range %d to %d.", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        return (int) result;
    }

    static long parseLong(String s) {
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException tooBig) {
            return Long.MAX_VALUE;
        }
    }

    /** Where strtol stops: optional sign then decimal digits (the start when there are none). */
    static int strtolEnd(String s, int start, int end) {
        int k = start;
        if (k < end && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
            k++;
        }
        int digits = k;
        while (k < end && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k == digits ? start : k;
    }

    /** is_next_separator: whether the number may run until a non-digit. */
    boolean nextIsSeparator(int index) {
        Node node = nodes.get(index);
        if (node instanceof Field f && f.hasTh()) {
            return true;
        }
        if (index + 1 >= nodes.size()) {
            return true;
        }
        Node next = nodes.get(index + 1);
        if (next instanceof Field f) {
            return !f.key().isDigit;
        }
        return !Character.isDigit(((Literal) next).ch());
    }
}
