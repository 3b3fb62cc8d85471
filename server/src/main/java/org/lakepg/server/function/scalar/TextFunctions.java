package org.lakepg.server.function.scalar;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * text / varchar / bpchar / name functions and operators. Strings compare by code point, which is
 * the "C" collation every lakepg database uses (as the reference PostgreSQL is initialized with
 * C.UTF-8). Lengths and positions count characters (code points), as PostgreSQL does in UTF8.
 */
public final class TextFunctions {
    private TextFunctions() {}

    public static void register(FunctionRegistry r) {
        for (String p : new String[] {"text", "name", "bpchar"}) {
            boolean pad = p.equals("bpchar");
            String lt = p.equals("text") ? "text_lt" : p + "lt";
            String le = p.equals("text") ? "text_le" : p + "le";
            String gt = p.equals("text") ? "text_gt" : p + "gt";
            String ge = p.equals("text") ? "text_ge" : p + "ge";
            r.register(p + "eq", (x, c) -> compare(s(x[0]), s(x[1]), pad) == 0);
            r.register(p + "ne", (x, c) -> compare(s(x[0]), s(x[1]), pad) != 0);
            r.register(lt, (x, c) -> compare(s(x[0]), s(x[1]), pad) < 0);
            r.register(le, (x, c) -> compare(s(x[0]), s(x[1]), pad) <= 0);
            r.register(gt, (x, c) -> compare(s(x[0]), s(x[1]), pad) > 0);
            r.register(ge, (x, c) -> compare(s(x[0]), s(x[1]), pad) >= 0);
        }
        r.register("bttextcmp", (x, c) -> compare(s(x[0]), s(x[1]), false));
        r.register("btnamecmp", (x, c) -> compare(s(x[0]), s(x[1]), false));
        r.register("bpcharcmp", (x, c) -> compare(s(x[0]), s(x[1]), true));
        for (String op : new String[] {"eq", "ne", "lt", "le", "gt", "ge"}) {
            r.register("name" + op + "text", (x, c) -> test(op, compare(s(x[0]), s(x[1]), false)));
            r.register("text" + op + "name", (x, c) -> test(op, compare(s(x[0]), s(x[1]), false)));
        }
        r.register("text_larger", (x, c) -> compare(s(x[0]), s(x[1]), false) >= 0 ? x[0] : x[1]);
        r.register("text_smaller", (x, c) -> compare(s(x[0]), s(x[1]), false) <= 0 ? x[0] : x[1]);

        r.register("textcat", (x, c) -> s(x[0]) + s(x[1]));
        r.register("textlen", (x, c) -> s(x[0]).codePointCount(0, s(x[0]).length()));
        r.register("bpcharlen", (x, c) -> {
            String v = stripTrailingSpaces(s(x[0]));
            return v.codePointCount(0, v.length());
        });
        r.register("textoctetlen", (x, c) -> s(x[0]).getBytes(StandardCharsets.UTF_8).length);
        r.register("bpcharoctetlen", (x, c) -> s(x[0]).getBytes(StandardCharsets.UTF_8).length);
        r.register("upper", (x, c) -> mapCodePoints(s(x[0]), Character::toUpperCase));
        r.register("lower", (x, c) -> mapCodePoints(s(x[0]), Character::toLowerCase));
        r.register("initcap", (x, c) -> initcap(s(x[0])));
        r.register("text_substr", (x, c) -> substring(s(x[0]), asInt(x[1]), asInt(x[2]), true));
        r.register("text_substr_no_len", (x, c) -> substring(s(x[0]), asInt(x[1]), 0, false));
        r.register("textpos", (x, c) -> position(s(x[0]), s(x[1])));
        r.register("text_starts_with", (x, c) -> s(x[0]).startsWith(s(x[1])));
        r.register("btrim1", (x, c) -> trim(s(x[0]), " ", true, true));
        r.register("ltrim1", (x, c) -> trim(s(x[0]), " ", true, false));
        r.register("rtrim1", (x, c) -> trim(s(x[0]), " ", false, true));
        r.register("btrim", (x, c) -> trim(s(x[0]), s(x[1]), true, true));
        r.register("ltrim", (x, c) -> trim(s(x[0]), s(x[1]), true, false));
        r.register("rtrim", (x, c) -> trim(s(x[0]), s(x[1]), false, true));
        r.register("replace_text", (x, c) -> s(x[1]).isEmpty() ? s(x[0]) : s(x[0]).replace(s(x[1]), s(x[2])));
        r.register("text_reverse", (x, c) -> new StringBuilder(s(x[0])).reverse().toString());
        r.register("text_left", (x, c) -> left(s(x[0]), asInt(x[1])));
        r.register("text_right", (x, c) -> right(s(x[0]), asInt(x[1])));
        r.register("lpad", (x, c) -> pad(checkPadLength(s(x[0]), asInt(x[1])), asInt(x[1]), s(x[2]), true));
        r.register("rpad", (x, c) -> pad(checkPadLength(s(x[0]), asInt(x[1])), asInt(x[1]), s(x[2]), false));
        r.register("repeat", (x, c) -> repeat(s(x[0]), asInt(x[1])));
        r.register("split_part", (x, c) -> splitPart(s(x[0]), s(x[1]), asInt(x[2])));
        r.register("md5_text", (x, c) -> md5(s(x[0]).getBytes(StandardCharsets.UTF_8)));
        r.register("md5_bytea", (x, c) -> md5((byte[]) x[0]));
        r.register("ascii", (x, c) -> s(x[0]).isEmpty() ? 0 : s(x[0]).codePointAt(0));
        r.register("chr", (x, c) -> chr(asInt(x[0])));
        r.register("to_hex32", (x, c) -> Integer.toHexString(asInt(x[0])));
        r.register("to_hex64", (x, c) -> Long.toHexString(((Number) x[0]).longValue()));
        r.register("textlike", (x, c) -> Like.matches(s(x[0]), s(x[1]), false));
        r.register("textnlike", (x, c) -> !Like.matches(s(x[0]), s(x[1]), false));
        r.register("namelike", (x, c) -> Like.matches(s(x[0]), s(x[1]), false));
        r.register("namenlike", (x, c) -> !Like.matches(s(x[0]), s(x[1]), false));
        r.register("texticlike", (x, c) -> Like.matches(s(x[0]), s(x[1]), true));
        r.register("texticnlike", (x, c) -> !Like.matches(s(x[0]), s(x[1]), true));
        r.register("nameiclike", (x, c) -> Like.matches(s(x[0]), s(x[1]), true));
        r.register("nameicnlike", (x, c) -> !Like.matches(s(x[0]), s(x[1]), true));
        r.register("like_escape", (x, c) -> Like.withEscape(s(x[0]), s(x[1])));
        r.register("text_name", (x, c) -> truncateName(s(x[0])));
        r.register("name_text", (x, c) -> x[0]);
        r.register("rtrim1_bpchar", (x, c) -> stripTrailingSpaces(s(x[0])));
    }

