package org.lakepg.server.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.server.function.FunctionRegistry;

/** hash_bytes values recorded from PostgreSQL 15 (select hashtext(...), hashtextextended(...)). */
class PgHashBytesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thirtyTwoBitHashCoversEveryTailLength() {
        assertThat(PgHashBytes.hash(utf8("abc"))).isEqualTo(-785388649);
        assertThat(PgHashBytes.hash(utf8(""))).isEqualTo(-1477818771);
        assertThat(PgHashBytes.hash(utf8("a somewhat longer text of 33 bytes"))).isEqualTo(-281156632);
    }

    @Test
    void seededHash() {
        assertThat(PgHashBytes.hashExtended(utf8("abc"), 0)).isEqualTo(-6747756470228489321L);
        assertThat(PgHashBytes.hashExtended(utf8("abc"), 42)).isEqualTo(4423357919252764502L);
    }

    @Test
    void byteaHashesLikeTextOfTheSameBytes() {
        Object hash = FunctionRegistry.builtins().lookup("hashvarlena").orElseThrow()
                .apply(new Object[] {utf8("abc")}, FixedFunctionContext.utc());
        assertThat(hash).isEqualTo(-785388649);
    }
}
