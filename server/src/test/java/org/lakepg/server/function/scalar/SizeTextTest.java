package org.lakepg.server.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.types.PgNumeric;

/** Expected values recorded from PostgreSQL 15 (the dbsize regression test). */
class SizeTextTest {

    @Test
    void prettyChangesUnitAtTenThousandTwoHundredForty() {
        assertThat(SizeText.pretty(10239)).isEqualTo("10239 bytes");
        assertThat(SizeText.pretty(10240)).isEqualTo("10 kB");
        assertThat(SizeText.pretty(10485247)).isEqualTo("10239 kB");
        assertThat(SizeText.pretty(10485248)).isEqualTo("10 MB");
        assertThat(SizeText.pretty(-1000000)).isEqualTo("-977 kB");
        assertThat(SizeText.pretty(11258449312612352L)).isEqualTo("10 PB");
        assertThat(SizeText.pretty(Long.MIN_VALUE)).isEqualTo("-8192 PB");
    }

    @Test
    void prettyOfNumericKeepsFractionsBelowTenKilobytes() {
        assertThat(SizeText.pretty(PgNumeric.of("10.5"))).isEqualTo("10.5 bytes");
        assertThat(SizeText.pretty(PgNumeric.of("1000000.5"))).isEqualTo("977 kB");
        assertThat(SizeText.pretty(PgNumeric.of("11528652096115048448"))).isEqualTo("10240 PB");
    }

    @Test
    void bytesParsesNumbersAndUnits() {
        assertThat(SizeText.bytes("1.5 GB ")).isEqualTo(1610612736L);
        assertThat(SizeText.bytes("1e6 MB")).isEqualTo(1048576000000L);
        assertThat(SizeText.bytes("123bytes")).isEqualTo(123);
        assertThatThrownBy(() -> SizeText.bytes("1 AB A    ")).isInstanceOf(PgException.class)
                .hasMessage("invalid size: \"1 AB A    \"")
                .satisfies(e -> assertThat(((PgException) e).detail()).isEqualTo("Invalid size unit: \"AB A\"."));
        assertThatThrownBy(() -> SizeText.bytes("9223372036854775807.9")).hasMessage("bigint out of range");
        assertThatThrownBy(() -> SizeText.bytes("-.")).hasMessage("invalid size: \"-.\"");
    }
}
