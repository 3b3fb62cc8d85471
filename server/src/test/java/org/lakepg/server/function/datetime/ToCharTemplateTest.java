package org.lakepg.server.function.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;

/**
 * How to_char reads its template, in the cases that surprise: patterns match longest-first and
 * case-sensitively, only one FM/TM prefix is taken, quotes and backslashes; expected outputs
 * recorded from PostgreSQL 15.
 */
class ToCharTemplateTest {
    private static final FunctionContext UTC = FixedFunctionContext.utc();

    private static String toChar(String timestamp, String template) {
        Object value = WireTypeIO.INSTANCE.input(TypeOids.TIMESTAMPTZ, -1, timestamp, UTC);
        return (String) FunctionRegistry.builtins().lookup("timestamptz_to_char").orElseThrow()
                .apply(new Object[] {value, template}, UTC);
    }

    @Test
    void patternsMatchLongestFirstAndCaseSensitively() {
        String t = "2020-05-06 17:08:09+00";
        assertThat(toChar(t, "of tzh tzm")).isEqualTo("+00 +00 00");
        assertThat(toChar(t, "Dd")).isEqualTo("44");
        assertThat(toChar(t, "hH24")).isEqualTo("hH24");
        assertThat(toChar(t, "Hello World!")).isEqualTo("Hello 1orl4!");
    }

    @Test
    void onePrefixAtATimeAndQuotedText() {
        String t = "2020-05-06 17:08:09+00";
        assertThat(toChar(t, "FMTMMonth")).isEqualTo("T05onth");
        assertThat(toChar(t, "TMFMMonth")).isEqualTo("F05onth");
        assertThat(toChar(t, "FMFMDD")).isEqualTo("FM06");
        assertThat(toChar(t, "FMDDTH")).isEqualTo("6TH");
        assertThat(toChar(t, "FM\"x\"DD")).isEqualTo("x06");
    }
}
