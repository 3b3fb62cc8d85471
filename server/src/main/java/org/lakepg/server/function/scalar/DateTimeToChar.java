package org.lakepg.server.function.scalar;

import java.util.List;
import java.util.Locale;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Field;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Literal;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Node;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** to_char's output side (formatting.c's DCH_to_char) for timestamps and intervals. */
final class DateTimeToChar {
    private DateTimeToChar() {}

    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    /** Roman month numerals, December first as in PostgreSQL's table. */
    static final String[] ROMAN_MONTHS = {"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I"};

    /**
     * The broken-down value to_char prints. For timestamps the year is astronomical (0 = 1 BC);
     * for intervals the fields are the interval's own, possibly negative.
     */
    record Fields(int year, int mon, int mday, long hour, int min, int sec, int fsec, int yday, int wday,
                  int gmtoff, String tzn, boolean interval) {}

    static String format(List<Node> nodes, Fields t) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            switch (node) {
                case Literal l -> out.append(l.ch());
                case Field f -> out.append(field(f, t));
            }
        }
        return out.toString();
    }

    private static PgException invalidForInterval() {
        return PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid format specification for an interval value")
                .withHint("Intervals are not tied to specific calendar dates.");
    }

    private static String field(Field f, Fields t) {
        DateTimeFormatKeyword.Id id = f.key().action;
        boolean fm = f.fm();
        switch (id) {
            case A_D, B_C, AD, BC, a_d, b_c, ad, bc, TZ, tz, TZH, TZM, OF,
                 MONTH, Month, month, MON, Mon, mon, DAY, Day, day, DY, Dy, dy, D, ID -> {
                if (t.interval()) {
                    throw invalidForInterval();
                }
            }
            default -> { }
        }
        String s = switch (id) {
            case A_D, B_C -> t.year() <= 0 ? "B.C." : "A.D.";
            case AD, BC -> t.year() <= 0 ? "BC" : "AD";
            case a_d, b_c -> t.year() <= 0 ? "b.c." : "a.d.";
            case ad, bc -> t.year() <= 0 ? "bc" : "ad";
            case A_M, P_M -> pm(t) ? "P.M." : "A.M.";
            case AM, PM -> pm(t) ? "PM" : "AM";
            case a_m, p_m -> pm(t) ? "p.m." : "a.m.";
            case am, pm -> pm(t) ? "pm" : "am";
            case HH, HH12 -> th(f, zeroPad(hour12(t.hour()), fm ? 0 : t.hour() >= 0 ? 2 : 3));
            case HH24 -> th(f, zeroPad(t.hour(), fm ? 0 : t.hour() >= 0 ? 2 : 3));
            case MI -> th(f, zeroPad(t.min(), fm ? 0 : t.min() >= 0 ? 2 : 3));
            case SS -> th(f, zeroPad(t.sec(), fm ? 0 : t.sec() >= 0 ? 2 : 3));
            case FF1 -> th(f, zeroPad(t.fsec() / 100000, 1));
            case FF2 -> th(f, zeroPad(t.fsec() / 10000, 2));
            case FF3, MS -> th(f, zeroPad(t.fsec() / 1000, 3));
            case FF4 -> th(f, zeroPad(t.fsec() / 100, 4));
            case FF5 -> th(f, zeroPad(t.fsec() / 10, 5));
            case FF6, US -> th(f, zeroPad(t.fsec(), 6));
            case SSSS -> th(f, Long.toString(t.hour() * 3600 + t.min() * 60L + t.sec()));
            case tz -> t.tzn() == null ? "" : t.tzn().toLowerCase(Locale.ROOT);
            case TZ -> t.tzn() == null ? "" : t.tzn();
            case TZH -> (t.gmtoff() >= 0 ? "+" : "-") + zeroPad(Math.abs(t.gmtoff()) / 3600, 2);
            case TZM -> th(f, zeroPad(Math.abs(t.gmtoff()) % 3600 / 60, 2));
            case OF -> {
                int abs = Math.abs(t.gmtoff());
                String text = (t.gmtoff() >= 0 ? "+" : "-") + zeroPad(abs / 3600, fm ? 0 : 2);
                yield abs % 3600 != 0 ? text + ":" + zeroPad(abs % 3600 / 60, 2) : text;
            }
            case MONTH, Month, month -> t.mon() == 0 ? "" : pad(cased(MONTHS[t.mon() - 1], id == DateTimeFormatKeyword.Id.MONTH,
                    id == DateTimeFormatKeyword.Id.month), fm || f.tm() ? 0 : 9);
            case MON, Mon, mon -> t.mon() == 0 ? "" : cased(MONTHS[t.mon() - 1].substring(0, 3),
                    id == DateTimeFormatKeyword.Id.MON, id == DateTimeFormatKeyword.Id.mon);
            case MM -> th(f, zeroPad(t.mon(), fm ? 0 : t.mon() >= 0 ? 2 : 3));
            case DAY, Day, day -> pad(cased(DAYS[t.wday()], id == DateTimeFormatKeyword.Id.DAY, id == DateTimeFormatKeyword.Id.day),
                    fm || f.tm() ? 0 : 9);
            case DY, Dy, dy -> cased(DAYS[t.wday()].substring(0, 3), id == DateTimeFormatKeyword.Id.DY,
                    id == DateTimeFormatKeyword.Id.dy);
            case DDD -> th(f, zeroPad(t.yday(), fm ? 0 : 3));
            case IDDD -> th(f, zeroPad(DateJulianCalendar.isoYearDay(t.year(), t.mon(), t.mday()), fm ? 0 : 3));
            case DD -> th(f, zeroPad(t.mday(), fm ? 0 : 2));
            case D -> th(f, Integer.toString(t.wday() + 1));
            case ID -> th(f, Integer.toString(t.wday() == 0 ? 7 : t.wday()));
            case WW -> th(f, zeroPad((t.yday() - 1) / 7 + 1, fm ? 0 : 2));
            case IW -> th(f, zeroPad(DateJulianCalendar.isoWeek(t.year(), t.mon(), t.mday()), fm ? 0 : 2));
            case Q -> t.mon() == 0 ? "" : th(f, Integer.toString((t.mon() - 1) / 3 + 1));
            case CC -> {
                int c;
                if (t.interval()) {
                    c = t.year() / 100;
                } else {
                    c = t.year() > 0 ? (t.year() - 1) / 100 + 1 : t.year() / 100 - 1;
                }
                yield th(f, c <= 99 && c >= -99 ? zeroPad(c, fm ? 0 : c >= 0 ? 2 : 3) : Integer.toString(c));
            }
            case Y_YYY -> {
                int year = adjustYear(t.year(), t.interval());
                int thousands = year / 1000;
                yield th(f, thousands + "," + zeroPad(year - thousands * 1000, 3));
            }
            case YYYY, IYYY -> {
                int year = adjustYear(id == DateTimeFormatKeyword.Id.YYYY ? t.year()
                        : DateJulianCalendar.isoYear(t.year(), t.mon(), t.mday()), t.interval());
                yield th(f, zeroPad(year, fm ? 0 : year >= 0 ? 4 : 5));
            }
            case YYY, IYY -> {
                int year = adjustYear(id == DateTimeFormatKeyword.Id.YYY ? t.year()
                        : DateJulianCalendar.isoYear(t.year(), t.mon(), t.mday()), t.interval());
                yield th(f, zeroPad(year % 1000, fm ? 0 : year >= 0 ? 3 : 4));
            }
            case YY, IY -> {
                int year = adjustYear(id == DateTimeFormatKeyword.Id.YY ? t.year()
                        : DateJulianCalendar.isoYear(t.year(), t.mon(), t.mday()), t.interval());
                yield th(f, zeroPad(year % 100, fm ? 0 : year >= 0 ? 2 : 3));
            }
            case Y, I -> {
                int year = adjustYear(id == DateTimeFormatKeyword.Id.Y ? t.year()
                        : DateJulianCalendar.isoYear(t.year(), t.mon(), t.mday()), t.interval());
                yield th(f, Integer.toString(year % 10));
            }
            case RM, rm -> {
                if (t.mon() == 0 && t.year() == 0) {
                    yield "";
                }
                int index;
                if (t.mon() == 0) {
                    index = t.year() >= 0 ? 0 : 11;
                } else if (t.mon() < 0) {
                    index = -1 * (t.mon() + 1);
                } else {
                    index = 12 - t.mon();
                }
                String roman = id == DateTimeFormatKeyword.Id.RM ? ROMAN_MONTHS[index]
                        : ROMAN_MONTHS[index].toLowerCase(Locale.ROOT);
                yield pad(roman, fm ? 0 : 4);
            }
            case W -> th(f, Integer.toString((t.mday() - 1) / 7 + 1));
            case J -> th(f, Integer.toString(DateJulianCalendar.date2j(t.year(), t.mon(), t.mday())));
            case FX -> "";
        };
        return s;
    }

    private static boolean pm(Fields t) {
        return t.hour() % 24 >= 12;
    }

    private static long hour12(long hour) {
        return hour % 12 == 0 ? 12 : hour % 12;
    }

    private static int adjustYear(int year, boolean interval) {
        return interval ? year : year <= 0 ? -(year - 1) : year;
    }

    private static String cased(String name, boolean upper, boolean lower) {
        if (upper) {
            return name.toUpperCase(Locale.ROOT);
        }
        return lower ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** C's "%-*s": left-justified in a field of the width. */
    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** C's "%0*d". */
    static String zeroPad(long value, int width) {
        String digits = Long.toString(Math.abs(value));
        String sign = value < 0 ? "-" : "";
        int zeros = width - sign.length() - digits.length();
        return zeros > 0 ? sign + "0".repeat(zeros) + digits : sign + digits;
    }

    /** The ordinal suffix (st, nd, rd, th) when the field asks for it. */
    private static String th(Field f, String number) {
        if (!f.hasTh() || number.isEmpty()) {
            return number;
        }
        char last = number.charAt(number.length() - 1);
        if (!Character.isDigit(last)) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "\"%s\" is not a number", number);
        }
        if (number.length() > 1 && number.charAt(number.length() - 2) == '1') {
            last = '0';
        }
        String suffix = switch (last) {
            case '1' -> "st";
            case '2' -> "nd";
            case '3' -> "rd";
            default -> "th";
        };
        return number + (f.upperTh() ? suffix.toUpperCase(Locale.ROOT) : suffix);
    }
}
