package org.lakepg.wire.types;

/** interval_out for the four IntervalStyles (PostgreSQL's EncodeInterval). */
final class IntervalText {

    private IntervalText() {
    }

    /** The fields EncodeInterval works on; time parts carry the sign of the microseconds. */
    private record Parts(int years, int months, int days, long hours, int minutes, int seconds, int fraction) {
        static Parts of(PgInterval value) {
            long micros = value.micros();
            long seconds = micros / PgDateTime.MICROS_PER_SECOND;
            return new Parts(value.months() / 12, value.months() % 12, value.days(), seconds / 3600,
                    (int) (seconds / 60 % 60), (int) (seconds % 60), (int) (micros % PgDateTime.MICROS_PER_SECOND));
        }

        boolean timeIsZero() {
            return hours == 0 && minutes == 0 && seconds == 0 && fraction == 0;
        }

        boolean timeIsNegative() {
            return hours < 0 || minutes < 0 || seconds < 0 || fraction < 0;
        }
    }

    static String format(PgInterval value, FormatSettings settings) {
        Parts p = Parts.of(value);
        return switch (settings.intervalOutputStyle()) {
            case POSTGRES -> postgres(p);
            case POSTGRES_VERBOSE -> verbose(p);
            case SQL_STANDARD -> sqlStandard(p);
            case ISO_8601 -> iso8601(p);
        };
    }

    private static String postgres(Parts p) {
        StringBuilder out = new StringBuilder();
        boolean[] state = {true, false}; // isZero, isBefore
        appendPostgresPart(out, p.years, "year", state);
        appendPostgresPart(out, p.months, "mon", state);
        appendPostgresPart(out, p.days, "day", state);
        if (state[0] || !p.timeIsZero()) {
            boolean minus = p.timeIsNegative();
            out.append(state[0] ? "" : " ").append(minus ? "-" : state[1] ? "+" : "");
            long hours = Math.abs(p.hours);
            out.append(hours < 10 ? "0" : "").append(hours).append(':')
                    .append(DateTimeText.pad(Math.abs(p.minutes), 2)).append(':');
            DateTimeText.appendSeconds(out, Math.abs(p.seconds), Math.abs(p.fraction));
        }
        return out.toString();
    }

    private static void appendPostgresPart(StringBuilder out, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        out.append(state[0] ? "" : " ").append(state[1] && value > 0 ? "+" : "").append(value).append(' ')
                .append(unit).append(value != 1 ? "s" : "");
        state[1] = value < 0;
        state[0] = false;
    }

    private static String verbose(Parts p) {
        StringBuilder out = new StringBuilder("@");
        boolean[] state = {true, false}; // isZero, isBefore
        appendVerbosePart(out, p.years, "year", state);
        appendVerbosePart(out, p.months, "mon", state);
        appendVerbosePart(out, p.days, "day", state);
        appendVerbosePart(out, p.hours, "hour", state);
        appendVerbosePart(out, p.minutes, "min", state);
        if (p.seconds != 0 || p.fraction != 0) {
            boolean negative = p.seconds < 0 || p.fraction < 0;
            if (state[0]) {
                state[1] = negative;
                negative = false;
            } else if (state[1]) {
                negative = !negative;
            }
            out.append(' ').append(negative ? "-" : "").append(Math.abs(p.seconds));
            DateTimeText.appendFraction(out, Math.abs(p.fraction));
            out.append(" sec").append(Math.abs(p.seconds) != 1 || p.fraction != 0 ? "s" : "");
            state[0] = false;
        }
        if (state[0]) {
            out.append(" 0");
        }
        if (state[1]) {
            out.append(" ago");
        }
        return out.toString();
    }

    private static void appendVerbosePart(StringBuilder out, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (state[0]) {
            state[1] = value < 0;
            value = Math.abs(value);
        } else if (state[1]) {
            value = -value;
        }
        out.append(' ').append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
        state[0] = false;
    }

    private static String sqlStandard(Parts p) {
        boolean hasNegative = p.years < 0 || p.months < 0 || p.days < 0 || p.timeIsNegative();
        boolean hasPositive = p.years > 0 || p.months > 0 || p.days > 0 || p.hours > 0 || p.minutes > 0
                || p.seconds > 0 || p.fraction > 0;
        boolean hasYearMonth = p.years != 0 || p.months != 0;
        boolean hasDayTime = p.days != 0 || !p.timeIsZero();
        StringBuilder out = new StringBuilder(); // (long): the magnitude of Integer.MIN_VALUE
        if (!hasNegative && !hasPositive) {
            return "0";
        }
        if (hasNegative && hasPositive || hasYearMonth && hasDayTime) {
            char yearSign = p.years < 0 || p.months < 0 ? '-' : '+';
            char daySign = p.days < 0 ? '-' : '+';
            char timeSign = p.timeIsNegative() ? '-' : '+';
            out.append(yearSign).append(Math.abs((long) p.years)).append('-').append(Math.abs((long) p.months))
                    .append(' ').append(daySign).append(Math.abs((long) p.days)).append(' ').append(timeSign);
            appendSqlTime(out, p);
            return out.toString();
        }
        if (hasNegative) {
            out.append('-');
        }
        if (hasYearMonth) {
            return out.append(Math.abs((long) p.years)).append('-').append(Math.abs((long) p.months)).toString();
        }
        if (p.days != 0) {
            out.append(Math.abs((long) p.days)).append(' ');
        }
        appendSqlTime(out, p);
        return out.toString();
    }

    private static void appendSqlTime(StringBuilder out, Parts p) {
        out.append(Math.abs(p.hours)).append(':').append(DateTimeText.pad(Math.abs(p.minutes), 2)).append(':');
        DateTimeText.appendSeconds(out, Math.abs(p.seconds), Math.abs(p.fraction));
    }

    private static String iso8601(Parts p) {
        if (p.years == 0 && p.months == 0 && p.days == 0 && p.timeIsZero()) {
            return "PT0S";
        }
        StringBuilder out = new StringBuilder("P");
        if (p.years != 0) {
            out.append(p.years).append('Y');
        }
        if (p.months != 0) {
            out.append(p.months).append('M');
        }
        if (p.days != 0) {
            out.append(p.days).append('D');
        }
        if (!p.timeIsZero()) {
            out.append('T');
            if (p.hours != 0) {
                out.append(p.hours).append('H');
            }
            if (p.minutes != 0) {
                out.append(p.minutes).append('M');
            }
            if (p.seconds != 0 || p.fraction != 0) {
                if (p.seconds < 0 || p.fraction < 0) {
                    out.append('-');
                }
                out.append(Math.abs(p.seconds));
                DateTimeText.appendFraction(out, Math.abs(p.fraction));
                out.append('S');
            }
        }
        return out.toString();
    }
}
