package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_SEC;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgInterval;
import org.lakepg.wire.types.PgNumeric;
import org.lakepg.wire.types.PgTimeTz;

/**
 * extract (numeric, exact: seconds with six decimals, milliseconds with three) and date_part
 * (double precision) for timestamp, timestamptz, date, time, timetz and interval, including
 * PostgreSQL's BC year rules, ISO weeks and the ±infinity answers of monotonic fields.
 */
public final class DateTimeExtractFunctions {
    private DateTimeExtractFunctions() {}

    static final String TIMESTAMP = "timestamp without time zone";
    static final String TIMESTAMPTZ = "timestamp with time zone";
    static final String TIME = "time without time zone";
    static final String TIMETZ = "time with time zone";

    /** A field's value: exact for extract, as PostgreSQL's float arithmetic gives it for date_part; null = NULL. */
    private record Field(BigDecimal exact, double approx) {
        static Field of(long value) {
            return new Field(BigDecimal.valueOf(value), value);
        }

        static Field scaled(long unscaled, int scale, double approx) {
            return new Field(BigDecimal.valueOf(unscaled, scale), approx);
        }
    }

    private static final Field POSITIVE_INFINITY = new Field(null, Double.POSITIVE_INFINITY);
    private static final Field NEGATIVE_INFINITY = new Field(null, Double.NEGATIVE_INFINITY);

    public static void register(FunctionRegistry r) {
        r.register("extract_timestamp", (x, c) -> numeric(timestampField((String) x[0], (Long) x[1], false, c)));
        r.register("timestamp_part", (x, c) -> approx(timestampField((String) x[0], (Long) x[1], false, c)));
        r.register("extract_timestamptz", (x, c) -> numeric(timestampField((String) x[0], (Long) x[1], true, c)));
        r.register("timestamptz_part", (x, c) -> approx(timestampField((String) x[0], (Long) x[1], true, c)));
        r.register("extract_date", (x, c) -> numeric(dateField((String) x[0], (Integer) x[1])));
        r.register("extract_time", (x, c) -> numeric(timeField((String) x[0], (Long) x[1], null, TIME)));
        r.register("time_part", (x, c) -> approx(timeField((String) x[0], (Long) x[1], null, TIME)));
        r.register("extract_timetz", (x, c) -> numeric(timeField((String) x[0], ((PgTimeTz) x[1]).micros(),
                (PgTimeTz) x[1], TIMETZ)));
        r.register("timetz_part", (x, c) -> approx(timeField((String) x[0], ((PgTimeTz) x[1]).micros(),
                (PgTimeTz) x[1], TIMETZ)));
        r.register("extract_interval", (x, c) -> numeric(intervalField((String) x[0], (PgInterval) x[1])));
        r.register("interval_part", (x, c) -> approx(intervalField((String) x[0], (PgInterval) x[1])));
    }

    private static PgNumeric numeric(Field f) {
        if (f == null) {
            return null;
        }
        if (f == POSITIVE_INFINITY) {
            return PgNumeric.POSITIVE_INFINITY;
        }
        if (f == NEGATIVE_INFINITY) {
            return PgNumeric.NEGATIVE_INFINITY;
        }
        return PgNumeric.of(f.exact());
    }

    private static Double approx(Field f) {
        return f == null ? null : f.approx();
    }

