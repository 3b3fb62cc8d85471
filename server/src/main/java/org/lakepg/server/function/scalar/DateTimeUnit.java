package org.lakepg.server.function.scalar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The field names extract / date_part / date_trunc accept, decoded as PostgreSQL's DecodeUnits
 * (deltatktbl, matched on the first 10 characters) and DecodeSpecial (datetktbl) do.
 */
public enum DateTimeUnit {
    MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY,
    MILLENNIUM, TIMEZONE, TIMEZONE_HOUR, TIMEZONE_MINUTE, DOW, ISODOW, DOY, JULIAN, ISOYEAR, EPOCH,
    /** A reserved word that is not a unit (now, today, infinity ...): "not supported". */
    OTHER_RESERVED;

    private static final int TOKMAXLEN = 10;
    private static final Map<String, DateTimeUnit> DELTA_UNITS = new HashMap<>();
    private static final Map<String, DateTimeUnit> SPECIAL_UNITS = new HashMap<>();

    static {
        String[][] delta = {
                {"c", "CENTURY"}, {"cent", "CENTURY"}, {"centuries", "CENTURY"}, {"century", "CENTURY"},
                {"d", "DAY"}, {"day", "DAY"}, {"days", "DAY"}, {"dec", "DECADE"}, {"decade", "DECADE"},
                {"decades", "DECADE"}, {"decs", "DECADE"}, {"h", "HOUR"}, {"hour", "HOUR"}, {"hours", "HOUR"},
                {"hr", "HOUR"}, {"hrs", "HOUR"}, {"m", "MINUTE"}, {"microsecon", "MICROSECONDS"},
                {"mil", "MILLENNIUM"}, {"millennia", "MILLENNIUM"}, {"millennium", "MILLENNIUM"},
                {"millisecon", "MILLISECONDS"}, {"mils", "MILLENNIUM"}, {"min", "MINUTE"}, {"mins", "MINUTE"},
                {"minute", "MINUTE"}, {"minutes", "MINUTE"}, {"mon", "MONTH"}, {"mons", "MONTH"},
                {"month", "MONTH"}, {"months", "MONTH"}, {"ms", "MILLISECONDS"}, {"msec", "MILLISECONDS"},
                {"msecond", "MILLISECONDS"}, {"mseconds", "MILLISECONDS"}, {"msecs", "MILLISECONDS"},
                {"qtr", "QUARTER"}, {"quarter", "QUARTER"}, {"s", "SECOND"}, {"sec", "SECOND"},
                {"second", "SECOND"}, {"seconds", "SECOND"}, {"secs", "SECOND"}, {"timezone", "TIMEZONE"},
                {"timezone_h", "TIMEZONE_HOUR"}, {"timezone_m", "TIMEZONE_MINUTE"}, {"us", "MICROSECONDS"},
                {"usec", "MICROSECONDS"}, {"usecond", "MICROSECONDS"}, {"useconds", "MICROSECONDS"},
                {"usecs", "MICROSECONDS"}, {"w", "WEEK"}, {"week", "WEEK"}, {"weeks", "WEEK"}, {"y", "YEAR"},
                {"year", "YEAR"}, {"years", "YEAR"}, {"yr", "YEAR"}, {"yrs", "YEAR"},
        };
        for (String[] row : delta) {
            DELTA_UNITS.put(row[0], valueOf(row[1]));
        }
        String[][] special = {
                {"d", "DAY"}, {"dow", "DOW"}, {"doy", "DOY"}, {"epoch", "EPOCH"}, {"h", "HOUR"},
                {"isodow", "ISODOW"}, {"isoyear", "ISOYEAR"}, {"j", "JULIAN"}, {"jd", "JULIAN"},
                {"julian", "JULIAN"}, {"m", "MONTH"}, {"mm", "MINUTE"}, {"s", "SECOND"}, {"y", "YEAR"},
                {"-infinity", "OTHER_RESERVED"}, {"infinity", "OTHER_RESERVED"}, {"now", "OTHER_RESERVED"},
                {"today", "OTHER_RESERVED"}, {"tomorrow", "OTHER_RESERVED"}, {"yesterday", "OTHER_RESERVED"},
                {"allballs", "OTHER_RESERVED"},
        };
        for (String[] row : special) {
            SPECIAL_UNITS.put(row[0], valueOf(row[1]));
        }
    }

    /** The lower-cased name PostgreSQL shows in its messages. */
    public static String lower(String units) {
        return units.toLowerCase(Locale.ROOT);
    }

    private static String truncated(String lower) {
        return lower.length() > TOKMAXLEN ? lower.substring(0, TOKMAXLEN) : lower;
    }

    /** DecodeUnits then DecodeSpecial (extract/date_part); null when the word is no known field. */
    public static DateTimeUnit decode(String units) {
        String key = truncated(lower(units));
        DateTimeUnit unit = DELTA_UNITS.get(key);
        return unit != null ? unit : SPECIAL_UNITS.get(key);
    }

    /** DecodeUnits only (date_trunc). */
    public static DateTimeUnit decodeDelta(String units) {
        return DELTA_UNITS.get(truncated(lower(units)));
    }

    public static PgException notSupported(String units, String typeName) {
        return PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "unit \"%s\" not supported for type %s",
                lower(units), typeName);
    }

    public static PgException notRecognized(String units, String typeName) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "unit \"%s\" not recognized for type %s",
                lower(units), typeName);
    }
}
