package org.lakepg.server.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.JsonbType;

/** jsonb ordering and containment corner cases, as PostgreSQL 15 answers them. */
class JsonbValuesTest {

    private static Jsonb j(String text) {
        return JsonbType.INSTANCE.parseText(text, FormatSettings.defaults());
    }

    @Test
    void aTopLevelScalarIsAOneElementArrayForOrdering() {
        // checked with PostgreSQL 15: '1' > '[]', '1' < '[5]', '1' < '[1,2]'
        assertThat(JsonbValues.compareDocuments(j("1"), j("[]"))).isPositive();
        assertThat(JsonbValues.compareDocuments(j("1"), j("[5]"))).isNegative();
        assertThat(JsonbValues.compareDocuments(j("1"), j("[1, 2]"))).isNegative();
        assertThat(JsonbValues.compareDocuments(j("1"), j("{}"))).isNegative();
    }

    @Test
    void typesOrderNullStringNumberBooleanArrayObject() {
        assertThat(JsonbValues.compare(j("null"), j("\"a\""))).isNegative();
        assertThat(JsonbValues.compare(j("\"z\""), j("0"))).isNegative();
        assertThat(JsonbValues.compare(j("100"), j("false"))).isNegative();
        assertThat(JsonbValues.compare(j("[1]"), j("{}"))).isNegative();
        assertThat(JsonbValues.compare(j("1.0"), j("1"))).isZero();
    }

    @Test
    void containment() {
        assertThat(JsonbValues.containsDocument(j("[1, 2]"), j("1"))).isTrue();
        assertThat(JsonbValues.containsDocument(j("1"), j("[1]"))).isFalse();
        assertThat(JsonbValues.containsDocument(j("{\"a\": [1]}"), j("{\"a\": 1}"))).isFalse();
        assertThat(JsonbValues.containsDocument(j("[[1, 3], 2]"), j("[[1]]"))).isTrue();
        assertThat(JsonbValues.containsDocument(j("[1, 2]"), j("[[1]]"))).isFalse();
    }
}
