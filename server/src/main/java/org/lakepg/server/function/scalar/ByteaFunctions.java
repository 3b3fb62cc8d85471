package org.lakepg.server.function.scalar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** bytea operators and functions: comparison (unsigned bytes), ||, substring, position, trim, bytes and bits, LIKE, SHA-2. */
public final class ByteaFunctions {
    private ByteaFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("byteaeq", (x, c) -> cmp(x) == 0);
        r.register("byteane", (x, c) -> cmp(x) != 0);
        r.register("bytealt", (x, c) -> cmp(x) < 0);
        r.register("byteale", (x, c) -> cmp(x) <= 0);
        r.register("byteagt", (x, c) -> cmp(x) > 0);
        r.register("byteage", (x, c) -> cmp(x) >= 0);
        r.register("byteacmp", (x, c) -> Integer.signum(cmp(x)));
        r.register("byteacat", (x, c) -> concat(b(x[0]), b(x[1])));
        r.register("byteaoctetlen", (x, c) -> b(x[0]).length);
        r.register("bytea_substr", (x, c) -> substring(b(x[0]), i(x[1]), i(x[2]), true));
        r.register("bytea_substr_no_len", (x, c) -> substring(b(x[0]), i(x[1]), 0, false));
        r.register("byteapos", (x, c) -> position(b(x[0]), b(x[1])));
        r.register("byteatrim", (x, c) -> trim(b(x[0]), b(x[1]), true, true));
        r.register("bytealtrim", (x, c) -> trim(b(x[0]), b(x[1]), true, false));
        r.register("byteartrim", (x, c) -> trim(b(x[0]), b(x[1]), false, true));
        r.register("byteaoverlay", (x, c) -> overlay(b(x[0]), b(x[1]), i(x[2]), i(x[3])));
        r.register("byteaoverlay_no_len", (x, c) -> overlay(b(x[0]), b(x[1]), i(x[2]), b(x[1]).length));
        r.register("byteaGetByte", (x, c) -> b(x[0])[checkIndex(i(x[1]), b(x[0]).length)] & 0xff);
        r.register("byteaSetByte", (x, c) -> {
            byte[] copy = b(x[0]).clone();
            copy[checkIndex(i(x[1]), copy.length)] = (byte) i(x[2]);
            return copy;
        });
        r.register("byteaGetBit", (x, c) -> {
            long n = ((Number) x[1]).longValue();
            byte[] v = b(x[0]);
            checkBitIndex(n, v.length);
            return (v[(int) (n / 8)] >> (n % 8)) & 1;
        });
        r.register("byteaSetBit", (x, c) -> {
            long n = ((Number) x[1]).longValue();
            int bit = i(x[2]);
            byte[] copy = b(x[0]).clone();
            checkBitIndex(n, copy.length);
            if (bit != 0 && bit != 1) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "new bit must be 0 or 1");
            }
            int at = (int) (n / 8);
            int mask = 1 << (n % 8);
            copy[at] = (byte) (bit == 1 ? copy[at] | mask : copy[at] & ~mask);
            return copy;
        });
        r.register("bytea_bit_count", (x, c) -> {
            long count = 0;
            for (byte v : b(x[0])) {
                count += Integer.bitCount(v & 0xff);
            }
            return count;
        });
        r.register("bytealike", (x, c) -> Like.matches(latin1(b(x[0])), latin1(b(x[1])), false));
        r.register("byteanlike", (x, c) -> !Like.matches(latin1(b(x[0])), latin1(b(x[1])), false));
        r.register("like_escape_bytea", (x, c) -> Like.withEscape(latin1(b(x[0])), latin1(b(x[1])))
                .getBytes(StandardCharsets.ISO_8859_1));
        r.register("sha224_bytea", (x, c) -> digest("SHA-224", b(x[0])));
        r.register("sha256_bytea", (x, c) -> digest("SHA-256", b(x[0])));
        r.register("sha384_bytea", (x, c) -> digest("SHA-384", b(x[0])));
        r.register("sha512_bytea", (x, c) -> digest("SHA-512", b(x[0])));
    }

    private static byte[] b(Object v) {
        return (byte[]) v;
    }

    private static int i(Object v) {
        return ((Number) v).intValue();
    }

    private static int cmp(Object[] x) {
        return Arrays.compareUnsigned(b(x[0]), b(x[1]));
    }

    /** One char per byte, so that character-based LIKE matching works byte by byte. */
    private static String latin1(byte[] v) {
        return new String(v, StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] substring(byte[] v, int start, int length, boolean hasLength) {
        if (hasLength && length < 0) {
            throw PgException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long from = Math.max(1, start);
        long to = hasLength ? Math.min((long) start + length, v.length + 1L) : v.length + 1L;
        if (to <= from) {
            return new byte[0];
        }
        return Arrays.copyOfRange(v, (int) from - 1, (int) to - 1);
    }

    private static int position(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return 0;
    }

    private static byte[] trim(byte[] v, byte[] set, boolean leading, boolean trailing) {
        int start = 0;
        int end = v.length;
        while (leading && start < end && contains(set, v[start])) {
            start++;
        }
        while (trailing && end > start && contains(set, v[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(v, start, end);
    }

    private static boolean contains(byte[] set, byte value) {
        for (byte s : set) {
            if (s == value) {
                return true;
            }
        }
        return false;
    }

    private static byte[] overlay(byte[] v, byte[] placing, int start, int count) {
        long end = (long) start + count;
        if (end > Integer.MAX_VALUE || end < Integer.MIN_VALUE) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        if (start - 1 < 0) {
            throw PgException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        byte[] head = Arrays.copyOfRange(v, 0, Math.min(start - 1, v.length));
        int tailStart = (int) Math.min(Math.max(end, 1) - 1, v.length);
        byte[] tail = Arrays.copyOfRange(v, tailStart, v.length);
        return concat(concat(head, placing), tail);
    }

    private static int checkIndex(int n, int length) {
        if (n < 0 || n >= length) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "index %d out of valid range, 0..%d", n, length - 1);
        }
        return n;
    }

    private static void checkBitIndex(long n, int length) {
        long bits = (long) length * 8;
        if (n < 0 || n >= bits) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "index %d out of valid range, 0..%d", n, bits - 1);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
