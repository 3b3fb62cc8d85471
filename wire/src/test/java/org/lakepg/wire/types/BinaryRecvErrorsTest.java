package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/** recv functions reject malformed bytes with PostgreSQL's codes and wording. */
class BinaryRecvErrorsTest {

    private static String error(PgType<?> type, String hex) {
        PgException e = catchThrowableOfType(PgException.class, () -> type.decodeBinary(HexFormat.of().parseHex(hex)));
        assertThat(e).as("%s recv of %s must fail", type, hex).isNotNull();
        return e.sqlState().code() + " " + e.getMessage();
    }

    @Test
    void fixedSizeTypesReportMissingAndExtraBytes() {
        assertThat(error(Int4Type.INSTANCE, "000001")).isEqualTo("08P01 insufficient data left in message");
        assertThat(error(Int4Type.INSTANCE, "0000000100")).isEqualTo("22P03 incorrect binary data format");
        assertThat(error(UuidType.INSTANCE, "00")).isEqualTo("08P01 insufficient data left in message");
    }

    @Test
    void numericChecksSignDigitsAndScale() {
        assertThat(error(NumericType.INSTANCE, "0001000012340000000a"))
                .isEqualTo("22P03 invalid sign in external \"numeric\" value");
        assertThat(error(NumericType.INSTANCE, "00010000000000002710"))
                .isEqualTo("22P03 invalid digit in external \"numeric\" value");
        assertThat(error(NumericType.INSTANCE, "0002000000000000000a"))
                .isEqualTo("08P01 insufficient data left in message");
    }

    @Test
    void numericRecvRoundsToTheDeclaredScale() {
        // 1.2345 sent with dscale 2
        PgNumeric value = NumericType.INSTANCE.decodeBinary(HexFormat.of().parseHex("0002000000000002000109a1"));
        assertThat(value.toString()).isEqualTo("1.25");
    }

    @Test
    void arrayChecksHeaderAndElements() {
        ArrayType int4s = PgTypes.arrayOf(Int4Type.INSTANCE);
        assertThat(error(int4s, "000000010000000200000017")).isEqualTo("22P03 invalid array flags");
        assertThat(error(int4s, "000000010000000000000019000000010000000100000001")).isEqualTo(
                "42804 binary data has array element type 25 (text) instead of expected 23 (int4)");
        assertThat(error(int4s, "00000001000000000000001700000001000000010000000500000000ff"))
                .isEqualTo("22P03 improper binary format in array element 1");
        assertThat(error(int4s, "0000000100000000000000170000000200000001000000040000000a"))
                .isEqualTo("08P01 insufficient data left in message");
        assertThat(error(int4s, "000000070000000000000017")).startsWith("54000 number of array dimensions (7)");
    }

    @Test
    void textRejectsInvalidUtf8AndNul() {
        assertThat(error(TextType.TEXT, "61ff62")).isEqualTo("22021 invalid byte sequence for encoding \"UTF8\": 0xff");
        assertThat(error(TextType.TEXT, "610062")).isEqualTo("22021 invalid byte sequence for encoding \"UTF8\": 0x00");
        // recorded: select convert_from('\x61c328', 'UTF8') and friends
        assertThat(error(TextType.TEXT, "61c328")).endsWith("\"UTF8\": 0xc3 0x28");
        assertThat(error(TextType.TEXT, "61e282")).endsWith("\"UTF8\": 0xe2 0x82");
        assertThat(error(TextType.TEXT, "61f09f98")).endsWith("\"UTF8\": 0xf0 0x9f 0x98");
        assertThat(error(TextType.TEXT, "61edb080")).endsWith("\"UTF8\": 0xed 0xb0 0x80");
    }

    @Test
    void jsonbNeedsVersionOne() {
        assertThat(error(JsonbType.INSTANCE, "027b7d")).endsWith("unsupported jsonb version number 2");
        assertThat(JsonbType.INSTANCE.decodeBinary(HexFormat.of().parseHex("017b7d")).toString()).isEqualTo("{}");
    }
}
