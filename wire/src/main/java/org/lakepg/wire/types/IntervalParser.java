package org.lakepg.wire.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * interval_in: "number unit" pairs (with the verbose '@' and 'ago'), time fields hh:mm:ss,
 * SQL-standard "Y-M" and "D H:M:S", and ISO 8601 "P1Y2M3DT4H5M6S". Fractions spill into the
 * smaller fields the way PostgreSQL does (a month is 30 days, a day 24 hours).
 */
final class IntervalParser {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z]+)");
    private static final Pattern TIME = Pattern.compile("([+-])?(\\d+):(\\d+)(?::(\\d+)(?:\\.(\\d*))?)?");
    private static final Pattern YEAR_MONTH = Pattern.compile("([+-])?(\\d+)-(\\d+)");
    private static final Pattern ISO_PART = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z])");

    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final int ALL_SECONDS = Unit.SECOND.bit | Unit.MILLISECOND.bit | Unit.MICROSECOND.bit;
    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    private final String input;
    private final boolean sqlStandardSigns;
    private long months;
    private long days;
    /** Whole microseconds exactly, fractions of units separately (rounded once at the end). */
    private long micros;
    private double fractionMicros;
    private int usedUnits;
    private boolean propagateSign;

    private IntervalParser(String input, boolean sqlStandardSigns) {
        this.input = input;
        this.sqlStandardSigns = sqlStandardSigns;
    }

    static PgInterval parse(String input, FormatSettings settings) {
        boolean sqlStandard = settings.intervalOutputStyle() == FormatSettings.IntervalOutputStyle.SQL_STANDARD;
        return new IntervalParser(input, sqlStandard).run();
    }

    private PgInterval run() {
        String s = TypeErrors.trimSpace(input).toLowerCase(Locale.ROOT);
        if (s.startsWith("@")) {
            s = TypeErrors.trimSpace(s.substring(1));
        }
        if (s.isEmpty()) {
            throw syntax();
        }
        if (s.charAt(0) == 'p') {
            iso = true;
            iso8601(s.substring(1));
        } else {
            postgres(s.split("[ \\t\\n\\r\\f\\u000b]+"));
        }
        return result();
    }

    private void postgres(String[] tokens) {
        // sql_standard: '-1 1:00:00' is all negative, but only when no other field has a sign
        boolean otherSigns = false;
        for (int i = 1; i < tokens.length; i++) {
            otherSigns |= tokens[i].startsWith("-") || tokens[i].startsWith("+");
        }
        propagateSign = sqlStandardSigns && tokens[0].startsWith("-") && !otherSigns;
        boolean ago = false;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("ago")) {
                if (i == 0 || ago) {
                    throw syntax();
                }
                ago = true; // negates the whole interval, even fields written after it
                continue;
            }
            Matcher time = TIME.matcher(token);
            if (time.matches()) {
                timeField(time);
                continue;
            }
            Matcher yearMonth = YEAR_MONTH.matcher(token);
            if (yearMonth.matches()) {
                use(Unit.YEAR.bit | Unit.MONTH.bit);
                int sign = sign(yearMonth.group(1));
                months += sign * (Long.parseLong(yearMonth.group(2)) * 12 + Long.parseLong(yearMonth.group(3)));
                continue;
            }
            Matcher glued = NUMBER_WITH_UNIT.matcher(token);
            if (glued.matches() && Unit.of(glued.group(2)) != null) {
                add(glued.group(1), Unit.of(glued.group(2)));
                continue;
            }
            if (!NUMBER.matcher(token).matches()) {
                throw syntax();
            }
            Unit unit = i + 1 < tokens.length ? Unit.of(tokens[i + 1]) : null;
            if (unit != null) {
                add(token, unit);
                i++;
            } else if (i + 1 < tokens.length && TIME.matcher(tokens[i + 1]).matches()) {
                add(token, Unit.DAY); // SQL standard "D H:M:S"
            } else {
                add(token, Unit.SECOND); // a bare number is seconds
            }
        }
        if (ago) {
            months = -months;
            days = -days;
            micros = -micros;
            fractionMicros = -fractionMicros;
        }
    }

    private void timeField(Matcher time) {
        use(Unit.HOUR.bit | Unit.MINUTE.bit | ALL_SECONDS);
        int sign = sign(time.group(1));
        long value;
        try {
            value = Math.addExact(Math.multiplyExact(Long.parseLong(time.group(2)), MICROS_PER_HOUR),
                    Long.parseLong(time.group(3)) * MICROS_PER_MINUTE);
        } catch (ArithmeticException | NumberFormatException e) {
            throw overflow();
        }
        if (Long.parseLong(time.group(3)) > 59 || time.group(4) != null && Long.parseLong(time.group(4)) > 59) {
            // a signed time is read as a zone-like field, whose range error is a syntax error
            throw time.group(1) != null ? syntax() : overflow();
        }
        if (time.group(4) != null) {
            long seconds = Long.parseLong(time.group(4));
            value += seconds * 1_000_000L + (time.group(5) == null ? 0 : DateTimeParser.fractionToMicros(time.group(5)));
        }
        try {
            micros = Math.addExact(micros, sign * value);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    /** -1 for an explicit '-', -1 for unsigned fields after a propagating sql_standard '-', else +1. */
    private int sign(String explicit) {
        if (explicit == null) {
            return propagateSign ? -1 : 1;
        }
        return explicit.equals("-") ? -1 : 1;
    }

    private void add(String number, Unit unit) {
        // fractional seconds count as milli- and microseconds too (PostgreSQL's DTK_ALL_SECS_M)
        use(unit == Unit.SECOND && number.indexOf('.') >= 0 ? ALL_SECONDS : unit.bit);
        String digits = number;
        String signText = null;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            signText = digits.substring(0, 1);
            digits = digits.substring(1);
        }
        int sign = sign(signText);
        int dot = digits.indexOf('.');
        long whole;
        try {
            // parsed with its sign so that -9223372036854775808 fits
            whole = dot == 0 ? 0 : Long.parseLong((sign < 0 ? "-" : "") + (dot < 0 ? digits : digits.substring(0, dot)));
        } catch (NumberFormatException e) {
            throw overflow();
        }
        double fraction = dot < 0 || dot == digits.length() - 1 ? 0 : Double.parseDouble("0" + digits.substring(dot));
        if (iso && dot >= 0) {
            // ISO 8601 numbers are read whole by strtod and the fraction is what remains
            fraction = Double.parseDouble(digits) - Math.abs(whole);
        }
        fraction *= sign;
        try {
            switch (unit) {
                case MICROSECOND -> addMicros(whole, fraction, 1);
                case MILLISECOND -> addMicros(whole, fraction, 1000);
                case SECOND -> addMicros(whole, fraction, 1_000_000);
                case MINUTE -> addMicros(whole, fraction, MICROS_PER_MINUTE);
                case HOUR -> addMicros(whole, fraction, MICROS_PER_HOUR);
                case DAY -> {
                    days = Math.addExact(days, whole);
                    fractionMicros += fraction * PgDateTime.MICROS_PER_DAY;
                }
                case MONTH -> {
                    months = addMonths(months, whole);
                    spillDays(fraction * 30);
                }
                case WEEK -> {
                    days = Math.addExact(days, Math.multiplyExact(whole, 7));
                    spillDays(fraction * 7);
                }
                case YEAR -> addYears(whole, fraction, 1);
                case DECADE -> addYears(whole, fraction, 10);
                case CENTURY -> addYears(whole, fraction, 100);
                case MILLENNIUM -> addYears(whole, fraction, 1000);
            }
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    private void addMicros(long whole, double fraction, long unitMicros) {
        micros = Math.addExact(micros, Math.multiplyExact(whole, unitMicros));
        fractionMicros += fraction * unitMicros;
    }

    /** Month arithmetic leaving int range is PostgreSQL's 22008 "interval out of range", not a field error. */
    private long addMonths(long current, long more) {
        long sum = current + more;
        if (sum > Integer.MAX_VALUE || sum < Integer.MIN_VALUE || Math.abs(more) > Integer.MAX_VALUE) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        return sum;
    }

    private void addYears(long whole, double fraction, int scale) {
        if (Math.abs(whole) > Integer.MAX_VALUE) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        months = addMonths(months, whole * 12L * scale);
        months = addMonths(months, (long) Math.rint(fraction * scale * 12));
    }

    /** A fractional number of days: whole days to the day field, the rest to time. */
    private void spillDays(double fractionalDays) {
        long whole = (long) fractionalDays;
        days = Math.addExact(days, whole);
        fractionMicros += (fractionalDays - whole) * PgDateTime.MICROS_PER_DAY;
    }

    private void iso8601(String s) {
        boolean timePart = false;
        int i = 0;
        if (s.isEmpty()) {
            throw syntax();
        }
        Matcher part = ISO_PART.matcher(s);
        while (i < s.length()) {
            if (s.charAt(i) == 't' && !timePart) {
                timePart = true;
                i++;
                continue;
            }
            if (!part.find(i) || part.start() != i) {
                Matcher trailing = NUMBER.matcher(s.substring(i));
                if (!timePart && trailing.matches()) {
                    add(trailing.group(), Unit.YEAR); // "P1": a bare number is years
                    return;
                }
                throw syntax();
            }
            String number = part.group(1);
            Unit unit = switch (part.group(2)) {
                case "y" -> timePart ? null : Unit.YEAR;
                case "m" -> timePart ? Unit.MINUTE : Unit.MONTH;
                case "w" -> timePart ? null : Unit.WEEK;
                case "d" -> timePart ? null : Unit.DAY;
                case "h" -> timePart ? Unit.HOUR : null;
                case "s" -> timePart ? Unit.SECOND : null;
                default -> null;
            };
            if (unit == null) {
                throw syntax();
            }
            add(number, unit);
            i = part.end();
        }
    }

    private boolean iso;

    private void use(int bits) {
        if (iso) {
            return; // ISO 8601 designators may repeat and add up
        }
        if ((usedUnits & bits) != 0) {
            throw syntax();
        }
        usedUnits |= bits;
    }

    private PgInterval result() {
        if (months > Integer.MAX_VALUE || months < Integer.MIN_VALUE || days > Integer.MAX_VALUE
                || days < Integer.MIN_VALUE || Math.abs(fractionMicros) >= 9.2e18) {
            throw overflow();
        }
        try {
            return new PgInterval((int) months, (int) days, Math.addExact(micros, (long) Math.rint(fractionMicros)));
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    private PgException syntax() {
        return PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"%s\"", input);
    }

    private PgException overflow() {
        return PgException.of(SqlState.INTERVAL_FIELD_OVERFLOW, "interval field value out of range: \"%s\"", input);
    }

    /** The unit words interval input understands; each may appear once. */
    private enum Unit {
        MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM;

        final int bit = 1 << ordinal();

        static Unit of(String word) {
            return switch (word) {
                case "microsecond", "microseconds", "microsecon", "us", "usec", "usecs", "useconds" -> MICROSECOND;
                case "millisecond", "milliseconds", "millisecon", "ms", "msec", "msecs", "mseconds" -> MILLISECOND;
                case "second", "seconds", "s", "sec", "secs" -> SECOND;
                case "minute", "minutes", "m", "min", "mins" -> MINUTE;
                case "hour", "hours", "h", "hr", "hrs" -> HOUR;
                case "day", "days", "d" -> DAY;
                case "week", "weeks", "w" -> WEEK;
                case "month", "months", "mon", "mons" -> MONTH;
                case "year", "years", "y", "yr", "yrs" -> YEAR;
                case "decade", "decades", "dec", "decs" -> DECADE;
                case "century", "centuries", "c", "cent" -> CENTURY;
                case "millennium", "millennia", "mil", "mils" -> MILLENNIUM;
                default -> null;
            };
        }
    }
}
