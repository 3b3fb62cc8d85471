package org.lakepg.wire.types;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zone abbreviations ("CET", "EEST", "+0545", "LMT") read from the system's tz database files
 * (TZif, RFC 8536) — the same files PostgreSQL built with --with-system-tzdata uses. java.time
 * has offsets but only CLDR display names, which differ ("NPT" for "+0545"), hence this reader.
 */
final class TzdbAbbreviations {

    private static final Path ZONEINFO = Path.of("/usr/share/zoneinfo");
    private static final ConcurrentHashMap<String, Optional<Table>> TABLES = new ConcurrentHashMap<>();

    /** One zone's transitions and the abbreviations of its local time types. */
    private record Table(long[] transitions, int[] typeOfTransition, String[] abbreviations, int[] offsets,
                         int defaultType, String footerStandard, String footerDaylight) {
    }

    private TzdbAbbreviations() {
    }

    /** The abbreviation in effect at an instant, or null if the zone has no readable TZif file. */
    static String at(ZoneId zone, Instant instant) {
        Table table = TABLES.computeIfAbsent(zone.getId(), TzdbAbbreviations::load).orElse(null);
        if (table == null) {
            return null;
        }
        long second = instant.getEpochSecond();
        long[] times = table.transitions;
        if (times.length == 0 || second >= times[times.length - 1]) {
            if (table.footerStandard != null) {
                boolean daylight = zone.getRules().isDaylightSavings(instant);
                return daylight && table.footerDaylight != null ? table.footerDaylight : table.footerStandard;
            }
            return times.length == 0 ? table.abbreviations[table.defaultType]
                    : table.abbreviations[table.typeOfTransition[times.length - 1]];
        }
        if (second < times[0]) {
            return table.abbreviations[table.defaultType];
        }
        int index = Arrays.binarySearch(times, second);
        int transition = index >= 0 ? index : -index - 2;
        return table.abbreviations[table.typeOfTransition[transition]];
    }

    /**
     * The offset (seconds east) a zone's abbreviation stands for around a time, as PostgreSQL
     * interprets dynamic abbreviations like MSK: the meaning it had at the latest transition
     * at or before the time, else at the first one after; null if the zone never used it.
     */
    static Integer offsetOf(ZoneId zone, String abbreviation, long epochSecond) {
        Table table = TABLES.computeIfAbsent(zone.getId(), TzdbAbbreviations::load).orElse(null);
        if (table == null) {
            return null;
        }
        Integer before = null;
        Integer after = null;
        if (table.abbreviations[table.defaultType].equalsIgnoreCase(abbreviation)) {
            before = table.offsets[table.defaultType];
        }
        for (int i = 0; i < table.transitions.length; i++) {
            int type = table.typeOfTransition[i];
            if (table.abbreviations[type].equalsIgnoreCase(abbreviation)) {
                if (table.transitions[i] <= epochSecond) {
                    before = table.offsets[type];
                } else if (after == null) {
                    after = table.offsets[type];
                }
            }
        }
        return before != null ? before : after;
    }

    private static Optional<Table> load(String zoneId) {
        Path file = ZONEINFO.resolve(zoneId).normalize();
        if (!file.startsWith(ZONEINFO) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(ByteBuffer.wrap(Files.readAllBytes(file))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or unexpected file: fall back to java.time's names
        }
    }

    private static Table parse(ByteBuffer in) {
        int[] counts = header(in);
        if (counts == null) {
            return null;
        }
        int version = in.get(4);
        if (version >= '2') {
            // skip the 32-bit block, use the 64-bit one that follows
            in.position(in.position() + counts[3] * 5 + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1]
                    + counts[0]);
            counts = header(in);
            if (counts == null) {
                return null;
            }
        }
        int timeSize = version >= '2' ? 8 : 4;
        int timeCount = counts[3];
        int typeCount = counts[4];
        long[] transitions = new long[timeCount];
        for (int i = 0; i < timeCount; i++) {
            transitions[i] = timeSize == 8 ? in.getLong() : in.getInt();
        }
        int[] typeOfTransition = new int[timeCount];
        for (int i = 0; i < timeCount; i++) {
            typeOfTransition[i] = in.get() & 0xFF;
        }
        int[] abbreviationIndex = new int[typeCount];
        int[] offsets = new int[typeCount];
        for (int i = 0; i < typeCount; i++) {
            offsets[i] = in.getInt();
            in.get(); // isdst
            abbreviationIndex[i] = in.get() & 0xFF;
        }
        byte[] chars = new byte[counts[5]];
        in.get(chars);
        String[] abbreviations = new String[typeCount];
        for (int i = 0; i < typeCount; i++) {
            int end = abbreviationIndex[i];
            while (end < chars.length && chars[end] != 0) {
                end++;
            }
            abbreviations[i] = new String(chars, abbreviationIndex[i], end - abbreviationIndex[i],
                    StandardCharsets.US_ASCII);
        }
        String footerStandard = null;
        String footerDaylight = null;
        if (version >= '2') {
            in.position(in.position() + counts[2] * 12 + counts[1] + counts[0]);
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            String footer = new String(rest, StandardCharsets.US_ASCII).trim();
            String[] names = posixNames(footer);
            footerStandard = names[0];
            footerDaylight = names[1];
        }
        return new Table(transitions, typeOfTransition, abbreviations, offsets, 0, footerStandard, footerDaylight);
    }

    /** The six counts after a "TZif" header, position left at the data; null if not TZif. */
    private static int[] header(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < 44 || in.get(start) != 'T' || in.get(start + 1) != 'Z' || in.get(start + 2) != 'i'
                || in.get(start + 3) != 'f') {
            return null;
        }
        in.position(start + 20);
        int[] counts = new int[6]; // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        for (int i = 0; i < 6; i++) {
            counts[i] = in.getInt();
        }
        return counts;
    }

    /** Standard and daylight names of a POSIX TZ string like "CET-1CEST,M3.5.0,M10.5.0/3" or "<+0545>-5:45". */
    private static String[] posixNames(String tz) {
        String[] names = new String[2];
        int[] pos = {0};
        names[0] = posixName(tz, pos);
        while (pos[0] < tz.length() && "+-0123456789:".indexOf(tz.charAt(pos[0])) >= 0) {
            pos[0]++;
        }
        if (pos[0] < tz.length() && tz.charAt(pos[0]) != ',') {
            names[1] = posixName(tz, pos);
        }
        return names;
    }

    private static String posixName(String tz, int[] pos) {
        int start = pos[0];
        if (start < tz.length() && tz.charAt(start) == '<') {
            int end = tz.indexOf('>', start);
            if (end < 0) {
                return null;
            }
            pos[0] = end + 1;
            return tz.substring(start + 1, end);
        }
        int end = start;
        while (end < tz.length() && Character.isLetter(tz.charAt(end))) {
            end++;
        }
        pos[0] = end;
        return end > start ? tz.substring(start, end) : null;
    }
}
