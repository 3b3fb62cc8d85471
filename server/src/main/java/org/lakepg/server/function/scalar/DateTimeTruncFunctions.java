package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_SEC;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;

/**
 * date_trunc for timestamp, timestamptz (in the session zone or a named one) and interval, with
 * PostgreSQL's BC decade/century/millennium rules, and date_bin (stride binning from an origin).
 */
public final class DateTimeTruncFunctions {
    private DateTimeTruncFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("timestamp_trunc", (x, c) -> truncTimestamp((String) x[0], (Long) x[1]));
        r.register("timestamptz_trunc", (x, c) -> truncTimestampTz((String) x[0], (Long) x[1], c.timeZone()));
        r.register("timestamptz_trunc_zone", (x, c) -> {
            long t = (Long) x[1];
            if (!DateTimeValues.isFinite(t)) {
                return t;
            }
            return truncTimestampTz((String) x[0], t, DateTimeZones.resolve((String) x[2]));
        });
        r.register("interval_trunc", (x, c) -> truncInterval((String) x[0], (PgInterval) x[1]));
        r.register("timestamp_bin", (x, c) -> bin((PgInterval) x[0], (Long) x[1], (Long) x[2]));
        r.register("timestamptz_bin", (x, c) -> bin((PgInterval) x[0], (Long) x[1], (Long) x[2]));
    }

    private static long truncTimestamp(String units, long timestamp) {
        if (!DateTimeValues.isFinite(timestamp)) {
            return timestamp;
        }
        DateTimeUnit unit = DateTimeUnit.decodeDelta(units);
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, DateTimeExtractFunctions.TIMESTAMP);
        }
        LocalDateTime local = DateTimeValues.toLocalDateTime(timestamp);
        return DateTimeValues.fromLocalDateTime(truncate(unit, local, units, DateTimeExtractFunctions.TIMESTAMP));
    }

    private static long truncTimestampTz(String units, long timestamp, ZoneId zone) {
        if (!DateTimeValues.isFinite(timestamp)) {
            return timestamp;
        }
        DateTimeUnit unit = DateTimeUnit.decodeDelta(units);
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, DateTimeExtractFunctions.TIMESTAMPTZ);
        }
        int offset = DateTimeValues.offsetAt(zone, timestamp);
        LocalDateTime local = DateTimeValues.toLocalDateTime(timestamp + offset * USECS_PER_SEC);
        LocalDateTime truncated = truncate(unit, local, units, DateTimeExtractFunctions.TIMESTAMPTZ);
        long localMicros = DateTimeValues.fromLocalDateTime(truncated);
        // from a day upwards the offset is that of the new local time; below it the original one stays
        boolean redoZone = switch (unit) {
            case HOUR, MINUTE, SECOND, MILLISECONDS, MICROSECONDS -> false;
            default -> true;
        };
        if (redoZone) {
            offset = DateTimeValues.offsetOfLocal(zone, localMicros);
        }
        return DateTimeValues.checkTimestamp(localMicros - offset * USECS_PER_SEC);
    }

    private static LocalDateTime truncate(DateTimeUnit unit, LocalDateTime t, String units, String typeName) {
        LocalDate date = t.toLocalDate();
        int year = date.getYear();
        return switch (unit) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case MILLENNIUM -> yearStart(year > 0 ? (year + 999) / 1000 * 1000 - 999
                    : -((999 - (year - 1)) / 1000) * 1000 + 1);
            case CENTURY -> yearStart(year > 0 ? (year + 99) / 100 * 100 - 99 : -((99 - (year - 1)) / 100) * 100 + 1);
            case DECADE -> yearStart(year > 0 ? year / 10 * 10 : -((8 - (year - 1)) / 10) * 10);
            case YEAR -> yearStart(year);
            case QUARTER -> LocalDate.of(year, (date.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case MONTH -> date.withDayOfMonth(1).atStartOfDay();
            case DAY -> date.atStartOfDay();
            case HOUR -> date.atTime(t.getHour(), 0);
            case MINUTE -> date.atTime(t.getHour(), t.getMinute());
            case SECOND -> date.atTime(t.getHour(), t.getMinute(), t.getSecond());
            case MILLISECONDS -> t.withNano(t.getNano() / 1_000_000 * 1_000_000);
            case MICROSECONDS -> t;
            default -> throw DateTimeUnit.notSupported(units, typeName);
        };
    }

    private static LocalDateTime yearStart(int year) {
        return LocalDate.of(year, 1, 1).atTime(LocalTime.MIDNIGHT);
    }

    private static PgInterval truncInterval(String units, PgInterval value) {
        DateTimeUnit unit = DateTimeUnit.decodeDelta(units);
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, "interval");
        }
        long years = value.months() / 12;
        long months = value.months() % 12;
        long days = value.days();
        long time = value.micros();
        long hours = time / DateTimeValues.USECS_PER_HOUR;
        time -= hours * DateTimeValues.USECS_PER_HOUR;
        long minutes = time / DateTimeValues.USECS_PER_MINUTE;
        time -= minutes * DateTimeValues.USECS_PER_MINUTE;
        long seconds = time / USECS_PER_SEC;
        long usec = time - seconds * USECS_PER_SEC;
        int level = switch (unit) {
            case MILLENNIUM -> 0;
            case CENTURY -> 1;
            case DECADE -> 2;
            case YEAR -> 3;
            case QUARTER -> 4;
            case MONTH -> 5;
            case DAY -> 6;
            case HOUR -> 7;
            case MINUTE -> 8;
            case SECOND -> 9;
            case MILLISECONDS -> 10;
            case MICROSECONDS -> 11;
            default -> throw DateTimeUnit.notSupported(units, "interval");
        };
        // the cases fall through from the largest unit down, as in interval_trunc
        if (level <= 0) {
            years = years / 1000 * 1000;
        }
        if (level <= 1) {
            years = years / 100 * 100;
        }
        if (level <= 2) {
            years = years / 10 * 10;
        }
        if (level <= 3) {
            months = 0;
        }
        if (level <= 4) {
            months = 3 * (months / 3);
        }
        if (level <= 5) {
            days = 0;
        }
        if (level <= 6) {
            hours = 0;
        }
        if (level <= 7) {
            minutes = 0;
        }
        if (level <= 8) {
            seconds = 0;
        }
        if (level <= 9) {
            usec = 0;
        }
        if (level == 10) {
            usec = usec / 1000 * 1000;
        }
        long totalMonths = years * 12 + months;
        if (totalMonths > Integer.MAX_VALUE || totalMonths < Integer.MIN_VALUE) {
            throw DateTimeValues.intervalOutOfRange();
        }
        long micros = hours * DateTimeValues.USECS_PER_HOUR + minutes * DateTimeValues.USECS_PER_MINUTE
                + seconds * USECS_PER_SEC + usec;
        return new PgInterval((int) totalMonths, (int) days, micros);
    }

    /** date_bin: the start of the stride-wide bin containing the value, bins counted from the origin. */
    private static long bin(PgInterval stride, long timestamp, long origin) {
        if (!DateTimeValues.isFinite(timestamp)) {
            return timestamp;
        }
        if (!DateTimeValues.isFinite(origin)) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "origin out of range");
        }
        if (stride.months() != 0) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "timestamps cannot be binned into intervals containing months or years");
        }
        long strideMicros;
        long difference;
        try {
            strideMicros = Math.addExact(Math.multiplyExact(stride.days(), DateTimeValues.USECS_PER_DAY), stride.micros());
            difference = Math.subtractExact(timestamp, origin);
        } catch (ArithmeticException overflow) {
            throw DateTimeValues.intervalOutOfRange();
        }
        if (strideMicros <= 0) {
            throw PgException.of(SqlState.DATETIME_VALUE_OUT_OF_RANGE, "stride must be greater than zero");
        }
        long modulo = difference % strideMicros;
        long result = origin + (difference - modulo);
        if (modulo < 0) {
            result -= strideMicros;
            if (!DateTimeValues.isValidTimestamp(result)) {
                throw DateTimeValues.timestampOutOfRange();
            }
        }
        return result;
    }
}
