package org.lakepg.wire.types;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.IntervalFields.Field;

/**
 * interval_in: PostgreSQL's DecodeInterval over the fields of {@link IntervalFields}, read from
 * right to left so that a unit applies to the number before it; a number without a unit takes
 * the unit the typmod's range implies (seconds by default), "D H:M:S" and "Y-M" are the SQL
 * standard forms, "ago" negates everything. Input it cannot read is tried as ISO 8601
 * ({@link IntervalIso8601}).
 */
final class IntervalParser {

    /** Interval typmod range bits (datetime.h): INTERVAL_MASK(MONTH) is 1 << 1 ... */
    static final int MONTH = 1 << 1;
    static final int YEAR = 1 << 2;
    static final int DAY = 1 << 3;
    static final int HOUR = 1 << 10;
    static final int MINUTE = 1 << 11;
    static final int SECOND = 1 << 12;
    static final int FULL_RANGE = 0x7FFF;

    /** The units (DTK_*) a field can be counted in; each may be written once. */
    private enum Unit {
        MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM,
        /** a unit word interval input knows but cannot use: quarter, timezone */
        UNUSABLE;

        final int bit = 1 << ordinal();
    }

    private static final int TIME_BITS = Unit.HOUR.bit | Unit.MINUTE.bit | Unit.SECOND.bit | Unit.MILLISECOND.bit
            | Unit.MICROSECOND.bit;
    private static final int ALL_SECOND_BITS = Unit.SECOND.bit | Unit.MILLISECOND.bit | Unit.MICROSECOND.bit;

    /** deltatktbl, truncated to 10 characters like the tables. */
    private static final Map<String, Unit> UNITS = new HashMap<>();
    private static final String AGO = "ago";

    static {
        unit(Unit.CENTURY, "c", "cent", "centuries", "century");
        unit(Unit.DAY, "d", "day", "days");
        unit(Unit.DECADE, "dec", "decade", "decades", "decs");
        unit(Unit.HOUR, "h", "hour", "hours", "hr", "hrs");
        unit(Unit.MINUTE, "m", "min", "mins", "minute", "minutes");
        unit(Unit.MICROSECOND, "microsecon", "us", "usec", "usecs", "useconds", "microsecond");
        unit(Unit.MILLENNIUM, "mil", "millennia", "millennium", "mils");
        unit(Unit.MILLISECOND, "millisecon", "ms", "msec", "msecs", "mseconds", "millisecond");
        unit(Unit.MONTH, "mon", "mons", "month", "months");
        unit(Unit.UNUSABLE, "qtr", "quarter", "timezone", "timezone_h", "timezone_m");
        unit(Unit.SECOND, "s", "sec", "second", "seconds", "secs");
        unit(Unit.WEEK, "w", "week", "weeks");
        unit(Unit.YEAR, "y", "year", "years", "yr", "yrs");
    }

    private static void unit(Unit unit, String... words) {
        for (String word : words) {
            UNITS.put(IntervalFields.truncate(word), unit);
        }
    }

    private IntervalParser() {
    }

    static PgInterval parse(String input, FormatSettings settings) {
        return parse(input, settings, FULL_RANGE);
    }

