package org.lakepg.server.function.scalar;

import java.nio.charset.StandardCharsets;
import org.lakepg.server.function.FunctionRegistry;

/**
 * Casts between the string types and the one-byte "char" type, "char" and integer, and between bpchar and name. A
 * "char" with the high bit set reads and prints as \ooo, as charin/charout do.
 */
public final class CharCasts {
    private CharCasts() {}

    public static void register(FunctionRegistry r) {
        r.register("char_text", (x, c) -> text((Byte) x[0]));
        r.register("char_bpchar", (x, c) -> text((Byte) x[0]));
        r.register("text_char", (x, c) -> fromText((String) x[0]));
        r.register("bpchar_name", (x, c) -> TextFunctions.truncateName(TextFunctions.stripTrailingSpaces((String) x[0])));
        r.register("name_bpchar", (x, c) -> x[0]);
        // "char" is a signed byte to these, as C's char is on the platforms PostgreSQL runs on
        r.register("chartoi4", (x, c) -> (int) (Byte) x[0]);
        r.register("i4tochar", (x, c) -> {
            int v = ((Number) x[0]).intValue();
            if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "\"char\" out of range");
            }
            return (byte) v;
        });
    }

    private static String text(byte b) {
        int v = b & 0xff;
        if (v == 0) {
            return "";
        }
        if (v >= 0x80) {
            return "\\" + (char) ('0' + (v >> 6)) + (char) ('0' + ((v >> 3) & 7)) + (char) ('0' + (v & 7));
        }
        return String.valueOf((char) v);
    }

    private static byte fromText(String s) {
        if (s.length() == 4 && s.charAt(0) == '\\' && s.charAt(1) >= '0' && s.charAt(1) <= '3' && isOctal(s.charAt(2))
                && isOctal(s.charAt(3))) {
            return (byte) (((s.charAt(1) - '0') << 6) | ((s.charAt(2) - '0') << 3) | (s.charAt(3) - '0'));
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return bytes.length == 0 ? 0 : bytes[0];
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }
}
