package org.lakepg.server.function.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.server.function.scalar.DateJulianCalendar;

/** PostgreSQL's Julian-day arithmetic agrees with java.time's proleptic Gregorian calendar. */
class DateJulianCalendarTest {

    @Test
    void julianDaysRoundTripAndMatchJavaTime() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(
                    LocalDate.of(-4713, 11, 24).toEpochDay(), LocalDate.of(200_000, 1, 1).toEpochDay()));
            int julian = DateJulianCalendar.date2j(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            assertThat(julian).isEqualTo(date.toEpochDay() + 2440588);
            assertThat(DateJulianCalendar.j2date(julian))
                    .containsExactly(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            assertThat(DateJulianCalendar.j2day(julian)).isEqualTo(date.getDayOfWeek().getValue() % 7);
        }
    }

    @Test
    void isoWeeksMatchJavaTimeForCommonEraDates() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(
                    LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay()));
            int y = date.getYear();
            int m = date.getMonthValue();
            int d = date.getDayOfMonth();
            assertThat(DateJulianCalendar.isoWeek(y, m, d)).isEqualTo(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(DateJulianCalendar.isoYear(y, m, d)).isEqualTo(date.get(IsoFields.WEEK_BASED_YEAR));
        }
    }
}
