package org.lakepg.wire.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.lakepg.wire.types.FormatSettings.DateOrder;
import org.lakepg.wire.types.FormatSettings.DateOutputStyle;

/** PostgreSQL's EncodeDateOnly/EncodeTimeOnly/EncodeDateTime for the four DateStyles. */
final class DateTimeText {

    private static final String[] MONTH_ABBREVIATIONS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec"};
    private static final String[] DAY_ABBREVIATIONS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private DateTimeText() {
    }

    static String formatDate(int pgDate, FormatSettings settings) {
        if (pgDate == PgDateTime.DATE_POSITIVE_INFINITY) {
            return "infinity";
        }
        if (pgDate == PgDateTime.DATE_NEGATIVE_INFINITY) {
            return "-infinity";
        }
        LocalDate date = PgDateTime.toLocalDate(pgDate);
        StringBuilder out = new StringBuilder(16);
        appendDate(out, date, settings);
        appendEra(out, date);
        return out.toString();
    }

    private static void appendDate(StringBuilder out, LocalDate date, FormatSettings settings) {
        String year = pad(displayYear(date), 4);
        String month = pad(date.getMonthValue(), 2);
        String day = pad(date.getDayOfMonth(), 2);
        boolean dmy = settings.dateOrder() == DateOrder.DMY;
        switch (settings.dateOutputStyle()) {
            case ISO -> out.append(year).append('-').append(month).append('-').append(day);
            case SQL -> out.append(dmy ? day : month).append('/').append(dmy ? month : day).append('/').append(year);
            case GERMAN -> out.append(day).append('.').append(month).append('.').append(year);
            case POSTGRES -> out.append(dmy ? day : month).append('-').append(dmy ? month : day).append('-')
                    .append(year);
        }
    }

    private static int displayYear(LocalDate date) {
        return date.getYear() > 0 ? date.getYear() : 1 - date.getYear();
    }

    private static void appendEra(StringBuilder out, LocalDate date) {
        if (date.getYear() <= 0) {
            out.append(" BC");
        }
    }

    static String formatTime(long micros) {
        StringBuilder out = new StringBuilder(15);
        appendTime(out, micros);
        return out.toString();
    }

    static String formatTimeTz(PgTimeTz value) {
        StringBuilder out = new StringBuilder(24);
        appendTime(out, value.micros());
        return out.append(formatOffset(value.offsetSeconds())).toString();
    }

    /** HH:MM:SS with the fraction's trailing zeros dropped; hours may reach 24. */
    static void appendTime(StringBuilder out, long micros) {
        long seconds = micros / PgDateTime.MICROS_PER_SECOND;
        out.append(pad((int) (seconds / 3600), 2)).append(':').append(pad((int) (seconds / 60 % 60), 2)).append(':');
        appendSeconds(out, (int) (seconds % 60), micros % PgDateTime.MICROS_PER_SECOND);
    }

    /** Seconds as two digits plus a trimmed fraction, like PostgreSQL's AppendSeconds. */
    static void appendSeconds(StringBuilder out, int seconds, long fractionMicros) {
        out.append(pad(seconds, 2));
        appendFraction(out, fractionMicros);
    }

    static void appendFraction(StringBuilder out, long fractionMicros) {
        if (fractionMicros == 0) {
            return;
        }
        String digits = pad((int) fractionMicros, 6);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(digits, 0, end);
    }

    /** +HH, +HH:MM or +HH:MM:SS for an offset east of UTC. */
    static String formatOffset(int secondsEast) {
        int abs = Math.abs(secondsEast);
        StringBuilder out = new StringBuilder(9).append(secondsEast < 0 ? '-' : '+').append(pad(abs / 3600, 2));
        if (abs % 3600 != 0) {
            out.append(':').append(pad(abs / 60 % 60, 2));
            if (abs % 60 != 0) {
                out.append(':').append(pad(abs % 60, 2));
            }
        }
        return out.toString();
    }

    static String formatTimestamp(long pgTimestamp, FormatSettings settings) {
        return formatTimestamp(pgTimestamp, settings, null);
    }

    /** A timestamp; with a zone the value is UTC and is shown in that zone with its offset or abbreviation. */
    static String formatTimestamp(long pgTimestamp, FormatSettings settings, ZoneId zone) {
        if (pgTimestamp == PgDateTime.TIMESTAMP_POSITIVE_INFINITY) {
            return "infinity";
        }
        if (pgTimestamp == PgDateTime.TIMESTAMP_NEGATIVE_INFINITY) {
            return "-infinity";
        }
        LocalDateTime local = PgDateTime.toLocalDateTime(pgTimestamp);
        int offset = 0;
        java.time.Instant instant = null;
        if (zone != null) {
            instant = local.toInstant(ZoneOffset.UTC);
            offset = zone.getRules().getOffset(instant).getTotalSeconds();
            local = local.plusSeconds(offset);
        }
        LocalDate date = local.toLocalDate();
        long timeMicros = local.toLocalTime().toNanoOfDay() / 1000;
        StringBuilder out = new StringBuilder(32);
        DateOutputStyle style = settings.dateOutputStyle();
        if (style == DateOutputStyle.POSTGRES) {
            boolean dmy = settings.dateOrder() == DateOrder.DMY;
            String month = MONTH_ABBREVIATIONS[date.getMonthValue() - 1];
            String day = pad(date.getDayOfMonth(), 2);
            out.append(DAY_ABBREVIATIONS[date.getDayOfWeek().getValue() - 1]).append(' ')
                    .append(dmy ? day : month).append(' ').append(dmy ? month : day).append(' ');
            appendTime(out, timeMicros);
            out.append(' ').append(pad(displayYear(date), 4));
        } else {
            appendDate(out, date, settings);
            out.append(' ');
            appendTime(out, timeMicros);
        }
        if (zone != null) {
            if (style == DateOutputStyle.ISO) {
                out.append(formatOffset(offset));
            } else {
                out.append(' ').append(TimeZones.abbreviationAt(zone, instant));
            }
        }
        appendEra(out, date);
        return out.toString();
    }

    static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
