package org.lakepg.wire.types;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zone names and abbreviations as date/time input knows them: the abbreviations of
 * PostgreSQL's "Default" timezone_abbreviations set that are in common use (fixed offsets),
 * and the tz database names, matched case-insensitively. Zone rules come from java.time's
 * tz database, which may lag or lead the one PostgreSQL was built with.
 */
final class TimeZones {

    private static final Map<String, Integer> ABBREVIATIONS = new HashMap<>();
    private static final Map<String, ZoneId> ZONES = new HashMap<>();
    private static final DateTimeFormatter ABBREVIATION_FORMAT = DateTimeFormatter.ofPattern("zzz", Locale.US);

    static {
        Object[][] table = {
                {"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0}, {"zulu", 0}, {"wet", 0}, {"west", 3600},
                {"bst", 3600}, {"cet", 3600}, {"cest", 7200}, {"met", 3600}, {"mest", 7200}, {"eet", 7200},
                {"eest", 10800}, {"msk", 10800}, {"est", -18000}, {"edt", -14400}, {"cst", -21600},
                {"cdt", -18000}, {"mst", -25200}, {"mdt", -21600}, {"pst", -28800}, {"pdt", -25200},
                {"akst", -32400}, {"akdt", -28800}, {"hst", -36000}, {"ast", -14400}, {"adt", -10800},
                {"nst", -12600}, {"ndt", -9000}, {"ist", 7200}, {"jst", 32400}, {"kst", 32400},
                {"aest", 36000}, {"aedt", 39600}, {"acst", 34200}, {"acdt", 37800}, {"awst", 28800},
                {"nzst", 43200}, {"nzdt", 46800}, {"sgt", 28800}, {"hkt", 28800},
        };
        for (Object[] row : table) {
            ABBREVIATIONS.put((String) row[0], (Integer) row[1]);
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
        }
        ZONES.put("utc", ZoneOffset.UTC);
    }

    private TimeZones() {
    }

    /** Offset in seconds east of UTC of a fixed abbreviation, or null. */
    static Integer abbreviation(String lowerCaseWord) {
        return ABBREVIATIONS.get(lowerCaseWord);
    }

    /** A tz database zone by case-insensitive name, or null. */
    static ZoneId zone(String name) {
        return ZONES.get(name.toLowerCase(Locale.ROOT));
    }

    /** What SQL/Postgres/German DateStyles print after a timestamptz: the zone's abbreviation at that instant. */
    static String abbreviationAt(ZoneId zone, Instant instant) {
        if (zone instanceof ZoneOffset offset) {
            return DateTimeText.formatOffset(offset.getTotalSeconds());
        }
        String fromTzdb = TzdbAbbreviations.at(zone, instant);
        if (fromTzdb != null) {
            return fromTzdb;
        }
        String abbreviation = ABBREVIATION_FORMAT.format(instant.atZone(zone));
        if (abbreviation.startsWith("GMT") && abbreviation.length() > 3) {
            // java.time spells unnamed offsets "GMT+03:00"; the tz database (and PostgreSQL) say "+03"
            return DateTimeText.formatOffset(zone.getRules().getOffset(instant).getTotalSeconds());
        }
        return abbreviation;
    }
}
