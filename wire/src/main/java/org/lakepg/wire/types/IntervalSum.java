package org.lakepg.wire.types;

/**
 * The fields interval input adds up (PostgreSQL's pg_itm_in): years and months separately, so
 * that "1 decade 2147483647 years" overflows the year field, days, and exact microseconds.
 * Every step checks for overflow the way datetime.c's Adjust* helpers do.
 */
final class IntervalSum {

    static final long USECS_PER_SECOND = 1_000_000L;
    static final long USECS_PER_MINUTE = 60 * USECS_PER_SECOND;
    static final long USECS_PER_HOUR = 60 * USECS_PER_MINUTE;
    static final long USECS_PER_DAY = 24 * USECS_PER_HOUR;

    long micros;
    int days;
    int months;
    int years;

    /** (whole + fraction) * scale microseconds. */
    void addMicros(long whole, double fraction, long scale) {
        try {
            micros = Math.addExact(micros, Math.multiplyExact(whole, scale));
        } catch (ArithmeticException e) {
            throw IntervalInputError.overflow();
        }
        addFractionMicros(fraction, scale);
    }

    /** A fraction (|f| < 1) of scale microseconds, rounded half away from zero to the microsecond. */
    void addFractionMicros(double fraction, long scale) {
        if (fraction == 0) {
            return;
        }
        double f = fraction * scale;
        long usec = (long) f;
        f -= usec;
        if (f > 0.5) {
            usec++;
        } else if (f < -0.5) {
            usec--;
        }
        try {
            micros = Math.addExact(micros, usec);
        } catch (ArithmeticException e) {
            throw IntervalInputError.overflow();
        }
    }

    /** A fraction of scale days: whole days to the day field, the rest to microseconds. */
    void addFractionDays(double fraction, int scale) {
        if (fraction == 0) {
            return;
        }
        double f = fraction * scale;
        int extraDays = (int) f;
        days = addInt(days, extraDays);
        addFractionMicros(f - extraDays, USECS_PER_DAY);
    }

    /** A fraction of scale years, as whole months (rounded). */
    void addFractionYears(double fraction, int scale) {
        int extraMonths = (int) Math.rint(fraction * scale * 12);
        months = addInt(months, extraMonths);
    }

    void addDays(long value, int scale) {
        days = addInt(days, multiplyInt(value, scale));
    }

    void addMonths(long value) {
        months = addInt(months, toInt(value));
    }

    void addYears(long value, int scale) {
        years = addInt(years, multiplyInt(value, scale));
    }

    /** "ago": every field negated, which the most negative values cannot be. */
    void negate() {
        if (micros == Long.MIN_VALUE || days == Integer.MIN_VALUE || months == Integer.MIN_VALUE
                || years == Integer.MIN_VALUE) {
            throw IntervalInputError.overflow();
        }
        micros = -micros;
        days = -days;
        months = -months;
        years = -years;
    }

    /** The interval; null when years and months together leave int range ("interval out of range"). */
    PgInterval toInterval() {
        long totalMonths = (long) years * 12 + months;
        if (totalMonths > Integer.MAX_VALUE || totalMonths < Integer.MIN_VALUE) {
            return null;
        }
        return new PgInterval((int) totalMonths, days, micros);
    }

    private static int toInt(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw IntervalInputError.overflow();
        }
        return (int) value;
    }

    private static int multiplyInt(long value, int scale) {
        try {
            return Math.multiplyExact(toInt(value), scale);
        } catch (ArithmeticException e) {
            throw IntervalInputError.overflow();
        }
    }

    private static int addInt(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw IntervalInputError.overflow();
        }
    }
}
