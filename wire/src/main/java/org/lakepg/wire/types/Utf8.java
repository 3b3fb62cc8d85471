package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** UTF-8 checks the way a UTF8 database applies them to text received in binary. */
final class Utf8 {

    private Utf8() {
    }

    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes strictly; NUL and invalid sequences are 22021 like pg_verify_mbstr reports them. */
    static String decode(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw invalidSequence(bytes, i);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int at = firstInvalid(bytes);
            throw invalidSequence(bytes, at);
        }
    }

    private static int firstInvalid(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            if (len == 0 || i + len > bytes.length) {
                return i;
            }
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                return i;
            }
            i += len - 1;
        }
        return 0;
    }

    private static PgException invalidSequence(byte[] bytes, int at) {
        StringBuilder hex = new StringBuilder();
        int b = bytes[at] & 0xFF;
        // pg_utf_mblen: the length the lead byte announces, 1 for bytes that lead nothing
        int len = (b & 0x80) == 0 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
        for (int i = at; i < Math.min(bytes.length, at + len); i++) {
            hex.append(hex.isEmpty() ? "0x" : " 0x").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return PgException.of(SqlState.CHARACTER_NOT_IN_REPERTOIRE,
                "invalid byte sequence for encoding \"UTF8\": %s", hex);
    }
}
