package org.lakepg.server.function.scalar;

/**
 * PostgreSQL's Julian-day calendar arithmetic (date2j, j2date, j2day and the ISO week helpers),
 * in C int semantics, so formatting of odd field combinations (intervals) matches exactly.
 */
public final class DateJulianCalendar {
    private DateJulianCalendar() {}

    public static int date2j(int year, int month, int day) {
        if (month > 2) {
            month += 1;
            year += 4800;
        } else {
            month += 13;
            year += 4799;
        }
        int century = year / 100;
        int julian = year * 365 - 32167;
        julian += year / 4 - century + century / 4;
        julian += 7834 * month / 256 + day;
        return julian;
    }

    /** {year, month, day} of a Julian day. */
    public static int[] j2date(int jd) {
        long julian = Integer.toUnsignedLong(jd + 32044);
        long quad = julian / 146097;
        long extra = (julian - quad * 146097) * 4 + 3;
        julian += 60 + quad * 3 + extra / 146097;
        quad = julian / 1461;
        julian -= quad * 1461;
        long y = julian * 4 / 1461;
        julian = (y != 0 ? (julian + 305) % 365 : (julian + 306) % 366) + 123;
        y += quad * 4;
        int year = (int) (y - 4800);
        quad = julian * 2141 / 65536;
        int day = (int) (julian - 7834 * quad / 256);
        int month = (int) ((quad + 10) % 12 + 1);
        return new int[] {year, month, day};
    }

    /** Day of week of a Julian day, 0 = Sunday. */
    public static int j2day(int date) {
        date += 1;
        date %= 7;
        return date < 0 ? date + 7 : date;
    }

    public static int isoWeek(int year, int mon, int mday) {
        int dayn = date2j(year, mon, mday);
        int day4 = date2j(year, 1, 4);
        int day0 = j2day(day4 - 1);
        if (dayn < day4 - day0) {
            day4 = date2j(year - 1, 1, 4);
            day0 = j2day(day4 - 1);
        }
        int result = (dayn - (day4 - day0)) / 7 + 1;
        if (result >= 52) {
            day4 = date2j(year + 1, 1, 4);
            day0 = j2day(day4 - 1);
            if (dayn >= day4 - day0) {
                result = (dayn - (day4 - day0)) / 7 + 1;
            }
        }
        return result;
    }

    public static int isoYear(int year, int mon, int mday) {
        int dayn = date2j(year, mon, mday);
        int day4 = date2j(year, 1, 4);
        int day0 = j2day(day4 - 1);
        if (dayn < day4 - day0) {
            day4 = date2j(year - 1, 1, 4);
            day0 = j2day(day4 - 1);
            year--;
        }
        int result = (dayn - (day4 - day0)) / 7 + 1;
        if (result >= 52) {
            day4 = date2j(year + 1, 1, 4);
            day0 = j2day(day4 - 1);
            if (dayn >= day4 - day0) {
                year++;
            }
        }
        return year;
    }

    /** Julian day of the Monday of an ISO week. */
    public static int isoWeekToJulian(int year, int week) {
        int day4 = date2j(year, 1, 4);
        int day0 = j2day(day4 - 1);
        return (week - 1) * 7 + (day4 - day0);
    }

    public static int isoYearDay(int year, int mon, int mday) {
        return date2j(year, mon, mday) - isoWeekToJulian(isoYear(year, mon, mday), 1) + 1;
    }

    public static boolean isLeap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static final int[][] DAY_TAB = {
            {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
            {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
    };

    public static int daysInMonth(int year, int month) {
        return DAY_TAB[isLeap(year) ? 1 : 0][month - 1];
    }
}
