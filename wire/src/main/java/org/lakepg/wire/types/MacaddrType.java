package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** macaddr: six bytes, read in the seven layouts macaddr_in's sscanf patterns accept, printed xx:xx:xx:xx:xx:xx. */
public final class MacaddrType extends AbstractPgType<PgMacaddr> {

    public static final MacaddrType INSTANCE = new MacaddrType();

    /** Each pattern: six hex fields (width 0 = unlimited) and the separators after fields 1..5. */
    private static final int[][] WIDTHS = {{0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {2, 2, 2, 2, 2, 2},
        {2, 2, 2, 2, 2, 2}, {2, 2, 2, 2, 2, 2}, {2, 2, 2, 2, 2, 2}, {2, 2, 2, 2, 2, 2}};
    private static final String[] SEPARATORS = {":::::", "-----", "\0\0:\0\0", "\0\0-\0\0", "\0.\0.\0", "\0-\0-\0",
        "\0\0\0\0\0"};

    private MacaddrType() {
        super(829, PgMacaddr.class);
    }

    @Override
    public PgMacaddr parseText(String text, FormatSettings settings) {
        for (int p = 0; p < WIDTHS.length; p++) {
            long[] fields = scan(text, WIDTHS[p], SEPARATORS[p]);
            if (fields != null) {
                long bits = 0;
                for (long f : fields) {
                    if (f < 0 || f > 255) {
                        throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                                "invalid octet value in \"macaddr\" value: \"%s\"", text);
                    }
                    bits = bits << 8 | f;
                }
                return new PgMacaddr(bits, 6);
            }
        }
        throw TypeErrors.invalidSyntax("macaddr", text);
    }

    /** sscanf with %x fields: the six values (as C ints) if all six match and only spaces follow, else null. */
    private static long[] scan(String s, int[] widths, String separators) {
        long[] out = new long[6];
        int[] pos = {0};
        for (int f = 0; f < 6; f++) {
            if (f > 0 && separators.charAt(f - 1) != '\0') {
                if (pos[0] >= s.length() || s.charAt(pos[0]) != separators.charAt(f - 1)) {
                    return null;
                }
                pos[0]++;
            }
            Long v = hexField(s, pos, widths[f]);
            if (v == null) {
                return null;
            }
            out[f] = v;
        }
        while (pos[0] < s.length()) {
            if (!TypeErrors.isSpace(s.charAt(pos[0]++))) {
                return null;
            }
        }
        return out;
    }

    /** One %x conversion: spaces, an optional sign and 0x, hex digits, stored into an int. */
    private static Long hexField(String s, int[] pos, int width) {
        int i = pos[0];
        while (i < s.length() && TypeErrors.isSpace(s.charAt(i))) {
            i++;
        }
        int limit = width == 0 ? Integer.MAX_VALUE : width;
        int used = 0;
        boolean negative = false;
        if (i < s.length() && used < limit && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
            used++;
        }
        if (i + 1 < s.length() && used + 2 <= limit && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x'
                || s.charAt(i + 1) == 'X') && i + 2 < s.length() && hex(s.charAt(i + 2)) >= 0 && used + 2 < limit) {
            i += 2;
            used += 2;
        }
        long value = 0;
        int digits = 0;
        while (i < s.length() && used < limit && hex(s.charAt(i)) >= 0) {
            value = (value * 16 + hex(s.charAt(i))) & 0xFFFFFFFFL;
            i++;
            used++;
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        pos[0] = i;
        int asInt = (int) (negative ? -value : value);
        return (long) asInt;
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    @Override
    public String formatText(PgMacaddr value, FormatSettings settings) {
        return MacaddrText.format(value);
    }

    @Override
    public PgMacaddr decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 6);
        long bits = 0;
        for (byte b : bytes) {
            bits = bits << 8 | (b & 0xFF);
        }
        return new PgMacaddr(bits, 6);
    }

    @Override
    public byte[] encodeBinary(PgMacaddr value) {
        return MacaddrText.bytes(value);
    }
}
