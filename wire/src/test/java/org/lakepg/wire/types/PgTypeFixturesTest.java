package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lakepg.wire.error.PgException;

/** Every fixture row recorded from PostgreSQL 15: text output, send() bytes both ways, errors. */
class PgTypeFixturesTest {

    static Stream<TypeFixture> fixtures() {
        return TypeFixture.load().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void behavesLikePostgres(TypeFixture row) {
        PgType<?> type = PgTypes.byName(row.baseType());
        assertThat(type).as("type %s", row.type()).isNotNull();
        FormatSettings settings = row.formatSettings();
        int typmod = row.typmod();
        if (row.ok()) {
            // a literal cast to a type with modifiers is an explicit cast in PostgreSQL
            Object value;
            try {
                value = TypeModifiers.apply(type, type.parseText(row.input(), settings), typmod, true);
            } catch (PgException e) {
                throw new AssertionError(row + " failed: " + e.sqlState().code() + " " + e.getMessage(), e);
            }
            assertThat(type.formatTextUnchecked(value, settings)).as("%s text output", row).isEqualTo(row.output());
            assertThat(HexFormat.of().formatHex(type.encodeBinaryUnchecked(value))).as("%s send", row)
                    .isEqualTo(row.binaryHex());
            Object received = type.decodeBinary(row.binary());
            assertThat(type.formatTextUnchecked(received, settings)).as("%s recv", row).isEqualTo(row.output());
        } else {
            PgException error = catchThrowableOfType(PgException.class,
                    () -> TypeModifiers.apply(type, type.parseText(row.input(), settings), typmod, true));
            assertThat(error).as("%s expected %s: %s", row, row.sqlState(), row.message()).isNotNull();
            assertThat(error.sqlState().code() + " " + error.getMessage()).as("%s", row).isEqualTo(
                    row.sqlState() + " " + row.message());
            assertThat(error.detail() == null ? "" : error.detail()).as("%s detail", row).isEqualTo(row.detail());
        }
    }
}
