package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * array_in's grammar: optional {@code [lb:ub]...=} decoration, nested braces that must be
 * rectangular, quoted or unquoted elements with backslash escapes, unquoted NULL.
 * Produces element texts (null = NULL); the caller runs the element type's input function.
 */
public final class ArrayTextParser {

    /** The parsed shape and the raw element texts in row-major order. */
    public record Parsed(int[] dims, int[] lowerBounds, List<String> elements) {
    }

    private final String text;
    private final char delimiter;
    private int pos;
    private int bodyStart;
    private int ndim = -1;
    private final int[] sizes = new int[PgArray.MAX_DIMENSIONS];
    private final boolean[] sizeKnown = new boolean[PgArray.MAX_DIMENSIONS];
    private final List<String> elements = new ArrayList<>();

    private ArrayTextParser(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    public static Parsed parse(String text, char delimiter) {
        return new ArrayTextParser(text, delimiter).parse();
    }

    private Parsed parse() {
        skipSpace();
        int[] explicitUpper = null;
        int[] explicitLower = null;
        if (peek() == '[') {
            List<int[]> bounds = new ArrayList<>();
            while (peek() == '[') {
                pos++;
                if (bounds.size() == PgArray.MAX_DIMENSIONS) {
                    throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                            "number of array dimensions (%d) exceeds the maximum allowed (%d)",
                            bounds.size() + 1, PgArray.MAX_DIMENSIONS);
                }
                int first = boundNumber();
                int lower = 1;
                int upper = first;
                if (peek() == ':') {
                    pos++;
                    lower = first;
                    upper = boundNumber();
                }
                if (peek() != ']') {
                    throw malformed("Missing \"]\" after array dimensions.");
                }
                pos++;
                if (upper < lower) {
                    throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "upper bound cannot be less than lower bound");
                }
                bounds.add(new int[] {lower, upper});
            }
            skipSpace();
            if (peek() != '=') {
                throw malformed("Missing \"=\" after array dimensions.");
            }
            pos++;
            skipSpace();
            explicitLower = bounds.stream().mapToInt(b -> b[0]).toArray();
            explicitUpper = bounds.stream().mapToInt(b -> b[1]).toArray();
        }
        if (peek() != '{') {
            throw malformed(explicitLower != null ? "Array contents must start with \"{\"."
                    : "Array value must start with \"{\" or dimension information.");
        }
        bodyStart = pos;
        level(0);
        skipSpace();
        if (pos < text.length()) {
            throw malformedBody("Junk after closing right brace.");
        }
        int dimCount = Math.max(ndim, 0);
        int[] dims = new int[dimCount];
        System.arraycopy(sizes, 0, dims, 0, dimCount);
        if (explicitLower != null) {
            if (dimCount == 0 && elements.isEmpty()) {
                // "[1:0]={}"-like decorations on an empty array are checked against zero elements
                throw malformed("Specified array dimensions do not match array contents.");
            }
            if (explicitLower.length != dimCount) {
                throw malformed("Specified array dimensions do not match array contents.");
            }
            for (int d = 0; d < dimCount; d++) {
                if ((long) explicitUpper[d] - explicitLower[d] + 1 != dims[d]) {
                    throw malformed("Specified array dimensions do not match array contents.");
                }
            }
            return new Parsed(dims, explicitLower, elements);
        }
        int[] lower = new int[dimCount];
        java.util.Arrays.fill(lower, 1);
        return new Parsed(dims, lower, elements);
    }

    private int boundNumber() {
        skipSpace();
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (Character.isDigit(peek()) && peek() <= '9') {
            pos++;
        }
        if (pos == start || pos == start + 1 && !Character.isDigit(text.charAt(start))) {
            throw malformed("\"[\" must introduce explicitly-specified array dimensions.");
        }
        // PostgreSQL 15 reads bounds with atoi(): out-of-range values wrap like strtol's result cast to int
        java.math.BigInteger big = new java.math.BigInteger(text.substring(start, pos));
        long asLong = big.bitLength() < 64 ? big.longValue() : big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        skipSpace();
        return (int) asLong;
    }

    private void level(int depth) {
        if (depth >= PgArray.MAX_DIMENSIONS) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "number of array dimensions (%d) exceeds the maximum allowed (%d)",
                    depth + 1, PgArray.MAX_DIMENSIONS);
        }
        pos++; // '{'
        skipSpace();
        if (peek() == '}') {
            pos++;
            if (depth > 0 || ndim > 0) {
                throw malformedBody("Unexpected \"}\" character.");
            }
            ndim = 0;
            return;
        }
        int count = 0;
        while (true) {
            skipSpace();
            if (peek() == '{') {
                if (ndim != -1 && depth + 1 >= ndim) {
                    throw malformedBody("Unexpected \"{\" character.");
                }
                level(depth + 1);
            } else {
                if (ndim == -1) {
                    ndim = depth + 1;
                } else if (ndim != depth + 1) {
                    // after a sub-array's delimiter only '{' may come: ArrayCount names a backslash there itself
                    throw malformedBody(peek() == '\\' ? "Unexpected \"\\\" character." : "Unexpected array element.");
                }
                elements.add(element());
            }
            count++;
            skipSpace();
            char c = peek();
            if (c == delimiter) {
                pos++;
            } else if (c == '}') {
                pos++;
                break;
            } else {
                throw malformedBody(pos >= text.length() ? "Unexpected end of input." : "Unexpected array element.");
            }
        }
        if (sizeKnown[depth] && sizes[depth] != count) {
            throw malformedBody("Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
        sizeKnown[depth] = true;
        sizes[depth] = count;
    }

    private String element() {
        StringBuilder out = new StringBuilder();
        if (peek() == '"') {
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw malformedBody("Unexpected end of input.");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (pos >= text.length()) {
                        throw malformedBody("Unexpected end of input.");
                    }
                    c = text.charAt(pos++);
                }
                out.append(c);
            }
        }
        boolean escaped = false;
        int keep = 0; // length up to and including the last escaped or non-space character
        while (true) {
            if (pos >= text.length()) {
                throw malformedBody("Unexpected end of input.");
            }
            char c = text.charAt(pos);
            if (c == delimiter || c == '}') {
                break;
            }
            if (c == '{') {
                throw malformedBody("Unexpected \"{\" character.");
            }
            if (c == '"') {
                throw malformedBody("Unexpected array element.");
            }
            pos++;
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw malformedBody("Unexpected end of input.");
                }
                out.append(text.charAt(pos++));
                escaped = true;
                keep = out.length();
            } else {
                out.append(c);
                if (!TypeErrors.isSpace(c)) {
                    keep = out.length();
                }
            }
        }
        out.setLength(keep);
        if (out.isEmpty() && !escaped) {
            throw malformedBody("Unexpected \"" + peek() + "\" character.");
        }
        if (!escaped && out.toString().equalsIgnoreCase("NULL")) {
            return null;
        }
        return out.toString();
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && TypeErrors.isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Errors found in the braces quote the text from the first brace on, like PostgreSQL's ArrayCount. */
    private PgException malformedBody(String detail) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%s\"",
                text.substring(bodyStart)).withDetail(detail);
    }

    private PgException malformed(String detail) {
        return PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%s\"", text)
                .withDetail(detail);
    }
}
