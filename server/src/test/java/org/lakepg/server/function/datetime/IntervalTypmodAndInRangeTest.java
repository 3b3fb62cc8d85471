package org.lakepg.server.function.datetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * interval_scale with field ranges ({@code interval '...' day to minute}) and seconds precision,
 * and the window-frame in_range functions; expectations from PostgreSQL 15.
 */
class IntervalTypmodAndInRangeTest {
    private static final FunctionContext UTC = FixedFunctionContext.utc();
    private static final int FULL_PRECISION = 0xFFFF;
    private static final int MONTH = 1 << 1;
    private static final int YEAR = 1 << 2;
    private static final int DAY = 1 << 3;
    private static final int HOUR = 1 << 10;
    private static final int MINUTE = 1 << 11;
    private static final int SECOND = 1 << 12;

    private static Object in(long type, String text) {
        return WireTypeIO.INSTANCE.input(type, -1, text, UTC);
    }

    private static Object call(String source, Object... args) {
        return FunctionRegistry.builtins().lookup(source).orElseThrow().apply(args, UTC);
    }

    private static String scaled(String interval, int range, int precision) {
        Object value = call("interval_scale", in(TypeOids.INTERVAL, interval), range << 16 | precision);
        return WireTypeIO.INSTANCE.output(TypeOids.INTERVAL, value, UTC);
    }

    @Test
    void fieldRangesDropTheSmallerFields() {
        String v = "1 year 2 months 3 days 04:05:06.789";
        assertThat(scaled("1 year 14 months 3 days 04:05:06.789", YEAR, FULL_PRECISION)).isEqualTo("2 years");
        assertThat(scaled("-1 year 14 months 3 days 04:05:06.789", YEAR, FULL_PRECISION)).isEqualTo("00:00:00");
        assertThat(scaled(v, MONTH, FULL_PRECISION)).isEqualTo("1 year 2 mons");
        assertThat(scaled(v, DAY, FULL_PRECISION)).isEqualTo("1 year 2 mons 3 days");
        assertThat(scaled(v, HOUR, FULL_PRECISION)).isEqualTo("1 year 2 mons 3 days 04:00:00");
        assertThat(scaled(v, DAY | HOUR | MINUTE, FULL_PRECISION)).isEqualTo("1 year 2 mons 3 days 04:05:00");
        assertThat(scaled(v, SECOND, 1)).isEqualTo("1 year 2 mons 3 days 04:05:06.8");
        assertThat(scaled("-3 days -04:05:06.789", DAY | HOUR | MINUTE | SECOND, 0)).isEqualTo("-3 days -04:05:07");
        assertThat(scaled("-3.56 seconds", 0x7FFF, 1)).isEqualTo("-00:00:03.6");
    }

    @Test
    void inRangeComparesWithTheShiftedBase() {
        Object base = in(TypeOids.TIMESTAMP, "2020-01-31 00:00");
        Object month = in(TypeOids.INTERVAL, "1 month");
        // base + 1 month = 2020-02-29
        assertThat(call("in_range_timestamp_interval", in(TypeOids.TIMESTAMP, "2020-02-29"), base, month, false, true))
                .isEqualTo(true);
        assertThat(call("in_range_timestamp_interval", in(TypeOids.TIMESTAMP, "2020-03-01"), base, month, false, true))
                .isEqualTo(false);
        assertThat(call("in_range_date_interval", in(TypeOids.DATE, "2019-12-31"), in(TypeOids.DATE, "2020-01-31"),
                month, true, false)).isEqualTo(true);
        assertThat(call("in_range_time_interval", in(TypeOids.TIME, "23:00"), in(TypeOids.TIME, "22:00"),
                in(TypeOids.INTERVAL, "3 hours"), false, true)).isEqualTo(true);
        assertThat(call("in_range_interval_interval", in(TypeOids.INTERVAL, "40 days"), month, month, false, false))
                .isEqualTo(false);
        assertThatThrownBy(() -> call("in_range_timestamp_interval", base, base, in(TypeOids.INTERVAL, "-1 day"),
                false, true)).isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE);
                    assertThat(e.getMessage()).isEqualTo("invalid preceding or following size in window function");
                });
    }
}
