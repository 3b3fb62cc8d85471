package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.function.scalar.DateTimeFormatKeyword.Id;
import org.lakepg.server.function.scalar.DateTimeFormatKeyword.Mode;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Field;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Literal;
import org.lakepg.server.function.scalar.DateTimeFormatTemplate.Node;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * to_timestamp / to_date's input side (formatting.c's DCH_from_char and do_to_timestamp):
 * reads the fields a template names from the text, leniently about spaces and separators
 * unless FX is given, then combines them into a date and time the way PostgreSQL does.
 */
final class TimestampTemplateParser {

    /** The broken-down result; year is astronomical, tzWest seconds west of UTC or null. */
    record Result(int year, int mon, int mday, int hour, int min, int sec, int fsec, int fprec, Integer tzWest) {}

    private static final String[] AMPM = {"am", "pm", "AM", "PM"};
    private static final String[] AMPM_LONG = {"a.m.", "p.m.", "A.M.", "P.M."};
    private static final String[] ADBC = {"ad", "bc", "AD", "BC"};
    private static final String[] ADBC_LONG = {"a.d.", "b.c.", "A.D.", "B.C."};
    private static final String[] MONTHS_SHORT = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec"};
    private static final String[] DAYS_SHORT = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] ROMAN_LOWER = {"xii", "xi", "x", "ix", "viii", "vii", "vi", "v", "iv", "iii", "ii",
            "i"};

    private final String input;
    private final List<Node> nodes;
    private final DateTimeTemplateInput in;
    private Mode mode = Mode.NONE;
    // the fields read (0 = not given), as TmFromChar
    private int hh, pm, mi, ss, ssss, d, dd, ddd, mm, ms, year, bc, ww, w, cc, j, us, yysz, clock12, tzsign,
            tzh, tzm, ff;

    private TimestampTemplateParser(String input, List<Node> nodes) {
        this.input = input;
        this.nodes = nodes;
        this.in = new DateTimeTemplateInput(input, nodes);
    }

    static Result parse(String input, String template) {
        TimestampTemplateParser p = new TimestampTemplateParser(input, DateTimeFormatTemplate.cached(template));
        p.readFields();
        return p.combine();
    }

    private void readFields() {
        boolean fx = false;
        int extraSkip = 0;
        for (int n = 0; n < nodes.size() && !in.atEnd(); n++) {
            Node node = nodes.get(n);
            boolean isFx = node instanceof Field f && f.key().action == Id.FX;
            if (!fx && !isFx && (node instanceof Field || n == 0)) {
                while (!in.atEnd() && Character.isWhitespace(in.current())) {
                    in.pos++;
                    extraSkip++;
                }
            }
            if (node instanceof Literal l) {
                if (l.isSpace() || l.isSeparator()) {
                    if (!fx) {
                        extraSkip--;
                        if (!in.atEnd() && (Character.isWhitespace(in.current()) || DateTimeFormatTemplate.isSeparatorChar(in.current()))) {
                            in.pos++;
                            extraSkip++;
                        }
                    } else {
                        in.pos++;
                    }
                } else if (!fx && extraSkip > 0) {
                    extraSkip--;
                } else {
                    in.pos++;
                }
                continue;
            }
            Field f = (Field) node;
            setMode(f.key().mode);
            readField(f, n, extraSkip);
            if (f.key().action == Id.FX) {
                fx = true;
            }
            if (!fx) {
                extraSkip = 0;
                while (!in.atEnd() && Character.isWhitespace(in.current())) {
                    in.pos++;
                    extraSkip++;
                }
            }
        }
    }

    private void setMode(Mode m) {
        if (m == Mode.NONE) {
            return;
        }
        if (mode == Mode.NONE) {
            mode = m;
        } else if (mode != m) {
            throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid combination of date conventions")
                    .withHint("Do not mix Gregorian and ISO week date conventions in a formatting template.");
        }
    }

    private void readField(Field f, int index, int extraSkip) {
        switch (f.key().action) {
            case FX -> { }
            case A_M, P_M, a_m, p_m -> {
                pm = set(pm, in.search(AMPM_LONG, f) % 2, f);
                clock12 = 1;
            }
            case AM, PM, am, pm -> {
                pm = set(pm, in.search(AMPM, f) % 2, f);
                clock12 = 1;
            }
            case HH, HH12 -> {
                hh = set(hh, in.parseInt(2, f, index), f);
                clock12 = 1;
                in.skipTh(f);
            }
            case HH24 -> {
                hh = set(hh, in.parseInt(2, f, index), f);
                in.skipTh(f);
            }
            case MI -> {
                mi = set(mi, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case SS -> {
                ss = set(ss, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case MS -> {
                int start = in.pos;
                int value = in.parseInt(3, f, index);
                int len = in.digitsUsed(start);
                ms = set(ms, value * (len == 1 ? 100 : len == 2 ? 10 : 1), f);
                in.skipTh(f);
            }
            case FF1, FF2, FF3, FF4, FF5, FF6, US -> {
                Id id = f.key().action;
                int size = id == Id.US ? 6 : id.ordinal() - Id.FF1.ordinal() + 1;
                if (id != Id.US) {
                    ff = size;
                }
                int start = in.pos;
                int value = in.parseInt(size, f, index);
                int len = in.digitsUsed(start);
                int[] scale = {1, 100000, 10000, 1000, 100, 10, 1};
                us = set(us, value * scale[Math.min(len, 6)], f);
                in.skipTh(f);
            }
            case SSSS -> {
                ssss = set(ssss, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case tz, TZ, OF -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "formatting field \"%s\" is only supported in to_char", f.key().pattern);
            case TZH -> {
                if (!in.atEnd() && (in.current() == '+' || in.current() == '-' || in.current() == ' ')) {
                    tzsign = in.current() == '-' ? -1 : 1;
                    in.pos++;
                } else {
                    tzsign = extraSkip > 0 && in.pos > 0 && input.charAt(in.pos - 1) == '-' ? -1 : 1;
                }
                tzh = set(tzh, in.parseInt(2, f, index), f);
            }
            case TZM -> {
                if (tzsign == 0) {
                    tzsign = 1;
                }
                tzm = set(tzm, in.parseInt(2, f, index), f);
            }
            case A_D, B_C, a_d, b_c -> bc = set(bc, in.search(ADBC_LONG, f) % 2, f);
            case AD, BC, ad, bc -> bc = set(bc, in.search(ADBC, f) % 2, f);
            case MONTH, Month, month -> mm = set(mm, in.search(DateTimeToChar.MONTHS, f) + 1, f);
            case MON, Mon, mon -> mm = set(mm, in.search(MONTHS_SHORT, f) + 1, f);
            case MM -> {
                mm = set(mm, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case DAY, Day, day -> d = set(d, in.search(DateTimeToChar.DAYS, f), f) + 1;
            case DY, Dy, dy -> d = set(d, in.search(DAYS_SHORT, f), f) + 1;
            case DDD -> {
                ddd = set(ddd, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case IDDD -> {
                ddd = set(ddd, in.parseInt(3, f, index), f);
                in.skipTh(f);
            }
            case DD -> {
                dd = set(dd, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case D -> {
                d = set(d, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case ID -> {
                d = set(d, in.parseInt(1, f, index), f) + 1;
                if (d > 7) {
                    d = 1;
                }
                in.skipTh(f);
            }
            case WW, IW -> {
                ww = set(ww, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case Q -> {
                in.parseInt(f, index);
                in.skipTh(f);
            }
            case CC -> {
                cc = set(cc, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case Y_YYY -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*([+-]?\\d+),(\\d{3})")
                        .matcher(input).region(in.pos, input.length());
                if (!m.lookingAt()) {
                    throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input string for \"Y,YYY\"");
                }
                year = set(year, Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)), f);
                yysz = 4;
                in.pos = m.end();
                in.skipTh(f);
            }
            case YYYY, IYYY -> {
                year = set(year, in.parseInt(f, index), f);
                yysz = 4;
                in.skipTh(f);
            }
            case YYY, IYY, YY, IY, Y, I -> {
                int start = in.pos;
                int value = in.parseInt(f, index);
                int len = in.pos - start - in.leadingSpaces(start);
                year = set(year, len < 4 ? adjustPartialYear(value) : value, f);
                Id id = f.key().action;
                yysz = id == Id.YYY || id == Id.IYY ? 3 : id == Id.YY || id == Id.IY ? 2 : 1;
                in.skipTh(f);
            }
            case RM, rm -> mm = set(mm, 12 - in.search(ROMAN_LOWER, f), f);
            case W -> {
                w = set(w, in.parseInt(f, index), f);
                in.skipTh(f);
            }
            case J -> {
                j = set(j, in.parseInt(f, index), f);
                in.skipTh(f);
            }
        }
    }

    private static int adjustPartialYear(int year) {
        if (year < 70) {
            return year + 2000;
        }
        if (year < 100) {
            return year + 1900;
        }
        if (year < 520) {
            return year + 2000;
        }
        if (year < 1000) {
            return year + 1000;
        }
        return year;
    }

    private static int set(int current, int value, Field f) {
        if (current != 0 && current != value) {
            throw PgException.of(SqlState.INVALID_DATETIME_FORMAT,
                    "conflicting values for \"%s\" field in formatting string", f.key().pattern)
                    .withDetail("This value contradicts a previous setting for the same field type.");
        }
        return value;
    }

    private PgException fieldOverflow() {
        return PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"%s\"", input);
    }

    /** do_to_timestamp's second half: the fields combined into a date and a time. */
    private Result combine() {
        int tmYear = 0;
        int tmMon = 1;
        int tmMday = 1;
        int tmHour = 0;
        int tmMin = 0;
        int tmSec = 0;
        boolean hasYear = false;
        boolean hasMonth = false;
        boolean hasDay = false;
        if (ssss != 0) {
            tmHour = ssss / 3600;
            tmMin = ssss % 3600 / 60;
            tmSec = ssss % 60;
        }
        if (ss != 0) {
            tmSec = ss;
        }
        if (mi != 0) {
            tmMin = mi;
        }
        if (hh != 0) {
            tmHour = hh;
        }
        if (clock12 != 0) {
            if (tmHour < 1 || tmHour > 12) {
                throw PgException.of(SqlState.INVALID_DATETIME_FORMAT, "hour \"%d\" is invalid for the 12-hour clock",
                        tmHour).withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            if (pm != 0 && tmHour < 12) {
                tmHour += 12;
            } else if (pm == 0 && tmHour == 12) {
                tmHour = 0;
            }
        }
        if (year != 0) {
            if (cc != 0 && yysz <= 2) {
                if (bc != 0) {
                    cc = -cc;
                }
                tmYear = year % 100;
                if (tmYear != 0) {
                    tmYear = cc >= 0 ? tmYear + (cc - 1) * 100 : (cc + 1) * 100 - tmYear + 1;
                } else {
                    tmYear = cc * 100 + (cc >= 0 ? 0 : 1);
                }
            } else {
                tmYear = year;
                if (bc != 0) {
                    tmYear = -tmYear;
                }
                if (tmYear < 0) {
                    tmYear++;
                }
            }
            hasYear = true;
        } else if (cc != 0) {
            if (bc != 0) {
                cc = -cc;
            }
            tmYear = cc >= 0 ? (cc - 1) * 100 + 1 : cc * 100 + 1;
            hasYear = true;
        }
        if (j != 0) {
            int[] ymd = DateJulianCalendar.j2date(j);
            tmYear = ymd[0];
            tmMon = ymd[1];
            tmMday = ymd[2];
            hasYear = hasMonth = hasDay = true;
        }
        if (ww != 0) {
            if (mode == Mode.ISOWEEK) {
                int jday = DateJulianCalendar.isoWeekToJulian(tmYear, ww);
                if (d != 0) {
                    jday += d > 1 ? d - 2 : 6;
                }
                int[] ymd = DateJulianCalendar.j2date(jday);
                tmYear = ymd[0];
                tmMon = ymd[1];
                tmMday = ymd[2];
                hasYear = hasMonth = hasDay = true;
            } else {
                ddd = (ww - 1) * 7 + 1;
            }
        }
        if (w != 0) {
            dd = (w - 1) * 7 + 1;
        }
        if (dd != 0) {
            tmMday = dd;
            hasDay = true;
        }
        if (mm != 0) {
            tmMon = mm;
            hasMonth = true;
        }
        if (ddd != 0 && (tmMon <= 1 || tmMday <= 1)) {
            if (tmYear == 0 && bc == 0) {
                throw PgException.of(SqlState.INVALID_DATETIME_FORMAT,
                        "cannot calculate day of year without year information");
            }
            if (mode == Mode.ISOWEEK) {
                int j0 = DateJulianCalendar.isoWeekToJulian(tmYear, 1) - 1;
                int[] ymd = DateJulianCalendar.j2date(j0 + ddd);
                tmYear = ymd[0];
                tmMon = ymd[1];
                tmMday = ymd[2];
                hasYear = hasMonth = hasDay = true;
            } else {
                int month = 1;
                int before = 0;
                while (month <= 12) {
                    int through = before + DateJulianCalendar.daysInMonth(tmYear, month);
                    if (ddd <= through) {
                        break;
                    }
                    before = through;
                    month++;
                }
                if (month > 12) {
                    before = DateJulianCalendar.isLeap(tmYear) ? 366 : 365;
                }
                if (tmMon <= 1) {
                    tmMon = month;
                }
                if (tmMday <= 1) {
                    tmMday = ddd - before;
                }
                hasMonth = hasDay = true;
            }
        }
        int fsec = ms * 1000 + us;
        if (hasMonth && (tmMon < 1 || tmMon > 12)) {
            throw fieldOverflow();
        }
        if (hasDay && (tmMday < 1 || tmMday > 31)) {
            throw fieldOverflow();
        }
        if (hasYear && hasMonth && hasDay && tmMday > DateJulianCalendar.daysInMonth(tmYear, tmMon)) {
            throw fieldOverflow();
        }
        if (tmHour < 0 || tmHour >= 24 || tmMin < 0 || tmMin >= 60 || tmSec < 0 || tmSec >= 60 || fsec < 0
                || fsec >= 1_000_000) {
            throw fieldOverflow();
        }
        Integer tzWest = null;
        if (tzsign != 0) {
            tzWest = -(tzsign * (tzh * 3600 + tzm * 60));
        }
        return new Result(tmYear, tmMon, tmMday, tmHour, tmMin, tmSec, fsec, ff, tzWest);
    }
}