    private static Field timestampField(String units, long timestamp, boolean withZone, FunctionContext c) {
        DateTimeUnit unit = DateTimeUnit.decode(units);
        String typeName = withZone ? TIMESTAMPTZ : TIMESTAMP;
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, typeName);
        }
        if (!DateTimeValues.isFinite(timestamp)) {
            return nonFinite(unit, timestamp == DateTimeValues.DT_NOBEGIN, units, typeName);
        }
        int offset = withZone ? DateTimeValues.offsetAt(c.timeZone(), timestamp) : 0;
        LocalDateTime local = DateTimeValues.toLocalDateTime(timestamp + offset * USECS_PER_SEC);
        long secondMicros = local.getSecond() * USECS_PER_SEC + local.getNano() / 1000;
        int fsec = local.getNano() / 1000;
        return switch (unit) {
            case MICROSECONDS -> new Field(BigDecimal.valueOf(secondMicros), local.getSecond() * 1000000.0 + fsec);
            case MILLISECONDS -> Field.scaled(secondMicros, 3, local.getSecond() * 1000.0 + fsec / 1000.0);
            case SECOND -> Field.scaled(secondMicros, 6, local.getSecond() + fsec / 1000000.0);
            case MINUTE -> Field.of(local.getMinute());
            case HOUR -> Field.of(local.getHour());
            case TIMEZONE -> withZone ? Field.of(offset) : throwNotSupported(units, typeName);
            case TIMEZONE_MINUTE -> withZone ? Field.of(offset / 60 % 60) : throwNotSupported(units, typeName);
            case TIMEZONE_HOUR -> withZone ? Field.of(offset / 3600) : throwNotSupported(units, typeName);
            case JULIAN -> julian(local.toLocalDate(), local.toLocalTime().toNanoOfDay() / 1000);
            case EPOCH -> {
                // numeric, since the shift to the Unix epoch may not fit 64 bits
                BigDecimal epochMicros = BigDecimal.valueOf(timestamp)
                        .add(BigDecimal.valueOf(DateTimeValues.UNIX_TO_POSTGRES_SECONDS * USECS_PER_SEC));
                yield new Field(epochMicros.movePointLeft(6), epochMicros.doubleValue() / 1000000.0);
            }
            case OTHER_RESERVED -> throwNotSupported(units, typeName);
            default -> dateUnit(unit, local.toLocalDate(), units, typeName);
        };
    }

    private static Field throwNotSupported(String units, String typeName) {
        throw DateTimeUnit.notSupported(units, typeName);
    }

    /** NonFiniteTimestampTzPart: NULL for cyclic fields, ±infinity for monotonic ones. */
    private static Field nonFinite(DateTimeUnit unit, boolean negative, String units, String typeName) {
        return switch (unit) {
            case MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, MONTH, QUARTER, WEEK, DOW, ISODOW, DOY,
                 TIMEZONE, TIMEZONE_MINUTE, TIMEZONE_HOUR -> null;
            case YEAR, DECADE, CENTURY, MILLENNIUM, JULIAN, ISOYEAR, EPOCH ->
                    negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
            default -> throw DateTimeUnit.notSupported(units, typeName);
        };
    }

    /** The calendar fields a date has. */
    private static Field dateUnit(DateTimeUnit unit, LocalDate date, String units, String typeName) {
        int year = date.getYear();
        return switch (unit) {
            case DAY -> Field.of(date.getDayOfMonth());
            case MONTH -> Field.of(date.getMonthValue());
            case QUARTER -> Field.of((date.getMonthValue() - 1) / 3 + 1);
            case WEEK -> Field.of(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case YEAR -> Field.of(year > 0 ? year : year - 1);
            case DECADE -> Field.of(year >= 0 ? year / 10 : -((8 - (year - 1)) / 10));
            case CENTURY -> Field.of(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
            case MILLENNIUM -> Field.of(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
            case ISOYEAR -> {
                int isoYear = date.get(IsoFields.WEEK_BASED_YEAR);
                yield Field.of(isoYear <= 0 ? isoYear - 1 : isoYear);
            }
            case DOW -> Field.of(date.getDayOfWeek().getValue() % 7);
            case ISODOW -> Field.of(date.getDayOfWeek().getValue());
            case DOY -> Field.of(date.getDayOfYear());
            default -> throw DateTimeUnit.notSupported(units, typeName);
        };
    }

    private static long julianDay(LocalDate date) {
        return DateTimeValues.toPgDays(date) + DateTimeValues.POSTGRES_EPOCH_JDATE;
    }

    /** Julian day plus the fraction of the day; the exact value is numeric division as PostgreSQL does it. */
    private static Field julian(LocalDate date, long timeMicros) {
        long day = julianDay(date);
        PgNumeric fraction = (PgNumeric) DateTimeNumericCalls.call("numeric_div", PgNumeric.of(BigDecimal.valueOf(timeMicros)),
                PgNumeric.of(BigDecimal.valueOf(DateTimeValues.USECS_PER_DAY)));
        PgNumeric sum = (PgNumeric) DateTimeNumericCalls.call("numeric_add", PgNumeric.of(BigDecimal.valueOf(day)), fraction);
        double approx = day + (timeMicros / USECS_PER_SEC + (timeMicros % USECS_PER_SEC) / 1000000.0) / 86400.0;
        return new Field(sum.value(), approx);
    }

    private static Field dateField(String units, int date) {
        DateTimeUnit unit = DateTimeUnit.decode(units);
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, "date");
        }
        if (!DateTimeValues.isFinite(date)) {
            return switch (unit) {
                case DAY, MONTH, QUARTER, WEEK, DOW, ISODOW, DOY -> null;
                case YEAR, DECADE, CENTURY, MILLENNIUM, JULIAN, ISOYEAR, EPOCH ->
                        date == DateTimeValues.DATE_NOBEGIN ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
                default -> throw DateTimeUnit.notSupported(units, "date");
            };
        }
        LocalDate local = DateTimeValues.toLocalDate(date);
        return switch (unit) {
            case JULIAN -> Field.of(julianDay(local));
            case EPOCH -> Field.of((date + 10957L) * 86400);
            default -> dateUnit(unit, local, units, "date");
        };
    }

    private static Field timeField(String units, long time, PgTimeTz zoned, String typeName) {
        DateTimeUnit unit = DateTimeUnit.decode(units);
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, typeName);
        }
        long secondMicros = time % (60 * USECS_PER_SEC);
        int sec = (int) (secondMicros / USECS_PER_SEC);
        long fsec = secondMicros % USECS_PER_SEC;
        int offset = zoned == null ? 0 : zoned.offsetSeconds();
        return switch (unit) {
            case MICROSECONDS -> new Field(BigDecimal.valueOf(secondMicros), sec * 1000000.0 + fsec);
            case MILLISECONDS -> Field.scaled(secondMicros, 3, sec * 1000.0 + fsec / 1000.0);
            case SECOND -> Field.scaled(secondMicros, 6, sec + fsec / 1000000.0);
            case MINUTE -> Field.of(time / (60 * USECS_PER_SEC) % 60);
            case HOUR -> Field.of(time / DateTimeValues.USECS_PER_HOUR);
            case TIMEZONE -> zoned != null ? Field.of(offset) : throwNotSupported(units, typeName);
            case TIMEZONE_MINUTE -> zoned != null ? Field.of(offset / 60 % 60) : throwNotSupported(units, typeName);
            case TIMEZONE_HOUR -> zoned != null ? Field.of(offset / 3600) : throwNotSupported(units, typeName);
            case EPOCH -> {
                long micros = time - offset * USECS_PER_SEC;
                yield Field.scaled(micros, 6, time / 1000000.0 - offset);
            }
            default -> throwNotSupported(units, typeName);
        };
    }

    private static Field intervalField(String units, PgInterval value) {
        DateTimeUnit unit = DateTimeUnit.decode(units);
        if (unit == null) {
            throw DateTimeUnit.notRecognized(units, "interval");
        }
        long time = value.micros();
        long hours = time / DateTimeValues.USECS_PER_HOUR;
        time -= hours * DateTimeValues.USECS_PER_HOUR;
        long minutes = time / DateTimeValues.USECS_PER_MINUTE;
        time -= minutes * DateTimeValues.USECS_PER_MINUTE;
        long secondMicros = time;
        long sec = time / USECS_PER_SEC;
        long fsec = time - sec * USECS_PER_SEC;
        int years = value.months() / 12;
        int months = value.months() % 12;
        return switch (unit) {
            case MICROSECONDS -> new Field(BigDecimal.valueOf(secondMicros), sec * 1000000.0 + fsec);
            case MILLISECONDS -> Field.scaled(secondMicros, 3, sec * 1000.0 + fsec / 1000.0);
            case SECOND -> Field.scaled(secondMicros, 6, sec + fsec / 1000000.0);
            case MINUTE -> Field.of(minutes);
            case HOUR -> Field.of(hours);
            case DAY -> Field.of(value.days());
            case MONTH -> Field.of(months);
            case QUARTER -> Field.of(months / 3 + 1);
            case YEAR -> Field.of(years);
            case DECADE -> Field.of(years / 10);
            case CENTURY -> Field.of(years / 100);
            case MILLENNIUM -> Field.of(years / 1000);
            case EPOCH -> {
                long secondsFromDaysAndMonths = 31557600L * years + 2592000L * months + 86400L * value.days();
                BigDecimal exact = BigDecimal.valueOf(value.micros(), 6).add(BigDecimal.valueOf(secondsFromDaysAndMonths));
                double approx = value.micros() / 1000000.0;
                approx += 365.25 * 86400 * years;
                approx += 30.0 * 86400 * months;
                approx += 86400.0 * value.days();
                yield new Field(exact, approx);
            }
            default -> throwNotSupported(units, "interval");
        };
    }
}
