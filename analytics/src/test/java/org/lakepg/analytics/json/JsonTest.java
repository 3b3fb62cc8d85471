package org.lakepg.analytics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndParsesBackEveryKindOfValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t control \u0001 é 😀");
        m.put("n", 42L);
        m.put("big", new BigDecimal("123456789012345678901234567890"));
        m.put("d", new BigDecimal("-1.50"));
        m.put("list", Arrays.asList(true, false, null, List.of()));
        m.put("empty", Map.of());
        String text = Json.write(m);
        assertThat(text).startsWith("{\"s\":\"quote \\\" backslash \\\\ newline \\n tab \\t control \\u0001 é 😀\"");
        assertThat(Json.parse(text)).isEqualTo(m);
        assertThat(Json.parse(" [1 , {\"a\" : \"\\u00e9\\/\"}] ")).isEqualTo(List.of(1L, Map.of("a", "é/")));
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Json.write(Double.NaN)).hasMessageContaining("NaN");
    }
}
