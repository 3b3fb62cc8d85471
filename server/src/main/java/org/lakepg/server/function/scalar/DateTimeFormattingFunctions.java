package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_DAY;
import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_SEC;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;

/**
 * to_char for timestamp, timestamptz and interval, and to_timestamp(text, text) / to_date:
 * the template language of PostgreSQL's formatting.c (YYYY, MM, DD, HH24, MI, SS, MS, US, Day,
 * Mon, TZ, FM/TH/TM modifiers, quoted text ...).
 */
public final class DateTimeFormattingFunctions {
    private DateTimeFormattingFunctions() {}

    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);

    public static void register(FunctionRegistry r) {
        r.register("timestamp_to_char", (x, c) -> {
            long t = (Long) x[0];
            String template = (String) x[1];
            if (template.isEmpty() || !DateTimeValues.isFinite(t)) {
                return null;
            }
            return DateTimeToChar.format(DateTimeFormatTemplate.cached(template), timestampFields(t, 0, null));
        });
        r.register("timestamptz_to_char", (x, c) -> {
            long t = (Long) x[0];
            String template = (String) x[1];
            if (template.isEmpty() || !DateTimeValues.isFinite(t)) {
                return null;
            }
            int offset = DateTimeValues.offsetAt(c.timeZone(), t);
            return DateTimeToChar.format(DateTimeFormatTemplate.cached(template),
                    timestampFields(t + offset * USECS_PER_SEC, offset, abbreviation(c.timeZone(), t)));
        });
        r.register("interval_to_char", (x, c) -> {
            String template = (String) x[1];
            if (template.isEmpty()) {
                return null;
            }
            return DateTimeToChar.format(DateTimeFormatTemplate.cached(template), intervalFields((PgInterval) x[0]));
        });
        r.register("to_timestamp", (x, c) -> {
            TimestampTemplateParser.Result p = TimestampTemplateParser.parse((String) x[0], (String) x[1]);
            long local = localMicros(p);
            long offsetEast = p.tzWest() != null ? -p.tzWest() : DateTimeValues.offsetOfLocal(c.timeZone(), local);
            long result = local - offsetEast * USECS_PER_SEC;
            if (!DateTimeValues.isValidTimestamp(result)) {
                throw DateTimeValues.timestampOutOfRange();
            }
            return p.fprec() != 0 ? TimestampFunctions.scale(result, p.fprec()) : result;
        });
        r.register("to_date", (x, c) -> {
            String text = (String) x[0];
            TimestampTemplateParser.Result p = TimestampTemplateParser.parse(text, (String) x[1]);
            if (!validJulian(p.year(), p.mon(), p.mday())) {
                throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range: \"%s\"", text);
            }
            long date = (long) DateJulianCalendar.date2j(p.year(), p.mon(), p.mday()) - DateTimeValues.POSTGRES_EPOCH_JDATE;
            if (!DateTimeValues.isValidDate(date)) {
                throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "date out of range: \"%s\"", text);
            }
            return (int) date;
        });
    }

    /** IS_VALID_JULIAN: from 4714-11-24 BC to 5874898-06-03. */
    private static boolean validJulian(int y, int m, int d) {
        if (y > -4713 && y < 5874898) {
            return true;
        }
        if (y == -4713) {
            return m > 11 || m == 11 && d >= 24;
        }
        if (y == 5874898) {
            return m < 6 || m == 6 && d < 3;
        }
        return false;
    }

    /** tm2timestamp for the parsed fields (no zone), with its range error. */
    private static long localMicros(TimestampTemplateParser.Result p) {
        if (!validJulian(p.year(), p.mon(), p.mday())) {
            throw DateTimeValues.timestampOutOfRange();
        }
        long date = (long) DateJulianCalendar.date2j(p.year(), p.mon(), p.mday()) - DateTimeValues.POSTGRES_EPOCH_JDATE;
        long time = ((p.hour() * 60L + p.min()) * 60 + p.sec()) * USECS_PER_SEC + p.fsec();
        if (date >= DateTimeValues.END_TIMESTAMP_DATE || date < DateTimeValues.MIN_DATE) {
            throw DateTimeValues.timestampOutOfRange();
        }
        return date * USECS_PER_DAY + time;
    }

    private static DateTimeToChar.Fields timestampFields(long local, int gmtoff, String tzn) {
        long days = Math.floorDiv(local, USECS_PER_DAY);
        long time = Math.floorMod(local, USECS_PER_DAY);
        int julian = (int) (days + DateTimeValues.POSTGRES_EPOCH_JDATE);
        int[] ymd = DateJulianCalendar.j2date(julian);
        int yday = julian - DateJulianCalendar.date2j(ymd[0], 1, 1) + 1;
        long seconds = time / USECS_PER_SEC;
        return new DateTimeToChar.Fields(ymd[0], ymd[1], ymd[2], seconds / 3600, (int) (seconds / 60 % 60),
                (int) (seconds % 60), (int) (time % USECS_PER_SEC), yday, DateJulianCalendar.j2day(julian), gmtoff, tzn,
                false);
    }

    private static DateTimeToChar.Fields intervalFields(PgInterval value) {
        int years = value.months() / 12;
        int months = value.months() % 12;
        long time = value.micros();
        long hours = time / DateTimeValues.USECS_PER_HOUR;
        time -= hours * DateTimeValues.USECS_PER_HOUR;
        int minutes = (int) (time / DateTimeValues.USECS_PER_MINUTE);
        time -= minutes * DateTimeValues.USECS_PER_MINUTE;
        int seconds = (int) (time / USECS_PER_SEC);
        int fsec = (int) (time - seconds * USECS_PER_SEC);
        int yday = (years * 12 + months) * 30 + value.days();
        return new DateTimeToChar.Fields(years, months, value.days(), hours, minutes, seconds, fsec, yday, 0, 0,
                null, true);
    }

    /**
     * The zone's abbreviation at an instant. Zones the tz database gives no letters get numeric
     * ones as it spells them ("-03", "+0545"); a fixed-offset session zone shows "+05:30".
     */
    static String abbreviation(ZoneId zone, long utc) {
        int offset = DateTimeValues.offsetAt(zone, utc);
        if (zone instanceof ZoneOffset) {
            return offsetText(offset, ":");
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(utc, USECS_PER_SEC) + DateTimeValues.UNIX_TO_POSTGRES_SECONDS);
        String name = ABBREVIATION.format(instant.atZone(zone));
        if (name.startsWith("GMT") && name.length() > 3 || name.startsWith("+") || name.startsWith("-")) {
            return offsetText(offset, "");
        }
        return name;
    }

    private static String offsetText(int secondsEast, String separator) {
        int abs = Math.abs(secondsEast);
        StringBuilder out = new StringBuilder().append(secondsEast < 0 ? '-' : '+')
                .append(DateTimeToChar.zeroPad(abs / 3600, 2));
        if (abs % 3600 != 0) {
            out.append(separator).append(DateTimeToChar.zeroPad(abs / 60 % 60, 2));
        }
        return out.toString();
    }
}
