package org.lakepg.wire.types;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** bytea: hex (\x...) and escape formats in, bytea_output's format out; binary is the bytes. */
public final class ByteaType extends AbstractPgType<byte[]> {

    public static final ByteaType INSTANCE = new ByteaType();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ByteaType() {
        super(17, byte[].class);
    }

    @Override
    public byte[] parseText(String text, FormatSettings settings) {
        if (text.startsWith("\\x")) {
            return parseHex(text);
        }
        return parseEscape(text);
    }

    private static byte[] parseHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 2;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int high = hexValue(text, i);
            if (i + 1 >= n) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "invalid hexadecimal data: odd number of digits");
            }
            int low = hexValue(text, i + 1);
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexValue(String text, int at) {
        char c = text.charAt(at);
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"%s\"",
                    new String(Character.toChars(text.codePointAt(at))));
        }
        return v;
    }

    private static byte[] parseEscape(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            if (in[i] != '\\') {
                out.write(in[i++]);
            } else if (i + 1 < in.length && in[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < in.length && in[i + 1] >= '0' && in[i + 1] <= '3' && isOctal(in[i + 2])
                    && isOctal(in[i + 3])) {
                out.write((in[i + 1] - '0') << 6 | (in[i + 2] - '0') << 3 | (in[i + 3] - '0'));
                i += 4;
            } else {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    @Override
    public String formatText(byte[] value, FormatSettings settings) {
        StringBuilder out = new StringBuilder(value.length * 2 + 2);
        if (settings.byteaHex()) {
            out.append("\\x");
            for (byte b : value) {
                out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            return out.toString();
        }
        for (byte b : value) {
            int v = b & 0xFF;
            if (v == '\\') {
                out.append("\\\\");
            } else if (v < 0x20 || v > 0x7E) {
                out.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }

    @Override
    public byte[] decodeBinary(byte[] bytes) {
        return bytes.clone();
    }

    @Override
    public byte[] encodeBinary(byte[] value) {
        return value.clone();
    }
}
