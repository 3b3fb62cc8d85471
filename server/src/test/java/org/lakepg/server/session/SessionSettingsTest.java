package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/** Expected values and messages were taken from PostgreSQL 15.18 answering the same SET/SHOW. */
class SessionSettingsTest {
    private final SettingsRegistry registry = new SettingsRegistry();

    private SessionSettings fresh() {
        return new SessionSettings(registry, Map.of());
    }

    private static void assertError(Runnable action, String sqlState, String message, String detailOrHint) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState().code()).isEqualTo(sqlState);
                    assertThat(e.getMessage()).isEqualTo(message);
                    if (detailOrHint != null) {
                        assertThat(e.detail() != null ? e.detail() : e.hint()).isEqualTo(detailOrHint);
                    }
                });
    }

    @Test
    void dateStyleKeepsThePartANewValueLeavesOut() {
        SessionSettings s = fresh();
        s.set("datestyle", "german", false);
        assertThat(s.get("DateStyle")).isEqualTo("German, DMY");
        s.set("datestyle", "sql", false);
        assertThat(s.get("datestyle")).isEqualTo("SQL, DMY");
        s.set("datestyle", "ymd", false);
        assertThat(s.get("datestyle")).isEqualTo("SQL, YMD");
        s.set("datestyle", "Postgres, MDY", false);
        assertThat(s.get("datestyle")).isEqualTo("Postgres, MDY");
        assertError(() -> s.set("datestyle", "iso, sql", false), "22023",
                "invalid value for parameter \"DateStyle\": \"iso, sql\"", "Conflicting \"datestyle\" specifications.");
    }

    @Test
    void unitsAreParsedAndShownInTheLargestEvenUnit() {
        SessionSettings s = fresh();
        assertThat(s.get("work_mem")).isEqualTo("4MB");
        s.set("work_mem", "1024kB", false);
        assertThat(s.get("work_mem")).isEqualTo("1MB");
        s.set("work_mem", "2048", false);
        assertThat(s.get("work_mem")).isEqualTo("2MB");
        s.set("work_mem", "1.5MB", false);
        assertThat(s.get("work_mem")).isEqualTo("1536kB");
        s.set("work_mem", "10 GB", false);
        assertThat(s.get("work_mem")).isEqualTo("10GB");
        s.set("statement_timeout", "60s", false);
        assertThat(s.get("statement_timeout")).isEqualTo("1min");
        s.set("statement_timeout", "1500", false);
        assertThat(s.get("statement_timeout")).isEqualTo("1500ms");
        s.set("statement_timeout", "1.5s", false);
        assertThat(s.get("statement_timeout")).isEqualTo("1500ms");
        assertThat(s.getLong("statement_timeout")).isEqualTo(1500);
        assertThat(fresh().getLong("shared_buffers")).isEqualTo(SettingsRegistry.defaultSharedBuffers());
        assertError(() -> s.set("work_mem", "0", false), "22023",
                "0 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)", null);
        assertError(() -> s.set("work_mem", "5XB", false), "22023",
                "invalid value for parameter \"work_mem\": \"5XB\"",
                "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
        assertError(() -> s.set("statement_timeout", "-1", false), "22023",
                "-1 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)", null);
        assertError(() -> s.set("statement_timeout", "abc", false), "22023",
                "invalid value for parameter \"statement_timeout\": \"abc\"", null);
        assertError(() -> s.set("extra_float_digits", "5", false), "22023",
                "5 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)", null);
        s.set("extra_float_digits", "2.6", false);
        assertThat(s.get("extra_float_digits")).isEqualTo("3");
    }

    @Test
    void enumsBooleansAndTimeZones() {
        SessionSettings s = fresh();
        assertError(() -> s.set("intervalstyle", "x", false), "22023",
                "invalid value for parameter \"intervalstyle\": \"x\"",
                "Available values: postgres, postgres_verbose, sql_standard, iso_8601.");
        s.set("synchronous_commit", "OFF", false);
        assertThat(s.get("synchronous_commit")).isEqualTo("off");
        s.set("synchronous_commit", "true", false);
        assertThat(s.get("synchronous_commit")).isEqualTo("on");
        s.set("enable_seqscan", "1", false);
        assertThat(s.get("enable_seqscan")).isEqualTo("on");
        assertError(() -> s.set("enable_seqscan", "maybe", false), "22023",
                "parameter \"enable_seqscan\" requires a Boolean value", null);
        s.set("bytea_output", "ESCAPE", false);
        assertThat(s.get("bytea_output")).isEqualTo("escape");
        s.set("timezone", "america/los_angeles", false);
        assertThat(s.get("TimeZone")).isEqualTo("America/Los_Angeles");
        s.set("timezone", "-7", false);
        assertThat(s.get("TimeZone")).isEqualTo("<-07>+07");
        s.set("timezone", "+05", false);
        assertThat(s.get("TimeZone")).isEqualTo("<+05>-05");
        // a POSIX spec: positive offsets are west of Greenwich, and the value is kept as written
        s.set("timezone", "+05:30", false);
        assertThat(s.get("TimeZone")).isEqualTo("+05:30");
        assertThat(s.timeZone()).isEqualTo(java.time.ZoneOffset.ofHoursMinutes(-5, -30));
        s.set("timezone", "UTC+3", false);
        assertThat(s.timeZone()).isEqualTo(java.time.ZoneOffset.ofHours(-3));
        s.set("timezone", "5.5", false);
        assertThat(s.get("TimeZone")).isEqualTo("<+05:30>-05:30");
        assertThat(s.timeZone().getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds()).isEqualTo(5 * 3600 + 1800);
        assertError(() -> s.set("timezone", "Nowhere/Foo", false), "22023",
                "invalid value for parameter \"TimeZone\": \"Nowhere/Foo\"", null);
        s.set("client_encoding", "utf-8", false);
        assertThat(s.get("client_encoding")).isEqualTo("UTF8");
    }

    @Test
    void unknownInternalAndCustomParameters() {
        SessionSettings s = fresh();
        assertError(() -> s.set("foo", "1", false), "42704", "unrecognized configuration parameter \"foo\"", null);
        assertError(() -> s.get("foo.baz"), "42704", "unrecognized configuration parameter \"foo.baz\"", null);
        assertError(() -> s.set("server_version", "1", false), "55P02",
                "parameter \"server_version\" cannot be changed", null);
        s.set("foo.bar", "1", false);
        assertThat(s.get("foo.bar")).isEqualTo("1");
    }

    @Test
    void setIsUndoneByRollbackAndSetLocalEndsWithTheTransaction() {
        SessionSettings s = fresh();
        s.drainReports();
        s.beginTransaction();
        s.set("DateStyle", "SQL", false);
        assertThat(s.drainReports()).containsExactly(Map.entry("DateStyle", "SQL, MDY"));
        s.rollback();
        assertThat(s.get("DateStyle")).isEqualTo("ISO, MDY");
        assertThat(s.drainReports()).containsExactly(Map.entry("DateStyle", "ISO, MDY"));

        s.beginTransaction();
        s.set("work_mem", "8MB", false);
        s.set("statement_timeout", "5s", true);
        assertThat(s.get("statement_timeout")).isEqualTo("5s");
        s.commit();
        assertThat(s.get("work_mem")).isEqualTo("8MB");
        assertThat(s.get("statement_timeout")).isEqualTo("0");

        s.reset("work_mem", false);
        assertThat(s.get("work_mem")).isEqualTo("4MB");
        s.set("application_name", "x", false);
        s.resetAll();
        assertThat(s.get("application_name")).isEqualTo("");
    }

    @Test
    void startupValuesAreValidatedAndBecomeTheResetValue() {
        SessionSettings s = new SessionSettings(registry,
                Map.of("datestyle", "Postgres, MDY", "application_name", "pg_regress/x", "intervalstyle", "postgres_verbose"));
        assertThat(s.get("DateStyle")).isEqualTo("Postgres, MDY");
        s.set("datestyle", "iso", false);
        s.reset("datestyle", false);
        assertThat(s.get("DateStyle")).isEqualTo("Postgres, MDY");
        assertThat(s.reportedValues()).containsEntry("application_name", "pg_regress/x")
                .containsEntry("IntervalStyle", "postgres_verbose")
                .containsEntry("server_version", SettingsRegistry.SERVER_VERSION);
    }
}