    static String s(Object value) {
        return (String) value;
    }

    private static int asInt(Object value) {
        return ((Number) value).intValue();
    }

    private static boolean test(String op, int cmp) {
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "lt" -> cmp < 0;
            case "le" -> cmp <= 0;
            case "gt" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    /** Code-point order ("C" collation); bpchar ignores trailing spaces. */
    public static int compare(String a, String b, boolean bpchar) {
        if (bpchar) {
            a = stripTrailingSpaces(a);
            b = stripTrailingSpaces(b);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static String stripTrailingSpaces(String v) {
        int end = v.length();
        while (end > 0 && v.charAt(end - 1) == ' ') {
            end--;
        }
        return v.substring(0, end);
    }

    /** NAMEDATALEN - 1 = 63 bytes, cut at a character boundary. */
    static String truncateName(String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 63) {
            return v;
        }
        int chars = 0;
        int used = 0;
        while (chars < v.length()) {
            int cp = v.codePointAt(chars);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > 63) {
                break;
            }
            used += len;
            chars += Character.charCount(cp);
        }
        return v.substring(0, chars);
    }

    private static String substring(String v, int start, int length, boolean hasLength) {
        if (hasLength && length < 0) {
            throw PgException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        int[] cps = v.codePoints().toArray();
        long from = start;
        long to = hasLength ? (long) start + length : Long.MAX_VALUE;
        int s = (int) Math.max(1, from);
        long e = Math.min(cps.length + 1L, to);
        if (e <= s) {
            return "";
        }
        return new String(cps, s - 1, (int) (e - s));
    }

    private static int position(String haystack, String needle) {
        int at = haystack.indexOf(needle);
        return at < 0 ? 0 : haystack.codePointCount(0, at) + 1;
    }

    private static String trim(String v, String chars, boolean leading, boolean trailing) {
        int start = 0;
        int end = v.length();
        while (leading && start < end && chars.indexOf(v.codePointAt(start)) >= 0) {
            start += Character.charCount(v.codePointAt(start));
        }
        while (trailing && end > start && chars.indexOf(v.codePointBefore(end)) >= 0) {
            end -= Character.charCount(v.codePointBefore(end));
        }
        return v.substring(start, end);
    }

    private static String left(String v, int n) {
        int[] cps = v.codePoints().toArray();
        int count = n >= 0 ? Math.min(n, cps.length) : Math.max(0, cps.length + n);
        return new String(cps, 0, count);
    }

    private static String right(String v, int n) {
        int[] cps = v.codePoints().toArray();
        int count = n >= 0 ? Math.min(n, cps.length) : Math.max(0, cps.length + n);
        return new String(cps, cps.length - count, count);
    }

    private static String pad(String v, int length, String fill, boolean leftSide) {
        int[] cps = v.codePoints().toArray();
        if (length <= 0) {
            return "";
        }
        if (cps.length >= length || fill.isEmpty()) {
            return new String(cps, 0, Math.min(cps.length, length));
        }
        int[] f = fill.codePoints().toArray();
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < length - cps.length; i++) {
            padding.appendCodePoint(f[i % f.length]);
        }
        return leftSide ? padding + v : v + padding;
    }

    private static String splitPart(String v, String delimiter, int field) {
        if (field == 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (delimiter.isEmpty()) {
            return field == 1 || field == -1 ? v : "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            int at = v.indexOf(delimiter, from);
            if (at < 0) {
                parts.add(v.substring(from));
                break;
            }
            parts.add(v.substring(from, at));
            from = at + delimiter.length();
        }
        int index = field > 0 ? field - 1 : parts.size() + field;
        return index >= 0 && index < parts.size() ? parts.get(index) : "";
    }

    private static String md5(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(data);
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chr(int code) {
        if (code == 0) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive");
        }
        if (code > 0x10FFFF) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: %d", code);
        }
        if (code >= 0xD800 && code <= 0xDFFF) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character not valid for encoding: %d", code);
        }
        return new String(Character.toChars(code));
    }

