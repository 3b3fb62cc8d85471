package org.lakepg.wire.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.lakepg.wire.error.PgException;

/**
 * The date part of date/time input: which of year, month and day each field fills, decided
 * as PostgreSQL's DecodeDate/DecodeNumber do (field lengths, month names, DateStyle's order),
 * then resolved to a calendar date with BC and two-digit-year rules.
 */
final class DateFields {

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};

    private final FormatSettings.DateOrder order;
    private final Supplier<PgException> syntax;
    private final Supplier<PgException> overflow;
    private int year = -1;
    private boolean twoDigitYear;
    private int month = -1;
    private boolean textMonth;
    private int day = -1;
    private LocalDate direct;

    DateFields(FormatSettings.DateOrder order, Supplier<PgException> syntax, Supplier<PgException> overflow) {
        this.order = order;
        this.syntax = syntax;
        this.overflow = overflow;
    }

    /** 1..12 for a month name or its 3-letter abbreviation ("sept" too), else 0. */
    static int monthOf(String word) {
        if (word.length() < 3) {
            return 0;
        }
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].equals(word) || MONTHS[m].startsWith(word) && word.length() == 3
                    || m == 8 && word.equals("sept")) {
                return m + 1;
            }
        }
        return 0;
    }

    boolean none() {
        return direct == null && year < 0 && month < 0 && day < 0;
    }

    boolean complete() {
        return direct != null || year >= 0 && month >= 0 && day >= 0;
    }

    private void requireIncomplete() {
        if (complete()) {
            throw syntax.get();
        }
    }

    /** A field with separators: 1999-01-08, 1/8/1999, 08-Jan-1999, 8.1.1999. */
    void dateToken(List<String> parts) {
        requireIncomplete();
        if (parts.size() != 3) {
            throw syntax.get();
        }
        int alpha = -1;
        for (int i = 0; i < 3; i++) {
            if (!DateTimeTokenizer.isDigit(parts.get(i).charAt(0))) {
                if (alpha >= 0) {
                    throw syntax.get();
                }
                alpha = i;
            }
        }
        if (alpha >= 0) {
            // like DecodeDate: the month name first (it is unambiguous), then the numbers one by one
            int m = monthOf(parts.get(alpha));
            if (m == 0) {
                throw syntax.get();
            }
            monthName(m);
            for (String part : parts) {
                if (DateTimeTokenizer.isDigit(part.charAt(0))) {
                    number(part);
                }
            }
            return;
        }
        FormatSettings.DateOrder fieldOrder = parts.get(0).length() > 2 ? FormatSettings.DateOrder.YMD : order;
        switch (fieldOrder) {
            case YMD -> {
                setYear(parts.get(0));
                month = parseField(parts.get(1));
                setDay(parts.get(2));
            }
            case MDY -> {
                month = parseField(parts.get(0));
                setDay(parts.get(1));
                setYear(parts.get(2));
            }
            case DMY -> {
                setDay(parts.get(0));
                month = parseField(parts.get(1));
                setYear(parts.get(2));
            }
        }
    }

    /** YYYYMMDD or YYMMDD written without separators. */
    void compactDate(String digits) {
        int yearLength = digits.length() - 4;
        setYear(digits.substring(0, yearLength));
        month = parseField(digits.substring(yearLength, yearLength + 2));
        setDay(digits.substring(yearLength + 2));
    }

    /** yyyy.ddd: a year and a day of the year. */
    void yearAndDayOfYear(String yearDigits, String dayDigits) {
        requireIncomplete();
        int y = parseField(yearDigits);
        int dayOfYear = parseField(dayDigits);
        try {
            direct = LocalDate.ofYearDay(y, dayOfYear);
        } catch (DateTimeException e) {
            throw overflow.get();
        }
    }

    /** today/tomorrow/yesterday written with other fields ("tomorrow EST"): the whole date. */
    void relativeDay(LocalDate day) {
        if (!none()) {
            throw syntax.get();
        }
        direct = day;
    }

    /** A number labelled by a unit letter (ISO "y2001m12d27"): year 'y', month 'm' or day 'd'. */
    void labelled(char unit, String digits) {
        switch (unit) {
            case 'y' -> setYear(digits);
            case 'm' -> {
                if (month >= 0) {
                    throw syntax.get();
                }
                month = parseField(digits);
            }
            default -> setDay(digits);
        }
    }

    boolean hasMonth() {
        return month >= 0;
    }

    /** J2451187: a Julian day number. */
    void julianDay(String digits) {
        requireIncomplete();
        try {
            direct = LocalDate.ofEpochDay(Long.parseLong(digits) - 2440588L);
        } catch (DateTimeException | NumberFormatException e) {
            throw overflow.get();
        }
    }

    /** A month name; a number already taken for the month was really the day ("8 Jan"). */
    void monthName(int m) {
        if (textMonth) {
            throw syntax.get();
        }
        if (month >= 0) {
            if (day >= 0 || month > 31) {
                throw syntax.get();
            }
            day = month;
        }
        month = m;
        textMonth = true;
    }

    /** A bare number: the field it fills depends on those seen so far and on DateStyle's order. */
    void number(String text) {
        int length = text.length();
        boolean y = year >= 0;
        boolean m = month >= 0;
        boolean d = day >= 0;
        if (!y && !m && !d) {
            if (length >= 3 || order == FormatSettings.DateOrder.YMD) {
                setYear(text);
            } else if (order == FormatSettings.DateOrder.DMY) {
                setDay(text);
            } else {
                month = parseField(text);
            }
        } else if (y && !m && !d) {
            month = parseField(text);
        } else if (!y && m && !d) {
            if (textMonth && (length >= 3 || order == FormatSettings.DateOrder.YMD)) {
                setYear(text);
            } else {
                setDay(text);
            }
        } else if (y && m && !d) {
            if (textMonth && length >= 3 && twoDigitYear) {
                // DD-MON-YYYY read in YMD order: the first number was the day after all
                day = year;
                year = -1;
                setYear(text);
            } else {
                setDay(text);
            }
        } else if (!y && !m) {
            month = parseField(text);
        } else if (!y) {
            setYear(text);
        } else {
            throw syntax.get();
        }
    }

    /** The calendar date, or null if the input had no date fields. */
    LocalDate resolve(boolean bc) {
        if (direct != null) {
            if (bc) {
                throw syntax.get();
            }
            return direct;
        }
        if (none()) {
            return null;
        }
        if (year < 0 || month < 0 || day < 0) {
            throw syntax.get();
        }
        int y = year;
        if (bc) {
            if (y <= 0) {
                throw overflow.get();
            }
            y = 1 - y;
        } else if (twoDigitYear) {
            y += y < 70 ? 2000 : 1900;
        } else if (y == 0) {
            throw overflow.get();
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            // PostgreSQL's DTERR_MD_FIELD_OVERFLOW: the fields were probably read in the wrong order
            throw overflow.get().withHint("Perhaps you need a different \"datestyle\" setting.");
        }
        if (day > LocalDate.of(2000, month, 1).lengthOfMonth()) {
            throw overflow.get();
        }
        if (y > LocalDate.MAX.getYear() || y < LocalDate.MIN.getYear()) {
            // beyond java.time but a valid int year: every type's own range check rejects it
            return y > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
        try {
            return LocalDate.of(y, month, day);
        } catch (DateTimeException e) {
            throw overflow.get(); // February 29 of a common year
        }
    }

    private void setYear(String digits) {
        if (year >= 0) {
            throw syntax.get();
        }
        year = parseField(digits);
        twoDigitYear = digits.length() <= 2;
    }

    private void setDay(String digits) {
        if (day >= 0) {
            throw syntax.get();
        }
        day = parseField(digits);
    }

    private int parseField(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw overflow.get();
        }
    }
}
