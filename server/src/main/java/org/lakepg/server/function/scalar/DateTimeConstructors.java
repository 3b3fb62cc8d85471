package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_DAY;
import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_SEC;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;

/**
 * make_date, make_time, make_timestamp, make_timestamptz (optionally in a named zone) and
 * make_interval, with PostgreSQL's field validation: negative years are BC, there is no year 0,
 * 24:00:00 and a 60th second are allowed.
 */
public final class DateTimeConstructors {
    private DateTimeConstructors() {}

    public static void register(FunctionRegistry r) {
        r.register("make_date", (x, c) -> makeDate(i(x[0]), i(x[1]), i(x[2])));
        r.register("make_time", (x, c) -> makeTime(i(x[0]), i(x[1]), (Double) x[2]));
        r.register("make_timestamp", (x, c) -> makeTimestamp(x));
        r.register("make_timestamptz", (x, c) -> DateTimeValues.timestampToTimestampTz(makeTimestamp(x),
                c.timeZone()));
        r.register("make_timestamptz_at_timezone", (x, c) -> {
            long local = makeTimestamp(x);
            ZoneId zone = saneTimeZone((String) x[6]);
            return DateTimeValues.checkTimestamp(local - DateTimeValues.offsetOfLocal(zone, local) * USECS_PER_SEC);
        });
        r.register("make_interval", (x, c) -> makeInterval(x));
    }

    private static int i(Object value) {
        return (Integer) value;
    }

    /** The date's days since 2000-01-01; negative years are BC. */
    private static int makeDate(int year, int month, int day) {
        long days = validDate(year, month, day);
        if (!DateTimeValues.isValidDate(days)) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range: %s",
                    dateText(year, month, day));
        }
        return (int) days;
    }

    /** ValidateDate + date2j: days since 2000-01-01 of a valid calendar date. */
    private static long validDate(int year, int month, int day) {
        boolean bc = year < 0;
        long y = Math.abs((long) year);
        if (y == 0 || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(Year.isLeap(bc ? 1 - y : y))) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date field value out of range: %s",
                    dateText(year, month, day));
        }
        long astronomical = bc ? 1 - y : y;
        if (astronomical < -4713 || astronomical > 5874898) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range: %s",
                    dateText(year, month, day));
        }
        long days = DateTimeValues.toPgDays(LocalDate.of((int) astronomical, month, day));
        if (days < DateTimeValues.MIN_DATE) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range: %s",
                    dateText(year, month, day));
        }
        return days;
    }

    private static String dateText(int year, int month, int day) {
        return String.format("%d-%02d-%02d", Math.abs((long) year), month, day);
    }

    private static long makeTime(int hour, int minute, double second) {
        if (timeOverflows(hour, minute, second)) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: %s",
                    timeText(hour, minute, second));
        }
        return timeMicros(hour, minute, second);
    }

    private static long timeMicros(int hour, int minute, double second) {
        return ((hour * 60L + minute) * 60) * USECS_PER_SEC + (long) Math.rint(second * USECS_PER_SEC);
    }

    private static String timeText(int hour, int minute, double second) {
        String g = DateTimeFloatText.g(second);
        return String.format("%d:%02d:%s", hour, minute, g.length() < 2 ? "0" + g : g);
    }

    /** float_time_overflows: fields in range, total at most 24:00:00. */
    private static boolean timeOverflows(int hour, int minute, double second) {
        if (hour < 0 || hour > 24 || minute < 0 || minute >= 60 || Double.isNaN(second)) {
            return true;
        }
        double micros = Math.rint(second * USECS_PER_SEC);
        if (micros < 0 || micros > 60 * USECS_PER_SEC) {
            return true;
        }
        return (hour * 60L + minute) * 60 * USECS_PER_SEC + (long) micros > USECS_PER_DAY;
    }

    private static long makeTimestamp(Object[] x) {
        int year = i(x[0]);
        int month = i(x[1]);
        int day = i(x[2]);
        int hour = i(x[3]);
        int minute = i(x[4]);
        double second = (Double) x[5];
        long date = validDate(year, month, day);
        if (timeOverflows(hour, minute, second)) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "time field value out of range: %s",
                    timeText(hour, minute, second));
        }
        long time = timeMicros(hour, minute, second);
        long result = date * USECS_PER_DAY + time;
        if (date >= DateTimeValues.END_TIMESTAMP_DATE || !DateTimeValues.isValidTimestamp(result)) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "timestamp out of range: %s %s",
                    dateText(year, month, day), timeText(hour, minute, second));
        }
        return result;
    }

    /** parse_sane_timezone: an ISO offset (+hh[:mm[:ss]], east), an abbreviation or a zone name. */
    static ZoneId saneTimeZone(String name) {
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid input syntax for type %s: \"%s\"",
                    "numeric time zone", name).withHint("Numeric time zones must have \"-\" or \"+\" as first character.");
        }
        if (name.startsWith("+") || name.startsWith("-")) {
            Integer east = numericZone(name);
            if (east != null) {
                return ZoneOffset.ofTotalSeconds(east);
            }
        }
        return DateTimeZones.resolve(name);
    }

    /**
     * DecodeTimezone: "+h", "+hh:mm[:ss]" (parts may be empty: "+10:00:"), or "+hhmm" run together.
     * Seconds east of UTC; null when the text is no numeric zone; out-of-range fields are an error.
     */
    private static Integer numericZone(String name) {
        int[] pos = {1};
        Long hours = digits(name, pos);
        long minutes = 0;
        long seconds = 0;
        if (pos[0] < name.length() && name.charAt(pos[0]) == ':') {
            pos[0]++;
            Long m = digits(name, pos);
            minutes = m == null ? 0 : m;
            if (pos[0] < name.length() && name.charAt(pos[0]) == ':') {
                pos[0]++;
                Long sec = digits(name, pos);
                seconds = sec == null ? 0 : sec;
            }
        } else if (pos[0] == name.length() && name.length() > 3 && hours != null) {
            minutes = hours % 100;
            hours = hours / 100;
        }
        long h = hours == null ? 0 : hours;
        if (h > 15 || minutes >= 60 || seconds >= 60) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "numeric time zone \"%s\" out of range", name);
        }
        if (pos[0] != name.length()) {
            return null;
        }
        int total = (int) ((h * 60 + minutes) * 60 + seconds);
        return name.charAt(0) == '-' ? -total : total;
    }

    /** strtoint at pos: the digits there (null if none), pos moved past them; huge values saturate. */
    private static Long digits(String s, int[] pos) {
        int start = pos[0];
        long v = 0;
        while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
            v = Math.min(v * 10 + (s.charAt(pos[0]) - '0'), Integer.MAX_VALUE);
            pos[0]++;
        }
        return pos[0] == start ? null : v;
    }

    private static PgInterval makeInterval(Object[] x) {
        double seconds = (Double) x[6];
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw DateTimeValues.intervalOutOfRange();
        }
        double micros = Math.rint(seconds * USECS_PER_SEC);
        if (micros < -9.223372036854775808e18 || micros >= 9.223372036854775808e18) {
            throw DateTimeValues.intervalOutOfRange();
        }
        // PostgreSQL 15 lets the field arithmetic wrap around rather than report it
        int months = i(x[0]) * 12 + i(x[1]);
        int days = i(x[2]) * 7 + i(x[3]);
        long time = i(x[4]) * DateTimeValues.USECS_PER_HOUR + i(x[5]) * DateTimeValues.USECS_PER_MINUTE
                + (long) micros;
        return new PgInterval(months, days, time);
    }
}
