package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgBitString;

/** bit and bit varying operators and functions (varbit.c). */
public final class BitStringFunctions {
    private BitStringFunctions() {}

    private static PgBitString b(Object v) {
        return (PgBitString) v;
    }

    private static boolean[] bits(PgBitString v) {
        boolean[] out = new boolean[v.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.bit(i);
        }
        return out;
    }

    public static void register(FunctionRegistry r) {
        r.register("biteq", (x, c) -> b(x[0]).equals(b(x[1])));
        r.register("bitne", (x, c) -> !b(x[0]).equals(b(x[1])));
        r.register("bitlt", (x, c) -> compare(b(x[0]), b(x[1])) < 0);
        r.register("bitle", (x, c) -> compare(b(x[0]), b(x[1])) <= 0);
        r.register("bitgt", (x, c) -> compare(b(x[0]), b(x[1])) > 0);
        r.register("bitge", (x, c) -> compare(b(x[0]), b(x[1])) >= 0);
        r.register("bitcmp", (x, c) -> compare(b(x[0]), b(x[1])));
        r.register("bit_and", (x, c) -> bitwise(b(x[0]), b(x[1]), "AND"));
        r.register("bit_or", (x, c) -> bitwise(b(x[0]), b(x[1]), "OR"));
        r.register("bitxor", (x, c) -> bitwise(b(x[0]), b(x[1]), "XOR"));
        r.register("bitnot", (x, c) -> {
            boolean[] v = bits(b(x[0]));
            for (int i = 0; i < v.length; i++) {
                v[i] = !v[i];
            }
            return PgBitString.ofBits(v);
        });
        r.register("bitshiftleft", (x, c) -> shift(b(x[0]), (Integer) x[1]));
        r.register("bitshiftright", (x, c) -> shift(b(x[0]), -Math.max((Integer) x[1], -Integer.MAX_VALUE)));
        r.register("bitcat", (x, c) -> concat(b(x[0]), b(x[1])));
        r.register("bitlength", (x, c) -> b(x[0]).length());
        r.register("bitoctetlength", (x, c) -> (b(x[0]).length() + 7) / 8);
        r.register("bit_bit_count", (x, c) -> {
            long count = 0;
            for (boolean bit : bits(b(x[0]))) {
                count += bit ? 1 : 0;
            }
            return count;
        });
        r.register("bitsubstr", (x, c) -> substring(b(x[0]), (Integer) x[1], (Integer) x[2], false));
        r.register("bitsubstr_no_len", (x, c) -> substring(b(x[0]), (Integer) x[1], -1, true));
        r.register("bitoverlay", (x, c) -> overlay(b(x[0]), b(x[1]), (Integer) x[2], (Integer) x[3]));
        r.register("bitoverlay_no_len", (x, c) -> overlay(b(x[0]), b(x[1]), (Integer) x[2], b(x[1]).length()));
        r.register("bitposition", (x, c) -> position(b(x[0]), b(x[1])));
        r.register("bitgetbit", (x, c) -> {
            int n = (Integer) x[1];
            checkIndex(b(x[0]), n);
            return b(x[0]).bit(n) ? 1 : 0;
        });
        r.register("bitsetbit", (x, c) -> {
            int n = (Integer) x[1];
            int value = (Integer) x[2];
            checkIndex(b(x[0]), n);
            if (value != 0 && value != 1) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "new bit must be 0 or 1");
            }
            boolean[] v = bits(b(x[0]));
            v[n] = value == 1;
            return PgBitString.ofBits(v);
        });
        r.register("bitfromint4", (x, c) -> fromInteger((Integer) x[0], (Integer) x[1]));
        r.register("bitfromint8", (x, c) -> fromInteger((Long) x[0], (Integer) x[1]));
        r.register("bittoint4", (x, c) -> (int) toInteger(b(x[0]), 32, "integer"));
        r.register("bittoint8", (x, c) -> toInteger(b(x[0]), 64, "bigint"));
        r.register("bit", (x, c) -> fixedLength(b(x[0]), (Integer) x[1], (Boolean) x[2]));
        r.register("varbit", (x, c) -> maxLength(b(x[0]), (Integer) x[1], (Boolean) x[2]));
    }

    /** bit_cmp: byte-wise, then the shorter first. */
    static int compare(PgBitString a, PgBitString b) {
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int d = (x[i] & 0xFF) - (y[i] & 0xFF);
            if (d != 0) {
                return d; // memcmp's byte difference, which bitcmp returns as is
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static PgBitString bitwise(PgBitString a, PgBitString b, String op) {
        if (a.length() != b.length()) {
            throw PgException.of(SqlState.STRING_DATA_LENGTH_MISMATCH, "cannot %s bit strings of different sizes", op);
        }
        byte[] x = a.bytes();
        byte[] y = b.bytes();
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) switch (op) {
                case "AND" -> x[i] & y[i];
                case "OR" -> x[i] | y[i];
                default -> x[i] ^ y[i];
            };
        }
        return new PgBitString(a.length(), x);
    }

    /** Shift left by n (right when negative), keeping the length and filling with zeros. */
    private static PgBitString shift(PgBitString v, int n) {
        boolean[] in = bits(v);
        boolean[] out = new boolean[in.length];
        for (int i = 0; i < out.length; i++) {
            long from = (long) i + n;
            out[i] = from >= 0 && from < in.length && in[(int) from];
        }
        return PgBitString.ofBits(out);
    }

    private static PgBitString concat(PgBitString a, PgBitString b) {
        boolean[] out = new boolean[a.length() + b.length()];
        for (int i = 0; i < a.length(); i++) {
            out[i] = a.bit(i);
        }
        for (int i = 0; i < b.length(); i++) {
            out[a.length() + i] = b.bit(i);
        }
        return PgBitString.ofBits(out);
    }

    /** bitsubstring: 1-based start, start before 1 shortens, a length running past the end stops there. */
    private static PgBitString substring(PgBitString v, int s, int l, boolean toEnd) {
        int bitlen = v.length();
        int s1 = Math.max(s, 1);
        int e1;
        if (toEnd) {
            e1 = bitlen + 1;
        } else if (l < 0) {
            throw PgException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        } else if ((long) s + l > Integer.MAX_VALUE) {
            e1 = bitlen + 1;
        } else {
            e1 = Math.min(s + l, bitlen + 1);
        }
        if (s1 > bitlen || e1 <= s1) {
            return PgBitString.ofBits(new boolean[0]);
        }
        boolean[] out = new boolean[e1 - s1];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.bit(s1 - 1 + i);
        }
        return PgBitString.ofBits(out);
    }

    private static PgBitString overlay(PgBitString t1, PgBitString t2, int sp, int sl) {
        if (sp <= 0) {
            throw PgException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long end = (long) sp + sl;
        if (end > Integer.MAX_VALUE || end < Integer.MIN_VALUE) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        PgBitString head = substring(t1, 1, sp - 1, false);
        PgBitString tail = substring(t1, (int) end, -1, true);
        return concat(concat(head, t2), tail);
    }

    private static int position(PgBitString str, PgBitString sub) {
        if (str.length() == 0 || sub.length() > str.length()) {
            return 0;
        }
        if (sub.length() == 0) {
            return 1;
        }
        outer:
        for (int i = 0; i + sub.length() <= str.length(); i++) {
            for (int j = 0; j < sub.length(); j++) {
                if (str.bit(i + j) != sub.bit(j)) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return 0;
    }

    private static void checkIndex(PgBitString v, int n) {
        if (n < 0 || n >= v.length()) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "bit index %d out of valid range (0..%d)", n,
                    v.length() - 1);
        }
    }

    /** bitfromint4/8: the low typmod bits of the two's complement value, sign-extended when longer. */
    private static PgBitString fromInteger(long a, int typmod) {
        int length = typmod <= 0 ? 1 : typmod;
        boolean[] out = new boolean[length];
        for (int i = 0; i < length; i++) {
            int p = length - 1 - i;
            out[i] = p >= 63 ? a < 0 : ((a >> p) & 1) != 0;
        }
        return PgBitString.ofBits(out);
    }

    private static long toInteger(PgBitString v, int width, String type) {
        if (v.length() > width) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range", type);
        }
        long result = 0;
        for (int i = 0; i < v.length(); i++) {
            result = result << 1 | (v.bit(i) ? 1 : 0);
        }
        return result;
    }

    /** bit(n) length coercion: exact length, or padded/truncated on the right by an explicit cast. */
    private static PgBitString fixedLength(PgBitString v, int len, boolean explicit) {
        if (len <= 0 || len == v.length()) {
            return v;
        }
        if (!explicit) {
            throw PgException.of(SqlState.STRING_DATA_LENGTH_MISMATCH, "bit string length %d does not match type bit(%d)",
                    v.length(), len);
        }
        boolean[] out = new boolean[len];
        for (int i = 0; i < Math.min(len, v.length()); i++) {
            out[i] = v.bit(i);
        }
        return PgBitString.ofBits(out);
    }

    private static PgBitString maxLength(PgBitString v, int len, boolean explicit) {
        if (len <= 0 || len >= v.length()) {
            return v;
        }
        if (!explicit) {
            throw PgException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION, "bit string too long for type bit varying(%d)",
                    len);
        }
        return substring(v, 1, len, false);
    }
}
