package org.lakepg.server.sql.parser;

import java.util.Arrays;

/**
 * A one-statement query string with its integer literals taken out: the key under which the simple-protocol plan
 * cache keeps the statement's analysis, and where each literal was. Statements differing only in those literals
 * (pgbench's {@code ... WHERE aid = 12345} with a new number every time) share one key.
 *
 * <p>A literal's kind is part of the key: int4-sized and int8-sized literals get different markers, because the
 * literal's type follows from its text. Literals whose type changes under a folded minus (2147483648 is int8, but
 * -2147483648 is int4) and ones too large for int8 stay in the key as written, as does any number with a fraction
 * or an exponent.
 *
 * <p>Only plain text is templated: a string with quotes, dollar signs, backslashes, comments or more than one
 * statement gives no template (strings are read by context and may depend on the clock or the settings, such as
 * {@code 'now'::timestamptz}). Those statements are analyzed every time, as before.
 */
public record LiteralTemplate(String key, String sql, int[] starts, int[] ends, boolean[] int8) {

    private static final char INT4 = '\u0001';
    private static final char INT8 = '\u0002';

    /** How many literals were taken out. */
    public int size() {
        return starts.length;
    }

    /** The text of literal {@code i}. */
    public String literal(int i) {
        return sql.substring(starts[i], ends[i]);
    }

    /** The query string with the literals chosen by {@code parameter} written as $1, $2 ... in their order. */
    public String parameterized(boolean[] parameter) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int from = 0;
        int number = 0;
        for (int i = 0; i < starts.length; i++) {
            if (parameter[i]) {
                out.append(sql, from, starts[i]).append('$').append(++number);
                from = ends[i];
            }
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /** The template of {@code sql}, or null when the string is not plain enough to be templated. */
    public static LiteralTemplate of(String sql) {
        int n = sql.length();
        StringBuilder key = new StringBuilder(n);
        int[] starts = new int[8];
        int[] ends = new int[8];
        boolean[] int8 = new boolean[8];
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '$' || c == '\\' || c == '`') {
                return null;
            }
            if ((c == '-' || c == '/') && i + 1 < n && sql.charAt(i + 1) == (c == '-' ? '-' : '*')) {
                return null; // a comment
            }
            if (c == ';') {
                for (int j = i + 1; j < n; j++) {
                    if (!Character.isWhitespace(sql.charAt(j))) {
                        return null; // more than one statement
                    }
                }
                key.append(c);
                break;
            }
            if (c == '"') {
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        return null;
                    }
                    if (sql.charAt(j) == '"') {
                        if (j + 1 < n && sql.charAt(j + 1) == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                key.append(sql, i, j + 1);
                i = j + 1;
                continue;
            }
            if (identifierStart(c)) {
                int j = i + 1;
                while (j < n && identifierPart(sql.charAt(j))) {
                    j++;
                }
                key.append(sql, i, j);
                i = j;
                continue;
            }
            if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < n && sql.charAt(j) >= '0' && sql.charAt(j) <= '9') {
                    j++;
                }
                boolean plain = (i == 0 || sql.charAt(i - 1) != '.') && (j == n || !numberContinues(sql.charAt(j)));
                long value = plain ? integer(sql, i, j) : -1;
                if (value < 0 || value == 2_147_483_648L) {
                    key.append(sql, i, j); // kept as written (see the class comment)
                } else {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                        int8 = Arrays.copyOf(int8, count * 2);
                    }
                    starts[count] = i;
                    ends[count] = j;
                    int8[count] = value > Integer.MAX_VALUE;
                    count++;
                    key.append(int8[count - 1] ? INT8 : INT4);
                }
                i = j;
                continue;
            }
            if (c == INT4 || c == INT8) {
                return null; // the markers must not be confused with text
            }
            key.append(c);
            i++;
        }
        return new LiteralTemplate(key.toString(), sql, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                Arrays.copyOf(int8, count));
    }

    private static boolean identifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean identifierPart(char c) {
        return identifierStart(c) || c >= '0' && c <= '9';
    }

    /** A character after digits that makes them part of a longer token (1.5, 1e3, 1_000, 12abc). */
    private static boolean numberContinues(char c) {
        return c == '.' || identifierPart(c);
    }

    /** The value of the digits, or -1 when they do not fit in an int8. */
    private static long integer(String sql, int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            int digit = sql.charAt(k) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