    /** interval_in with the typmod's field range (FULL_RANGE when there is none). */
    static PgInterval parse(String input, FormatSettings settings, int range) {
        boolean sqlStandard = settings.intervalOutputStyle() == FormatSettings.IntervalOutputStyle.SQL_STANDARD;
        IntervalSum sum;
        try {
            try {
                sum = new IntervalParser().decode(IntervalFields.split(input), range, sqlStandard);
            } catch (IntervalInputError e) {
                if (e.kind != IntervalInputError.Kind.BAD_FORMAT) {
                    throw e;
                }
                sum = IntervalIso8601.decode(input);
            }
        } catch (IntervalInputError e) {
            if (e.kind == IntervalInputError.Kind.FIELD_OVERFLOW) {
                throw PgException.of(SqlState.INTERVAL_FIELD_OVERFLOW, "interval field value out of range: \"%s\"",
                        input);
            }
            throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"%s\"",
                    input);
        }
        PgInterval result = sum.toInterval();
        if (result == null) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        return result;
    }

    private IntervalSum decode(List<Field> fields, int range, boolean sqlStandard) {
        IntervalSum sum = new IntervalSum();
        int n = fields.size();
        // sql_standard: '-1 1:00:00' is all negative, unless some other field has a sign of its own
        boolean forceNegative = false;
        if (sqlStandard && n > 0 && fields.get(0).text().startsWith("-")) {
            forceNegative = true;
            for (int k = 1; k < n; k++) {
                String t = fields.get(k).text();
                if (t.startsWith("-") || t.startsWith("+")) {
                    forceNegative = false;
                    break;
                }
            }
        }
        Unit type = null; // null: the unit the range implies
        boolean ago = false;
        int seen = 0;
        for (int k = n - 1; k >= 0; k--) {
            Field field = fields.get(k);
            String text = field.text();
            int mask;
            switch (field.type()) {
                case TIME -> {
                    time(text, range, sum);
                    if (forceNegative && sum.micros > 0) {
                        sum.micros = -sum.micros;
                    }
                    mask = TIME_BITS;
                    type = Unit.DAY;
                }
                case STRING, SPECIAL -> {
                    if (text.equals(AGO)) {
                        ago = true;
                        type = Unit.UNUSABLE; // a number right before "ago" has no unit
                        continue;
                    }
                    Unit unit = UNITS.get(IntervalFields.truncate(text));
                    if (unit == null) {
                        throw IntervalInputError.badFormat();
                    }
                    type = unit;
                    continue;
                }
                default -> {
                    if (field.type() == IntervalFields.Type.SIGNED && text.indexOf(':', 1) >= 0) {
                        // a signed time: "1 -2:03" (read like a time, then the sign applies)
                        IntervalSum signed = new IntervalSum();
                        boolean ok;
                        try {
                            time(text.substring(1), range, signed);
                            ok = true;
                        } catch (IntervalInputError e) {
                            ok = false;
                        }
                        if (ok) {
                            if (text.charAt(0) == '-') {
                                if (signed.micros == Long.MIN_VALUE) {
                                    throw IntervalInputError.overflow();
                                }
                                signed.micros = -signed.micros;
                            }
                            sum.micros = signed.micros; // DecodeTimeForInterval sets the time, adds nothing
                            if (forceNegative && sum.micros > 0) {
                                sum.micros = -sum.micros;
                            }
                            mask = TIME_BITS;
                            type = Unit.DAY;
                            break;
                        }
                    }
                    if (type == null) {
                        type = unitOfRange(range);
                    }
                    type = number(text, type, forceNegative, sum);
                    mask = lastMask;
                }
            }
            if ((mask & seen) != 0) {
                throw IntervalInputError.badFormat();
            }
            seen |= mask;
        }
        if (seen == 0) {
            throw IntervalInputError.badFormat();
        }
        if (ago) {
            sum.negate();
        }
        return sum;
    }

    /** The field mask of the last number() call (its second result). */
    private int lastMask;

    /** One number in the given unit; returns the unit for the number before it. */
    private Unit number(String text, Unit type, boolean forceNegative, IntervalSum sum) {
        CNumbers.Parsed whole = CNumbers.strtol(text, 0);
        if (whole.overflow()) {
            throw IntervalInputError.overflow();
        }
        long value = whole.value();
        int end = whole.end();
        double fraction;
        if (end < text.length() && text.charAt(end) == '-') {
            // SQL standard "years-months"
            CNumbers.Parsed monthPart = CNumbers.strtol(text, end + 1);
            if (monthPart.overflow() || monthPart.value() < 0 || monthPart.value() >= 12
                    || monthPart.value() > Integer.MAX_VALUE) {
                throw IntervalInputError.overflow();
            }
            if (monthPart.end() != text.length()) {
                throw IntervalInputError.badFormat();
            }
            type = Unit.MONTH;
            long months = text.startsWith("-") ? -monthPart.value() : monthPart.value();
            try {
                value = Math.addExact(Math.multiplyExact(value, 12), months);
            } catch (ArithmeticException e) {
                throw IntervalInputError.overflow();
            }
            fraction = 0;
        } else if (end < text.length() && text.charAt(end) == '.') {
            fraction = CNumbers.fraction(text, end);
            if (text.startsWith("-")) {
                fraction = -fraction;
            }
        } else if (end == text.length()) {
            fraction = 0;
        } else {
            throw IntervalInputError.badFormat();
        }
        if (forceNegative) {
            if (value > 0) {
                value = -value;
            }
            if (fraction > 0) {
                fraction = -fraction;
            }
        }
        Unit next = type;
        switch (type) {
            case MICROSECOND -> sum.addMicros(value, fraction, 1);
            case MILLISECOND -> sum.addMicros(value, fraction, 1000);
            case SECOND -> sum.addMicros(value, fraction, IntervalSum.USECS_PER_SECOND);
            case MINUTE -> sum.addMicros(value, fraction, IntervalSum.USECS_PER_MINUTE);
            case HOUR -> {
                sum.addMicros(value, fraction, IntervalSum.USECS_PER_HOUR);
                next = Unit.DAY; // "1 2" hour: the number before the hours is days
            }
            case DAY -> {
                sum.addDays(value, 1);
                sum.addFractionMicros(fraction, IntervalSum.USECS_PER_DAY);
            }
            case WEEK -> {
                sum.addDays(value, 7);
                sum.addFractionDays(fraction, 7);
            }
            case MONTH -> {
                sum.addMonths(value);
                sum.addFractionDays(fraction, 30);
            }
            case YEAR -> {
                sum.addYears(value, 1);
                sum.addFractionYears(fraction, 1);
            }
            case DECADE -> {
                sum.addYears(value, 10);
                sum.addFractionYears(fraction, 10);
            }
            case CENTURY -> {
                sum.addYears(value, 100);
                sum.addFractionYears(fraction, 100);
            }
            case MILLENNIUM -> {
                sum.addYears(value, 1000);
                sum.addFractionYears(fraction, 1000);
            }
            case UNUSABLE -> throw IntervalInputError.badFormat();
        }
        lastMask = type == Unit.SECOND && fraction != 0 ? ALL_SECOND_BITS : type.bit;
        return next;
    }

    /** The unit of a bare rightmost number: the smallest field of the typmod's range. */
    private static Unit unitOfRange(int range) {
        if (range == YEAR) {
            return Unit.YEAR;
        }
        if (range == MONTH || range == (YEAR | MONTH)) {
            return Unit.MONTH;
        }
        if (range == DAY) {
            return Unit.DAY;
        }
        if (range == HOUR || range == (DAY | HOUR)) {
            return Unit.HOUR;
        }
        if (range == MINUTE || range == (HOUR | MINUTE) || range == (DAY | HOUR | MINUTE)) {
            return Unit.MINUTE;
        }
        return Unit.SECOND;
    }

    /**
     * DecodeTimeForInterval: h:m, h:m:s[.f], or m:s.f; with a MINUTE TO SECOND range "m:s". Sets
     * (does not add to) the microseconds.
     */
    static void time(String text, int range, IntervalSum sum) {
        CNumbers.Parsed hourPart = CNumbers.strtol(text, 0);
        if (hourPart.overflow()) {
            throw IntervalInputError.overflow();
        }
        int end = hourPart.end();
        if (end >= text.length() || text.charAt(end) != ':') {
            throw IntervalInputError.badFormat();
        }
        long hour = hourPart.value();
        CNumbers.Parsed minutePart = CNumbers.strtol(text, end + 1);
        if (minutePart.overflow() || minutePart.value() > Integer.MAX_VALUE || minutePart.value() < Integer.MIN_VALUE) {
            throw IntervalInputError.overflow();
        }
        long minute = minutePart.value();
        long second = 0;
        long fractionMicros = 0;
        end = minutePart.end();
        if (end == text.length()) {
            if (range == (MINUTE | SECOND)) {
                if (hour > Integer.MAX_VALUE || hour < Integer.MIN_VALUE) {
                    throw IntervalInputError.overflow();
                }
                second = minute;
                minute = hour;
                hour = 0;
            }
        } else if (text.charAt(end) == '.') {
            // mm:ss.fff is always minutes and seconds
            fractionMicros = Math.round(Math.rint(CNumbers.fraction(text, end) * 1_000_000));
            if (hour > Integer.MAX_VALUE || hour < Integer.MIN_VALUE) {
                throw IntervalInputError.overflow();
            }
            second = minute;
            minute = hour;
            hour = 0;
        } else if (text.charAt(end) == ':') {
            CNumbers.Parsed secondPart = CNumbers.strtol(text, end + 1);
            if (secondPart.overflow() || secondPart.value() > Integer.MAX_VALUE
                    || secondPart.value() < Integer.MIN_VALUE) {
                throw IntervalInputError.overflow();
            }
            second = secondPart.value();
            end = secondPart.end();
            if (end < text.length() && text.charAt(end) == '.') {
                fractionMicros = Math.round(Math.rint(CNumbers.fraction(text, end) * 1_000_000));
            } else if (end != text.length()) {
                throw IntervalInputError.badFormat();
            }
        } else {
            throw IntervalInputError.badFormat();
        }
        if (hour < 0 || minute < 0 || minute > 59 || second < 0 || second > 60 || fractionMicros < 0
                || fractionMicros > 1_000_000) {
            throw IntervalInputError.overflow();
        }
        try {
            long micros = Math.addExact(Math.multiplyExact(hour, IntervalSum.USECS_PER_HOUR), fractionMicros);
            micros = Math.addExact(micros, minute * IntervalSum.USECS_PER_MINUTE);
            sum.micros = Math.addExact(micros, second * IntervalSum.USECS_PER_SECOND);
        } catch (ArithmeticException e) {
            throw IntervalInputError.overflow();
        }
    }
}
