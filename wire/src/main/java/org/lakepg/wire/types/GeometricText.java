package org.lakepg.wire.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The text forms the geometric types share (PostgreSQL's pair_decode, path_decode, pair_count
 * and path_encode): coordinates are float8 values printed with extra_float_digits, and
 * syntax errors quote the whole input under the type's name.
 */
final class GeometricText {

    private final String text;
    private final String typeName;
    int pos;

    GeometricText(String text, String typeName) {
        this.text = text;
        this.typeName = typeName;
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    void skipSpaces() {
        while (pos < text.length() && TypeErrors.isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    RuntimeException syntaxError() {
        return TypeErrors.invalidSyntax(typeName, text);
    }

    /** single_decode: one float8 and the spaces after it. */
    double number() {
        int[] at = {pos};
        double v = FloatText.parsePrefix(text, at, false, typeName, text);
        pos = at[0];
        return v;
    }

    /** Consumes {@code c} or fails with the type's syntax error. */
    void expect(char c) {
        if (peek() != c) {
            throw syntaxError();
        }
        pos++;
    }

    /** pair_decode: "x,y" or "(x,y)", with the spaces after a closing parenthesis. */
    PgPoint pair() {
        skipSpaces();
        boolean paren = peek() == '(';
        if (paren) {
            pos++;
        }
        double x = number();
        expect(',');
        double y = number();
        if (paren) {
            expect(')');
            skipSpaces();
        }
        return new PgPoint(x, y);
    }

    /**
     * path_decode: npts points, optionally wrapped in "[...]" (when open paths are allowed) or
     * "(...)"; returns whether the open delimiter was used.
     */
    boolean points(boolean openAllowed, int npts, List<PgPoint> out) {
        int depth = 0;
        skipSpaces();
        boolean isOpen = peek() == '[';
        if (isOpen) {
            if (!openAllowed) {
                throw syntaxError();
            }
            depth++;
            pos++;
        } else if (peek() == '(') {
            int cp = pos + 1;
            while (cp < text.length() && TypeErrors.isSpace(text.charAt(cp))) {
                cp++;
            }
            if (cp < text.length() && text.charAt(cp) == '(') {
                depth++;
                pos = cp;
            } else if (text.lastIndexOf('(') == pos) {
                depth++;
                pos = cp;
            }
        }
        for (int i = 0; i < npts; i++) {
            out.add(pair());
            if (peek() == ',') {
                pos++;
            }
        }
        while (depth > 0) {
            if (peek() == ')' || (peek() == ']' && isOpen && depth == 1)) {
                depth--;
                pos++;
                skipSpaces();
            } else {
                throw syntaxError();
            }
        }
        return isOpen;
    }

    /** Parses the whole text as npts points (box, lseg, line's two-point form). */
    static List<PgPoint> fixedPoints(String text, String typeName, boolean openAllowed, int npts) {
        GeometricText in = new GeometricText(text, typeName);
        List<PgPoint> points = new ArrayList<>(npts);
        in.points(openAllowed, npts, points);
        if (!in.atEnd()) {
            throw in.syntaxError();
        }
        return points;
    }

    /** pair_count: the number of points a comma count implies, -1 when it is even. */
    static int pairCount(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        return commas % 2 == 1 ? (commas + 1) / 2 : -1;
    }

    static String number(double v, FormatSettings settings) {
        return FloatText.format(v, false, settings.extraFloatDigits());
    }

    static void appendPoint(StringBuilder out, PgPoint p, FormatSettings settings) {
        out.append('(').append(number(p.x(), settings)).append(',').append(number(p.y(), settings)).append(')');
    }

    /** path_encode: points in parentheses, joined by commas, inside open/close delimiters (if any). */
    static String encode(String open, List<PgPoint> points, String close, FormatSettings settings) {
        StringBuilder out = new StringBuilder(open);
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendPoint(out, points.get(i), settings);
        }
        return out.append(close).toString();
    }
}
