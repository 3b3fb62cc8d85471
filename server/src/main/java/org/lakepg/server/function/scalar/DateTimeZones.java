package org.lakepg.server.function.scalar;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Resolves the zone argument of timezone() / AT TIME ZONE / date_trunc(..., zone) the way
 * PostgreSQL 15 does: first as an abbreviation of the "Default" timezone_abbreviations set
 * (fixed offsets), then as a tz database name (case-insensitive), then as a POSIX zone spec,
 * whose offsets count hours WEST of Greenwich ({@code 'UTC+2'} and {@code '+02'} are two hours
 * behind UTC).
 */
public final class DateTimeZones {
    private DateTimeZones() {}

    private static final Map<String, Integer> ABBREVIATIONS = new HashMap<>();
    private static final Map<String, ZoneId> ZONES = new HashMap<>();
    /** std name (letters or <...>) then [+-]hh[:mm[:ss]], nothing after (no DST rules). */
    private static final Pattern POSIX = Pattern.compile(
            "(?:[A-Za-z]{3,}|<[^>]*>)?([+-]?)(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");

    static {
        Object[][] table = {
                {"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0}, {"zulu", 0}, {"wet", 0}, {"west", 3600},
                {"bst", 3600}, {"cet", 3600}, {"cest", 7200}, {"met", 3600}, {"mest", 7200}, {"mez", 3600},
                {"mesz", 7200}, {"eet", 7200}, {"eest", 10800}, {"msk", 10800}, {"est", -18000}, {"edt", -14400},
                {"cst", -21600}, {"cdt", -18000}, {"mst", -25200}, {"mdt", -21600}, {"pst", -28800},
                {"pdt", -25200}, {"akst", -32400}, {"akdt", -28800}, {"hst", -36000}, {"ast", -14400},
                {"adt", -10800}, {"nst", -12600}, {"ndt", -9000}, {"ist", 7200}, {"jst", 32400},
                {"kst", 32400}, {"aest", 36000}, {"aedt", 39600}, {"acst", 34200}, {"acdt", 37800},
                {"awst", 28800}, {"nzst", 43200}, {"nzdt", 46800}, {"sgt", 28800}, {"hkt", 28800},
                {"wib", 25200}, {"pht", 28800}, {"sast", 7200}, {"cat", 7200}, {"eat", 10800},
                {"wat", 3600}, {"brt", -10800}, {"art", -10800}, {"clt", -14400}, {"idt", 10800},
        };
        for (Object[] row : table) {
            ABBREVIATIONS.put((String) row[0], (Integer) row[1]);
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
        }
    }

    /** The zone a name denotes, or 22023 "time zone ... not recognized". */
    public static ZoneId resolve(String name) {
        ZoneId zone = find(name);
        if (zone == null) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized", name);
        }
        return zone;
    }

    static ZoneId find(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Integer abbreviation = ABBREVIATIONS.get(lower);
        if (abbreviation != null) {
            return ZoneOffset.ofTotalSeconds(abbreviation);
        }
        ZoneId zone = ZONES.get(lower);
        if (zone != null) {
            return zone;
        }
        Matcher m = POSIX.matcher(name);
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(2)) * 3600
                    + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60)
                    + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            int east = m.group(1).equals("-") ? seconds : -seconds;
            if (Math.abs(east) <= 18 * 3600) {
                return ZoneOffset.ofTotalSeconds(east);
            }
        }
        return null;
    }
}
