package org.lakepg.wire.types;

import java.nio.charset.StandardCharsets;

/**
 * "char": a single byte (the internal type, not char(n)). Input keeps the first byte of the
 * text or a \ooo octal escape; output prints bytes >= 0x80 as \ooo and byte 0 as the empty string.
 */
public final class CharType extends AbstractPgType<Byte> {

    public static final CharType INSTANCE = new CharType();

    private CharType() {
        super(18, Byte.class);
    }

    @Override
    public Byte parseText(String text, FormatSettings settings) {
        if (text.length() == 4 && text.charAt(0) == '\\' && isOctal(text.charAt(1)) && isOctal(text.charAt(2))
                && isOctal(text.charAt(3))) {
            return (byte) Integer.parseInt(text.substring(1), 8);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length == 0 ? 0 : bytes[0];
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    @Override
    public String formatText(Byte value, FormatSettings settings) {
        int b = value & 0xFF;
        if (b == 0) {
            return "";
        }
        if (b >= 0x80) {
            return "\\" + (char) ('0' + (b >> 6)) + (char) ('0' + ((b >> 3) & 7)) + (char) ('0' + (b & 7));
        }
        return String.valueOf((char) b);
    }

    @Override
    public Byte decodeBinary(byte[] bytes) {
        // charrecv takes one byte; an empty message means the NUL byte
        return bytes.length == 0 ? 0 : bytes[0];
    }

    @Override
    public byte[] encodeBinary(Byte value) {
        return new byte[] {value};
    }
}
