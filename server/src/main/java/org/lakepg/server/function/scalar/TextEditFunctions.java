package org.lakepg.server.function.scalar;

import java.text.Normalizer;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Character-level rewriting of text: translate, overlay, unistr, Unicode normalization, to_ascii. */
public final class TextEditFunctions {
    private TextEditFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("translate", (x, c) -> translate(s(x[0]), s(x[1]), s(x[2])));
        r.register("textoverlay", (x, c) -> overlay(s(x[0]), s(x[1]), i(x[2]), i(x[3])));
        r.register("textoverlay_no_len", (x, c) -> overlay(s(x[0]), s(x[1]), i(x[2]),
                s(x[1]).codePointCount(0, s(x[1]).length())));
        r.register("unistr", (x, c) -> unistr(s(x[0])));
        r.register("unicode_normalize_func", (x, c) -> Normalizer.normalize(s(x[0]), form(s(x[1]))));
        r.register("unicode_is_normalized", (x, c) -> Normalizer.isNormalized(s(x[0]), form(s(x[1]))));
        r.register("to_ascii_default", (x, c) -> {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "encoding conversion from UTF8 to ASCII not supported");
        });
    }

    private static String s(Object v) {
        return (String) v;
    }

    private static int i(Object v) {
        return ((Number) v).intValue();
    }

    /** Each character of {@code from} becomes the one at the same place in {@code to}, or is deleted. */
    private static String translate(String value, String from, String to) {
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            int at = -1;
            for (int k = 0; k < f.length; k++) {
                if (f[k] == cp) {
                    at = k;
                    break;
                }
            }
            if (at < 0) {
                out.appendCodePoint(cp);
            } else if (at < t.length) {
                out.appendCodePoint(t[at]);
            }
        });
        return out.toString();
    }

    /** overlay(t1 placing t2 from sp for sl) = substr(t1, 1, sp - 1) || t2 || substr(t1, sp + sl). */
    static String overlay(String value, String placing, int start, int count) {
        long end = (long) start + count;
        if (end > Integer.MAX_VALUE || end < Integer.MIN_VALUE) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        if (start - 1 < 0) {
            throw PgException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        int[] cps = value.codePoints().toArray();
        int headEnd = Math.min(start - 1, cps.length);
        int tailStart = (int) Math.min(Math.max(end, 1) - 1, cps.length);
        return new String(cps, 0, headEnd) + placing + new String(cps, tailStart, cps.length - tailStart);
    }

    private static Normalizer.Form form(String name) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "NFC" -> Normalizer.Form.NFC;
            case "NFD" -> Normalizer.Form.NFD;
            case "NFKC" -> Normalizer.Form.NFKC;
            case "NFKD" -> Normalizer.Form.NFKD;
            default -> throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid normalization form: %s", name);
        };
    }

    /** Backslash escapes \XXXX, \+XXXXXX, \\uXXXX, \\UXXXXXXXX (surrogate pairs combined) and \\\\. */
    private static String unistr(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int pendingHigh = 0;
        int i = 0;
        while (i < value.length()) {
            char ch = value.charAt(i);
            if (ch != '\\') {
                if (pendingHigh != 0) {
                    throw invalidSurrogate();
                }
                out.append(ch);
                i++;
                continue;
            }
            int digits;
            int skip;
            if (i + 1 < value.length() && value.charAt(i + 1) == '\\') {
                if (pendingHigh != 0) {
                    throw invalidSurrogate();
                }
                out.append('\\');
                i += 2;
                continue;
            } else if (i + 1 < value.length() && value.charAt(i + 1) == '+') {
                digits = 6;
                skip = 2;
            } else if (i + 1 < value.length() && value.charAt(i + 1) == 'u') {
                digits = 4;
                skip = 2;
            } else if (i + 1 < value.length() && value.charAt(i + 1) == 'U') {
                digits = 8;
                skip = 2;
            } else {
                digits = 4;
                skip = 1;
            }
            int from = i + skip;
            if (from + digits > value.length() || !isHex(value, from, digits)) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode escape")
                        .withHint("Unicode escapes must be \\XXXX, \\+XXXXXX, \\uXXXX, or \\UXXXXXXXX.");
            }
            long cp = Long.parseLong(value.substring(from, from + digits), 16);
            i = from + digits;
            if (cp > 0x10FFFF) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode code point: %04X", cp);
            }
            if (pendingHigh != 0) {
                if (cp < 0xDC00 || cp > 0xDFFF) {
                    throw invalidSurrogate();
                }
                out.appendCodePoint(Character.toCodePoint((char) pendingHigh, (char) cp));
                pendingHigh = 0;
            } else if (cp >= 0xD800 && cp <= 0xDBFF) {
                pendingHigh = (int) cp;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                throw invalidSurrogate();
            } else if (cp == 0) {
                throw PgException.of(SqlState.UNTRANSLATABLE_CHARACTER, "invalid Unicode code point: 0000");
            } else {
                out.appendCodePoint((int) cp);
            }
        }
        if (pendingHigh != 0) {
            throw invalidSurrogate();
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static PgException invalidSurrogate() {
        return PgException.of(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair");
    }
}