    private static String initcap(String v) {
        StringBuilder out = new StringBuilder(v.length());
        boolean wordStart = true;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            out.appendCodePoint(wordStart ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
            wordStart = !Character.isLetterOrDigit(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Case mapping one code point at a time, as towupper/towlower do for PostgreSQL: 'ß' stays 'ß' and
     * 'İ' becomes a plain 'i' (String.toUpperCase/toLowerCase would change the length).
     */
    static String mapCodePoints(String v, java.util.function.IntUnaryOperator map) {
        StringBuilder out = new StringBuilder(v.length());
        v.codePoints().forEach(cp -> out.appendCodePoint(map.applyAsInt(cp)));
        return out.toString();
    }

    /** PostgreSQL's MaxAllocSize: no text value may need more bytes. */
    private static final long MAX_ALLOC_SIZE = 0x3fffffffL;

    private static PgException tooLarge() {
        return PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
    }

    /** lpad/rpad reserve 4 bytes (the longest UTF-8 character) per requested character. */
    private static String checkPadLength(String v, int length) {
        if ((long) length * 4 > MAX_ALLOC_SIZE) {
            throw tooLarge();
        }
        return v;
    }

    private static String repeat(String v, int count) {
        if (count <= 0) {
            return "";
        }
        long bytes = (long) v.getBytes(StandardCharsets.UTF_8).length * count + 4;
        if (bytes > MAX_ALLOC_SIZE) {
            throw tooLarge();
        }
        return v.repeat(count);
    }
}
