package org.lakepg.server.function.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FixedFunctionContext;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;

/**
 * Date/time functions whose answer depends on the session TimeZone, run in America/New_York
 * across its 2020 DST changes; expected values recorded from PostgreSQL 15 with
 * {@code TimeZone=America/New_York}.
 */
class SessionTimeZoneTest {
    private static final FunctionContext NEW_YORK =
            new FixedFunctionContext(ZoneId.of("America/New_York"), Map.of("DateStyle", "ISO, MDY"));

    private static Object in(long type, String text) {
        return WireTypeIO.INSTANCE.input(type, -1, text, NEW_YORK);
    }

    private static String out(long type, Object value) {
        return WireTypeIO.INSTANCE.output(type, value, NEW_YORK);
    }

    private static Object call(String source, Object... args) {
        return FunctionRegistry.builtins().lookup(source).orElseThrow().apply(args, NEW_YORK);
    }

    private static Object tstz(String text) {
        return in(TypeOids.TIMESTAMPTZ, text);
    }

    private static Object interval(String text) {
        return in(TypeOids.INTERVAL, text);
    }

    @Test
    void addingDaysKeepsTheWallClockAcrossDst() {
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamptz_pl_interval", tstz("2020-03-07 12:00-05"),
                interval("1 day")))).isEqualTo("2020-03-08 12:00:00-04");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamptz_pl_interval", tstz("2020-03-07 12:00-05"),
                interval("24 hours")))).isEqualTo("2020-03-08 13:00:00-04");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamptz_pl_interval", tstz("2020-03-08 01:30-05"),
                interval("1 hour")))).isEqualTo("2020-03-08 03:30:00-04");
        assertThat(out(TypeOids.INTERVAL, call("timestamp_mi", tstz("2020-03-09 00:00-04"),
                tstz("2020-03-07 00:00-05")))).isEqualTo("1 day 23:00:00");
        assertThat(out(TypeOids.INTERVAL, call("timestamptz_age", tstz("2020-03-09 00:00-04"),
                tstz("2020-03-07 00:00-05")))).isEqualTo("2 days");
    }

    @Test
    void castsReadLocalTimesInTheSessionZone() {
        Object gap = in(TypeOids.TIMESTAMP, "2020-03-08 02:30");
        Object overlap = in(TypeOids.TIMESTAMP, "2020-11-01 01:30");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamp_timestamptz", gap))).isEqualTo("2020-03-08 03:30:00-04");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamp_timestamptz", overlap)))
                .isEqualTo("2020-11-01 01:30:00-05");
        assertThat(out(TypeOids.TIMESTAMP, call("timestamptz_timestamp", tstz("2020-11-01 06:30+00"))))
                .isEqualTo("2020-11-01 01:30:00");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("date_timestamptz", in(TypeOids.DATE, "2020-03-08"))))
                .isEqualTo("2020-03-08 00:00:00-05");
        assertThat(out(TypeOids.DATE, call("timestamptz_date", tstz("2020-07-01 03:00+00")))).isEqualTo("2020-06-30");
        assertThat(out(TypeOids.TIMETZ, call("time_timetz", in(TypeOids.TIME, "10:00")))).isEqualTo("10:00:00-05");
        assertThat(call("timestamp_lt_timestamptz", in(TypeOids.TIMESTAMP, "2020-07-01 12:00"),
                tstz("2020-07-01 12:00+00"))).isEqualTo(false);
        assertThat(call("date_eq_timestamptz", in(TypeOids.DATE, "2020-07-01"), tstz("2020-07-01 04:00+00")))
                .isEqualTo(true);
    }

    @Test
    void truncationRecomputesTheOffsetFromDaysUp() {
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamptz_trunc", "day", tstz("2020-03-08 12:00-04"))))
                .isEqualTo("2020-03-08 00:00:00-05");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamptz_trunc", "hour", tstz("2020-11-01 01:30-05"))))
                .isEqualTo("2020-11-01 01:00:00-05");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("timestamptz_trunc", "month", tstz("2020-11-15 12:00-05"))))
                .isEqualTo("2020-11-01 00:00:00-04");
    }

    @Test
    void numericZoneAbbreviationsAreSpelledAsTheTzDatabaseDoes() {
        for (String[] c : new String[][] {{"Asia/Kathmandu", "+0545 +05:45"}, {"America/Sao_Paulo", "-03 -03"}}) {
            FunctionContext zone = new FixedFunctionContext(ZoneId.of(c[0]), Map.of());
            Object value = WireTypeIO.INSTANCE.input(TypeOids.TIMESTAMPTZ, -1, "2020-05-06 12:00+00", zone);
            assertThat(FunctionRegistry.builtins().lookup("timestamptz_to_char").orElseThrow()
                    .apply(new Object[] {value, "TZ OF"}, zone)).isEqualTo(c[1]);
        }
    }

    @Test
    void fieldsAndFormattingUseTheLocalTime() {
        assertThat(out(TypeOids.NUMERIC, call("extract_timestamptz", "timezone", tstz("2020-07-01 12:00+00"))))
                .isEqualTo("-14400");
        assertThat(out(TypeOids.NUMERIC, call("extract_timestamptz", "hour", tstz("2020-07-01 12:00+00"))))
                .isEqualTo("8");
        assertThat(call("timestamptz_part", "timezone_hour", tstz("2020-01-01 12:00+00"))).isEqualTo(-5.0);
        assertThat(call("timestamptz_to_char", tstz("2020-07-01 12:00+00"), "YYYY-MM-DD HH24:MI TZ OF tzh"))
                .isEqualTo("2020-07-01 08:00 EDT -04 -04");
        assertThat(call("timestamptz_to_char", tstz("2020-01-01 12:00+00"), "TZ OF")).isEqualTo("EST -05");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("make_timestamptz", 2020, 7, 1, 12, 0, 0.0)))
                .isEqualTo("2020-07-01 12:00:00-04");
        assertThat(out(TypeOids.TIMESTAMPTZ, call("to_timestamp", "2020-07-01 12:00", "YYYY-MM-DD HH24:MI")))
                .isEqualTo("2020-07-01 12:00:00-04");
    }
}
