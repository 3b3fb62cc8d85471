package org.lakepg.wire.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/** Inputs whose result depends on the clock, and limits that protect the server. */
class RelativeAndLimitsTest {

    @Test
    void nowTodayTomorrowYesterdayFollowTheSessionZone() {
        FormatSettings tokyo = FormatSettings.defaults().withTimeZone(ZoneId.of("Asia/Tokyo"));
        long before = PgDateTime.toPgTimestamp(Instant.now());
        long now = TimestampTzType.INSTANCE.parseText("now", tokyo);
        long after = PgDateTime.toPgTimestamp(Instant.now());
        assertThat(now).isBetween(before, after);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(DateType.INSTANCE.parseText(" Today ", tokyo)).isEqualTo(PgDateTime.toPgDate(today));
        assertThat(DateType.INSTANCE.parseText("tomorrow", tokyo)).isEqualTo(PgDateTime.toPgDate(today.plusDays(1)));
        long midnight = TimestampTzType.INSTANCE.parseText("yesterday", tokyo);
        assertThat(TimestampTzType.INSTANCE.formatText(midnight, tokyo))
                .isEqualTo(today.minusDays(1) + " 00:00:00+09");
    }

    @Test
    void deeplyNestedJsonIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        PgException e = catchThrowableOfType(PgException.class, () -> JsonbType.INSTANCE.parseText(deep));
        assertThat(e.sqlState().code()).isEqualTo("54001");
        assertThat(e.getMessage()).isEqualTo("stack depth limit exceeded");
        String fine = "[".repeat(500) + "]".repeat(500);
        assertThat(JsonType.INSTANCE.parseText(fine)).isEqualTo(fine);
    }
}
