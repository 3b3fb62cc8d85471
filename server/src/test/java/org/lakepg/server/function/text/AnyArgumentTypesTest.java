package org.lakepg.server.function.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.function.scalar.ArgumentTypeAware;
import org.lakepg.wire.types.Jsonb;

/**
 * "any" arguments printed by their bound SQL types (expected texts from PostgreSQL 15 with
 * TimeZone=UTC): dates and timestamps are not numbers, json is not a string.
 */
class AnyArgumentTypesTest {
    private static final FixedFunctionContext UTC = FixedFunctionContext.utc();
    private static final int DATE_2020_01_02 = (int) ChronoUnit.DAYS.between(LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 2));
    private static final long TS = ChronoUnit.MICROS.between(LocalDateTime.of(2000, 1, 1, 0, 0),
            LocalDateTime.of(2020, 1, 2, 3, 4, 5, 500_000_000));

    private static Object call(String source, long[] types, Object... args) {
        ScalarFunction code = FunctionRegistry.builtins().lookup(source).orElseThrow();
        assertThat(code).isInstanceOf(ArgumentTypeAware.class);
        return ((ArgumentTypeAware) code).withArgumentTypes(types).apply(args, UTC);
    }

    @Test
    void concatPrintsDatesAndJsonByType() {
        assertThat(call("text_concat", new long[] {TypeOids.DATE, TypeOids.TEXT, TypeOids.JSON},
                DATE_2020_01_02, " ", "{\"a\":1}")).isEqualTo("2020-01-02 {\"a\":1}");
    }

    @Test
    void formatUsesTheOutputFunctionOfEachArgument() {
        assertThat(call("text_format", new long[] {TypeOids.TEXT, TypeOids.DATE, TypeOids.TIMESTAMP},
                "%s|%L", DATE_2020_01_02, TS - 500_000)).isEqualTo("2020-01-02|'2020-01-02 03:04:05'");
    }

    @Test
    void jsonGetsIso8601DateTimesAndEmbedsJson() {
        assertThat(call("to_json", new long[] {TypeOids.DATE}, DATE_2020_01_02)).isEqualTo("\"2020-01-02\"");
        assertThat(call("to_json", new long[] {TypeOids.TIMESTAMP}, TS)).isEqualTo("\"2020-01-02T03:04:05.5\"");
        assertThat(call("to_json", new long[] {TypeOids.TIMESTAMPTZ}, TS - 500_000))
                .isEqualTo("\"2020-01-02T03:04:05+00:00\"");
        assertThat(call("json_build_object", new long[] {TypeOids.TEXT, TypeOids.JSON}, "a", "{\"x\":1}"))
                .isEqualTo("{\"a\" : {\"x\":1}}");
        assertThat(call("to_jsonb", new long[] {TypeOids.JSON}, "{\"b\":1,\"a\":2}").toString())
                .isEqualTo("{\"a\": 2, \"b\": 1}");
        assertThat(call("to_jsonb", new long[] {TypeOids.TEXT}, "{\"b\":1}")).isEqualTo(new Jsonb.Str("{\"b\":1}"));
    }
}
