package org.lakepg.server.session;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TimeZone: a tz database name, matched case-insensitively and shown with its canonical case
 * (PostgreSQL's own tz database and java.time's are both IANA's), or a numeric UTC offset, shown
 * the way PostgreSQL shows it: {@code +05} becomes the POSIX name {@code <+05>-05}.
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
        ZoneOffset offset = parseOffset(v);
        if (offset != null) {
            return posixName(offset);
        }
        throw SettingValues.invalid("TimeZone", value);
    }

    /** The zone a canonical TimeZone value denotes. */
    static ZoneId zoneOf(String canonical) {
        if (canonical.startsWith("<")) {
            return ZoneOffset.of(canonical.substring(1, canonical.indexOf('>')));
        }
        return ZoneId.of(canonical);
    }

    /** A numeric offset east of UTC in ISO style: [+-]H[H][:MM], or a number of hours like -7 or 5.5. */
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
