package org.lakepg.wire.types;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * macaddr8: eight bytes; input is pairs of hex digits with one consistent optional separator
 * (':', '-' or '.'), six bytes becoming EUI-64 with FF:FE inserted in the middle.
 */
public final class Macaddr8Type extends AbstractPgType<PgMacaddr> {

    public static final Macaddr8Type INSTANCE = new Macaddr8Type();

    private Macaddr8Type() {
        super(774, PgMacaddr.class);
    }

    @Override
    public PgMacaddr parseText(String text, FormatSettings settings) {
        int p = 0;
        int n = text.length();
        while (p < n && TypeErrors.isSpace(text.charAt(p))) {
            p++;
        }
        int[] b = new int[8];
        int count = 0;
        char spacer = '\0';
        while (p + 1 < n) {
            count++;
            if (count > 8) {
                throw TypeErrors.invalidSyntax("macaddr8", text);
            }
            int hi = hex(text.charAt(p));
            int lo = hex(text.charAt(p + 1));
            if (hi < 0 || lo < 0) {
                throw TypeErrors.invalidSyntax("macaddr8", text);
            }
            b[count - 1] = hi << 4 | lo;
            p += 2;
            if (p < n && (text.charAt(p) == ':' || text.charAt(p) == '-' || text.charAt(p) == '.')) {
                if (spacer == '\0') {
                    spacer = text.charAt(p);
                } else if (spacer != text.charAt(p)) {
                    throw TypeErrors.invalidSyntax("macaddr8", text);
                }
                p++;
            }
            if ((count == 6 || count == 8) && p < n && TypeErrors.isSpace(text.charAt(p))) {
                while (++p < n && TypeErrors.isSpace(text.charAt(p))) {
                    // skip trailing spaces
                }
                if (p < n) {
                    throw TypeErrors.invalidSyntax("macaddr8", text);
                }
            }
        }
        if (count == 6) {
            b = new int[] {b[0], b[1], b[2], 0xFF, 0xFE, b[3], b[4], b[5]};
        } else if (count != 8) {
            throw TypeErrors.invalidSyntax("macaddr8", text);
        }
        long bits = 0;
        for (int v : b) {
            bits = bits << 8 | v;
        }
        return new PgMacaddr(bits, 8);
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
        if (bytes.length != 6 && bytes.length != 8) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid length in external \"macaddr8\" value");
        }
        long bits = 0;
        for (byte x : bytes) {
            bits = bits << 8 | (x & 0xFF);
        }
        if (bytes.length == 6) {
            bits = (bits >>> 24) << 40 | 0xFFFEL << 24 | (bits & 0xFFFFFF);
        }
        return new PgMacaddr(bits, 8);
    }

    @Override
    public byte[] encodeBinary(PgMacaddr value) {
        return MacaddrText.bytes(value);
    }
}
