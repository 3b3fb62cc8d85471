package org.lakepg.wire.types;

/**
 * DecodeISO8601Interval: "P1Y2M3DT4H5M6S" (format with designators, where a week may appear
 * with other units and any field may have a fraction) and the alternative formats
 * "P0001-02-03T04:05:06" and "P00010203T040506". Upper-case designators only, as in PostgreSQL.
 */
final class IntervalIso8601 {

    private final String s;
    private int i;

    private IntervalIso8601(String s) {
        this.s = s;
    }

    static IntervalSum decode(String input) {
        return new IntervalIso8601(input).run();
    }

    private record Number(long whole, double fraction) {
    }

    /** ParseISO8601Number: a strtod number split into an exact integral part and a fraction. */
    private Number number() {
        if (i >= s.length()) {
            throw IntervalInputError.badFormat();
        }
        char c = s.charAt(i);
        if (!(c >= '0' && c <= '9' || c == '-' || c == '.')) {
            throw IntervalInputError.badFormat();
        }
        double[] parsed = CNumbers.strtod(s, i);
        if (parsed == null) {
            throw IntervalInputError.badFormat();
        }
        double value = parsed[0];
        i = (int) parsed[1];
        if (Double.isNaN(value) || value < -1.0e15 || value > 1.0e15) {
            throw IntervalInputError.overflow();
        }
        long whole = value >= 0 ? (long) Math.floor(value) : (long) -Math.floor(-value);
        return new Number(whole, value - whole);
    }

    private int integerWidth(int fieldStart) {
        int k = fieldStart;
        if (k < s.length() && s.charAt(k) == '-') {
            k++;
        }
        int start = k;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k - start;
    }

    private char next() {
        return i < s.length() ? s.charAt(i++) : '\0';
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private IntervalSum run() {
        IntervalSum sum = new IntervalSum();
        if (s.length() < 2 || s.charAt(0) != 'P') {
            throw IntervalInputError.badFormat();
        }
        i = 1;
        boolean datePart = true;
        boolean haveField = false;
        while (i < s.length()) {
            if (s.charAt(i) == 'T') {
                datePart = false;
                haveField = false;
                i++;
                continue;
            }
            int fieldStart = i;
            Number v = number();
            char unit = next();
            if (datePart) {
                switch (unit) {
                    case 'Y' -> {
                        sum.addYears(v.whole(), 1);
                        sum.addFractionYears(v.fraction(), 1);
                    }
                    case 'M' -> {
                        sum.addMonths(v.whole());
                        sum.addFractionDays(v.fraction(), 30);
                    }
                    case 'W' -> {
                        sum.addDays(v.whole(), 7);
                        sum.addFractionDays(v.fraction(), 7);
                    }
                    case 'D' -> {
                        sum.addDays(v.whole(), 1);
                        sum.addFractionMicros(v.fraction(), IntervalSum.USECS_PER_DAY);
                    }
                    case 'T', '\0', '-' -> {
                        if (unit != '-' && integerWidth(fieldStart) == 8 && !haveField) {
                            // basic format YYYYMMDD
                            sum.addYears(v.whole() / 10000, 1);
                            sum.addMonths((v.whole() / 100) % 100);
                            sum.addDays(v.whole() % 100, 1);
                            sum.addFractionMicros(v.fraction(), IntervalSum.USECS_PER_DAY);
                            if (unit == '\0') {
                                return sum;
                            }
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        // extended format YYYY-MM-DD
                        if (haveField) {
                            throw IntervalInputError.badFormat();
                        }
                        sum.addYears(v.whole(), 1);
                        sum.addFractionYears(v.fraction(), 1);
                        if (unit == '\0') {
                            return sum;
                        }
                        if (unit == 'T') {
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        v = number();
                        sum.addMonths(v.whole());
                        sum.addFractionDays(v.fraction(), 30);
                        if (peek() == '\0') {
                            return sum;
                        }
                        if (peek() == 'T') {
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        if (next() != '-') {
                            throw IntervalInputError.badFormat();
                        }
                        v = number();
                        sum.addDays(v.whole(), 1);
                        sum.addFractionMicros(v.fraction(), IntervalSum.USECS_PER_DAY);
                        if (peek() == '\0') {
                            return sum;
                        }
                        if (peek() == 'T') {
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        throw IntervalInputError.badFormat();
                    }
                    default -> throw IntervalInputError.badFormat();
                }
            } else {
                switch (unit) {
                    case 'H' -> sum.addMicros(v.whole(), v.fraction(), IntervalSum.USECS_PER_HOUR);
                    case 'M' -> sum.addMicros(v.whole(), v.fraction(), IntervalSum.USECS_PER_MINUTE);
                    case 'S' -> sum.addMicros(v.whole(), v.fraction(), IntervalSum.USECS_PER_SECOND);
                    case '\0', ':' -> {
                        if (unit == '\0' && integerWidth(fieldStart) == 6 && !haveField) {
                            // basic format hhmmss
                            sum.addMicros(v.whole() / 10000, 0, IntervalSum.USECS_PER_HOUR);
                            sum.addMicros((v.whole() / 100) % 100, 0, IntervalSum.USECS_PER_MINUTE);
                            sum.addMicros(v.whole() % 100, 0, IntervalSum.USECS_PER_SECOND);
                            sum.addFractionMicros(v.fraction(), 1);
                            return sum;
                        }
                        if (haveField) {
                            throw IntervalInputError.badFormat();
                        }
                        sum.addMicros(v.whole(), v.fraction(), IntervalSum.USECS_PER_HOUR);
                        if (unit == '\0') {
                            return sum;
                        }
                        v = number();
                        sum.addMicros(v.whole(), v.fraction(), IntervalSum.USECS_PER_MINUTE);
                        if (peek() == '\0') {
                            return sum;
                        }
                        if (next() != ':') {
                            throw IntervalInputError.badFormat();
                        }
                        v = number();
                        sum.addMicros(v.whole(), v.fraction(), IntervalSum.USECS_PER_SECOND);
                        if (peek() == '\0') {
                            return sum;
                        }
                        throw IntervalInputError.badFormat();
                    }
                    default -> throw IntervalInputError.badFormat();
                }
            }
            haveField = true;
        }
        return sum;
    }
}
