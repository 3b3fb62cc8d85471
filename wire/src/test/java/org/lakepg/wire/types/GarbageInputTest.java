package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/**
 * Whatever a client sends, an input or recv function either returns a value or throws
 * PgException (which becomes a proper ErrorResponse) — never another exception (XX000).
 */
class GarbageInputTest {

    private static final String ALPHABET = "0123456789 -+:./,{}[]\"\\eEtTxXzZpPmMyYdDhHsSaAbBcCnNuUlLiIfF()@'_=é\t";

    @Test
    void textInputNeverFailsWithAnythingButPgException() {
        Random random = new Random(20261126);
        FormatSettings[] settings = {FormatSettings.defaults(), FormatSettings.defaults().withDateStyle("SQL, DMY")
                .withIntervalStyle("sql_standard"), FormatSettings.defaults().withDateStyle("German")};
        for (PgType<?> type : PgTypes.all()) {
            for (int i = 0; i < 1500; i++) {
                String input = randomText(random, i);
                FormatSettings s = settings[i % settings.length];
                try {
                    Object value = type.parseText(input, s);
                    // what was accepted must print and round-trip through binary
                    type.formatTextUnchecked(value, s);
                    type.decodeBinary(type.encodeBinaryUnchecked(value));
                } catch (PgException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError(type.name() + " input '" + input + "' threw " + e, e);
                }
            }
        }
    }

    @Test
    void binaryInputNeverFailsWithAnythingButPgException() {
        Random random = new Random(7);
        for (PgType<?> type : PgTypes.all()) {
            for (int i = 0; i < 1500; i++) {
                byte[] bytes = randomBytes(random, type);
                try {
                    Object value = type.decodeBinary(bytes);
                    type.formatTextUnchecked(value, FormatSettings.defaults());
                } catch (PgException expected) {
                    assertThat(expected.sqlState()).isNotNull();
                } catch (RuntimeException e) {
                    throw new AssertionError(type.name() + " recv of " + java.util.HexFormat.of().formatHex(bytes)
                            + " threw " + e, e);
                }
            }
        }
    }

    private static String randomText(Random random, int i) {
        int length = random.nextInt(i % 10 == 0 ? 40 : 12);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < length; k++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static byte[] randomBytes(Random random, PgType<?> type) {
        int length = type.typeLength() > 0 && random.nextBoolean() ? type.typeLength() : random.nextInt(48);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (length >= 12 && random.nextBoolean()) {
            // a plausible array header so decoding goes deeper than the first check
            java.nio.ByteBuffer.wrap(bytes).putInt(random.nextInt(3)).putInt(random.nextInt(2))
                    .putInt(PgTypeInfo.byOid(type.oid()).elementOid());
        }
        return bytes;
    }
}
