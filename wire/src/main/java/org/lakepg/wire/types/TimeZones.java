package org.lakepg.wire.types;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zone names and abbreviations as date/time input knows them: PostgreSQL's "Default"
 * timezone_abbreviations set and the tz database names, matched case-insensitively. Zone
 * rules come from java.time's tz database, which may lag or lead the one PostgreSQL uses.
 */
final class TimeZones {

    private static final Map<String, ZoneId> ZONES = new HashMap<>();
    private static final DateTimeFormatter ABBREVIATION_FORMAT = DateTimeFormatter.ofPattern("zzz", Locale.US);

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZONES.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
        }
        ZONES.put("utc", ZoneOffset.UTC);
    }

    private TimeZones() {
    }

    /** What an input abbreviation (lower case) means, or null if it is none. */
    static TimeZoneAbbreviations.Meaning abbreviation(String lowerCaseWord) {
        return TimeZoneAbbreviations.of(lowerCaseWord);
    }

    /** A tz database zone by case-insensitive name, or null. */
    static ZoneId zone(String name) {
        ZoneId named = ZONES.get(name.toLowerCase(Locale.ROOT));
        return named != null ? named : posixOffset(name);
    }

    private static final java.util.regex.Pattern POSIX =
            java.util.regex.Pattern.compile("[A-Za-z]{3,}([+-]?)(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");

    /** A POSIX zone without DST rules ("gmt+8", "mst+7:00"): the offset counts hours WEST of Greenwich. */
    private static ZoneId posixOffset(String name) {
        java.util.regex.Matcher m = POSIX.matcher(name);
        if (!m.matches()) {
            return null;
        }
        int seconds = Integer.parseInt(m.group(2)) * 3600 + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60)
                + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
        int east = m.group(1).equals("-") ? seconds : -seconds;
        return Math.abs(east) <= 18 * 3600 ? ZoneOffset.ofTotalSeconds(east) : null;
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
