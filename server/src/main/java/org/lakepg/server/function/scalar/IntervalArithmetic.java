package org.lakepg.server.function.scalar;

import static org.lakepg.server.function.scalar.DateTimeValues.DAYS_PER_MONTH;
import static org.lakepg.server.function.scalar.DateTimeValues.USECS_PER_DAY;
import static org.lakepg.server.function.scalar.DateTimeValues.intervalOutOfRange;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgInterval;

/**
 * Interval arithmetic as timestamp.c does it: field-wise sums with overflow checks, multiplication
 * and division by a float that cascade fractional months into days and fractional days into
 * time (rounded to microseconds), the justify family, and the 30-day-month ordering.
 */
public final class IntervalArithmetic {
    private IntervalArithmetic() {}

    private static final long SECS_PER_DAY = 86_400L;

    public static PgInterval add(PgInterval a, PgInterval b) {
        try {
            return new PgInterval(Math.addExact(a.months(), b.months()), Math.addExact(a.days(), b.days()),
                    Math.addExact(a.micros(), b.micros()));
        } catch (ArithmeticException overflow) {
            throw intervalOutOfRange();
        }
    }

    public static PgInterval subtract(PgInterval a, PgInterval b) {
        try {
            return new PgInterval(Math.subtractExact(a.months(), b.months()),
                    Math.subtractExact(a.days(), b.days()), Math.subtractExact(a.micros(), b.micros()));
        } catch (ArithmeticException overflow) {
            throw intervalOutOfRange();
        }
    }

    /** interval_um: each field negated, the most negative values overflow. */
    public static PgInterval negateChecked(PgInterval a) {
        try {
            return new PgInterval(Math.negateExact(a.months()), Math.negateExact(a.days()),
                    Math.negateExact(a.micros()));
        } catch (ArithmeticException overflow) {
            throw intervalOutOfRange();
        }
    }

    /** The unchecked negation timestamp - interval uses. */
    public static PgInterval negate(PgInterval a) {
        return new PgInterval(-a.months(), -a.days(), -a.micros());
    }

    /** interval_mul. */
    public static PgInterval multiply(PgInterval span, double factor) {
        double months = span.months() * factor;
        if (Double.isNaN(months) || months > Integer.MAX_VALUE || months < Integer.MIN_VALUE) {
            throw intervalOutOfRange();
        }
        double days = span.days() * factor;
        if (Double.isNaN(days) || days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
            throw intervalOutOfRange();
        }
        int resultMonths = (int) months;
        int resultDays = (int) days;
        double monthRemainderDays = tsRound((span.months() * factor - resultMonths) * DAYS_PER_MONTH);
        double secRemainder = tsRound((span.days() * factor - resultDays + monthRemainderDays
                - (int) monthRemainderDays) * SECS_PER_DAY);
        return cascade(resultMonths, resultDays, monthRemainderDays, secRemainder, span.micros() * factor);
    }

