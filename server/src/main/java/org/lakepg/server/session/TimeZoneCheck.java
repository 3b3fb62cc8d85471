package org.lakepg.server.session;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TimeZone: a tz database name, matched case-insensitively and shown with its canonical case
 * (PostgreSQL's own tz database and java.time's are both IANA's); a plain number of hours east of
 * UTC, shown the way PostgreSQL shows it ({@code 5.5} becomes {@code <+05:30>-05:30}); or a POSIX
 * zone spec such as {@code +05:30} or {@code UTC+3}, where, as in POSIX, a positive offset is WEST
 * of Greenwich, kept as written.
 */
final class TimeZoneCheck implements SettingDefinition.Check {
    private static final Map<String, String> CANONICAL_NAMES = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            CANONICAL_NAMES.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    @Override
    public String canonical(String current, String value) {
        String v = value.trim();
        String name = CANONICAL_NAMES.get(v.toLowerCase(Locale.ROOT));
        if (name != null) {
            return name;
        }
        if (v.matches("[+-]?\\d+(\\.\\d+)?")) {
            ZoneOffset offset = parseOffset(v);
            if (offset != null) {
                return posixName(offset);
            }
        }
        if (posixOffset(v) != null) {
            return v;
        }
        throw SettingValues.invalid("TimeZone", value);
    }

    private static final java.util.regex.Pattern POSIX =
            java.util.regex.Pattern.compile("([A-Za-z]{3,})?([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

    /** A POSIX spec without DST rules, e.g. "+05:30" or "UTC+3": the offset it means (positive = west). */
    private static ZoneOffset posixOffset(String v) {
        var m = POSIX.matcher(v);
        if (!m.matches()) {
            return null;
        }
        int seconds = Integer.parseInt(m.group(3)) * 3600
                + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)) * 60)
                + (m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
        int west = "-".equals(m.group(2)) ? -seconds : seconds;
        try {
            return ZoneOffset.ofTotalSeconds(-west);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The zone a canonical TimeZone value denotes. */
    static ZoneId zoneOf(String canonical) {
        if (canonical.startsWith("<")) {
            return ZoneOffset.of(canonical.substring(1, canonical.indexOf('>')));
        }
        ZoneOffset posix = posixOffset(canonical);
        if (posix != null) {
            return posix;
        }
        return ZoneId.of(canonical);
    }

    /** A number of hours east of UTC, like -7 or 5.5. */
    private static ZoneOffset parseOffset(String v) {
        try {
            if (v.matches("[+-]?\\d{1,2}(:\\d{2})?")) {
                String signed = v.startsWith("+") || v.startsWith("-") ? v : "+" + v;
                String[] parts = signed.substring(1).split(":");
                int hours = Integer.parseInt(parts[0]);
                int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                int seconds = (hours * 3600 + minutes * 60) * (signed.charAt(0) == '-' ? -1 : 1);
                return ZoneOffset.ofTotalSeconds(seconds);
            }
            double hours = Double.parseDouble(v);
            return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    static String posixName(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        String east = hhmm(total);
        String west = hhmm(-total);
        return "<" + east + ">" + west;
    }

    private static String hhmm(int seconds) {
        int abs = Math.abs(seconds);
        String s = (seconds < 0 ? "-" : "+") + String.format("%02d", abs / 3600);
        return abs % 3600 == 0 ? s : s + String.format(":%02d", (abs % 3600) / 60);
    }
}