    /** interval_div. */
    public static PgInterval divide(PgInterval span, double factor) {
        if (factor == 0.0) {
            throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        double months = span.months() / factor;
        double days = span.days() / factor;
        if (Double.isNaN(months) || months > Integer.MAX_VALUE || months < Integer.MIN_VALUE
                || Double.isNaN(days) || days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
            throw intervalOutOfRange();
        }
        int resultMonths = (int) months;
        int resultDays = (int) days;
        double monthRemainderDays = tsRound((span.months() / factor - resultMonths) * DAYS_PER_MONTH);
        double secRemainder = tsRound((span.days() / factor - resultDays + monthRemainderDays
                - (int) monthRemainderDays) * SECS_PER_DAY);
        return cascade(resultMonths, resultDays, monthRemainderDays, secRemainder, span.micros() / factor);
    }

    private static PgInterval cascade(int months, int days, double monthRemainderDays, double secRemainder,
                                      double scaledMicros) {
        // rounding may leave a whole day of seconds
        try {
            if (Math.abs(secRemainder) >= SECS_PER_DAY) {
                days = Math.addExact(days, (int) (secRemainder / SECS_PER_DAY));
                secRemainder -= (int) (secRemainder / SECS_PER_DAY) * SECS_PER_DAY;
            }
            // the fraction of the months cascaded into days may leave int range
            days = Math.addExact(days, (int) monthRemainderDays);
        } catch (ArithmeticException e) {
            throw intervalOutOfRange();
        }
        double micros = Math.rint(scaledMicros + secRemainder * DateTimeValues.USECS_PER_SEC);
        if (Double.isNaN(micros) || micros < -9.223372036854775808e18 || micros >= 9.223372036854775808e18) {
            throw intervalOutOfRange();
        }
        return new PgInterval(months, days, (long) micros);
    }

    /** TSROUND: rounds to microsecond precision to hide float noise. */
    private static double tsRound(double value) {
        return Math.rint(value * 1_000_000.0) / 1_000_000.0;
    }

    /** interval_cmp_value ordering: a month is 30 days, a day 24 hours. */
    public static int compare(PgInterval a, PgInterval b) {
        long daysA = comparableDays(a);
        long daysB = comparableDays(b);
        if (daysA != daysB) {
            return Long.compare(daysA, daysB);
        }
        return Long.compare(comparableMicros(a), comparableMicros(b));
    }

    /** The whole days an interval spans, a month counting 30 days: the first part of its sort key. */
    public static long comparableDays(PgInterval span) {
        return span.months() * (long) DAYS_PER_MONTH + span.days() + Math.floorDiv(span.micros(), USECS_PER_DAY);
    }

    /** The microseconds past {@link #comparableDays}: the second part of its sort key. */
    public static long comparableMicros(PgInterval span) {
        return Math.floorMod(span.micros(), USECS_PER_DAY);
    }

    public static PgInterval justifyHours(PgInterval span) {
        long wholeDay = span.micros() / USECS_PER_DAY;
        long time = span.micros() - wholeDay * USECS_PER_DAY;
        int day = addDays(span.days(), wholeDay);
        if (day > 0 && time < 0) {
            time += USECS_PER_DAY;
            day--;
        } else if (day < 0 && time > 0) {
            time -= USECS_PER_DAY;
            day++;
        }
        return new PgInterval(span.months(), day, time);
    }

    public static PgInterval justifyDays(PgInterval span) {
        int wholeMonth = span.days() / DAYS_PER_MONTH;
        int day = span.days() - wholeMonth * DAYS_PER_MONTH;
        int month = addDays(span.months(), wholeMonth);
        if (month > 0 && day < 0) {
            day += DAYS_PER_MONTH;
            month--;
        } else if (month < 0 && day > 0) {
            day -= DAYS_PER_MONTH;
            month++;
        }
        return new PgInterval(month, day, span.micros());
    }

    public static PgInterval justifyInterval(PgInterval span) {
        int month = span.months();
        int day = span.days();
        long time = span.micros();
        // pre-justify days when it might prevent an overflow
        if (day > 0 && time > 0 || day < 0 && time < 0) {
            int wholeMonth = day / DAYS_PER_MONTH;
            day -= wholeMonth * DAYS_PER_MONTH;
            month = addDays(month, wholeMonth);
        }
        long wholeDay = time / USECS_PER_DAY;
        time -= wholeDay * USECS_PER_DAY;
        day = addDays(day, wholeDay);
        int wholeMonth = day / DAYS_PER_MONTH;
        day -= wholeMonth * DAYS_PER_MONTH;
        month = addDays(month, wholeMonth);
        if (month > 0 && (day < 0 || day == 0 && time < 0)) {
            day += DAYS_PER_MONTH;
            month--;
        } else if (month < 0 && (day > 0 || day == 0 && time > 0)) {
            day -= DAYS_PER_MONTH;
            month++;
        }
        if (day > 0 && time < 0) {
            time += USECS_PER_DAY;
            day--;
        } else if (day < 0 && time > 0) {
            time -= USECS_PER_DAY;
            day++;
        }
        return new PgInterval(month, day, time);
    }

    private static int addDays(int value, long add) {
        long sum = value + add;
        if (sum > Integer.MAX_VALUE || sum < Integer.MIN_VALUE) {
            throw intervalOutOfRange();
        }
        return (int) sum;
    }
}
