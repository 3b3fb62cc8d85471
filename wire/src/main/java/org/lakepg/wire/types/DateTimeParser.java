package org.lakepg.wire.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.DateTimeTokenizer.Token;

/**
 * Decodes date/time input the way PostgreSQL's DecodeDateTime/DecodeTimeOnly do for the
 * common spellings: ISO and DateStyle-ordered numeric dates, month names, ISO 8601 'T',
 * compact YYYYMMDD, Julian days, AM/PM, BC, zone offsets, abbreviations and tz names, and
 * the special words (infinity, epoch, now, today, allballs ...).
 */
final class DateTimeParser {

    /** Which input function is running: decides required fields and the wording of errors. */
    enum Target {
        DATE("date"), TIME("time"), TIMETZ("time with time zone"), TIMESTAMP("timestamp"),
        TIMESTAMPTZ("timestamp with time zone");

        final String sqlName;

        Target(String sqlName) {
            this.sqlName = sqlName;
        }

        boolean timeOnly() {
            return this == TIME || this == TIMETZ;
        }
    }

    enum Special { NONE, INFINITY, NEGATIVE_INFINITY, EPOCH, NOW, TODAY, TOMORROW, YESTERDAY }

    /**
     * The decoded fields. date is null when the input had none; offsetSeconds (east of UTC)
     * and zone are null when the input named no zone.
     */
    record Parsed(Special special, LocalDate date, long timeMicros, boolean hasTime, Integer offsetSeconds,
                  ZoneId zone) {
    }

    private static final String[] DAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday"};

    private final String input;
    private final Target target;
    private Special special = Special.NONE;
    private final DateFields date;
    private boolean hasTime;
    private int hour;
    private int minute;
    private int second;
    private long fractionMicros;
    private boolean bc;
    private int amPm; // 0 none, 1 am, 2 pm
    private Integer offsetSeconds;
    private ZoneId zone;
    private String dynamicAbbreviation;
    private ZoneId abbreviationZone;
    private boolean sawAnything;
    private String pendingUnit;

    private final FormatSettings settings;
    private int tokenCount;

    private DateTimeParser(String input, Target target, FormatSettings settings) {
        this.input = input;
        this.target = target;
        this.settings = settings;
        this.date = new DateFields(settings.dateOrder(), this::syntax, this::fieldOverflow);
    }

    static Parsed parse(String input, Target target, FormatSettings settings) {
        return new DateTimeParser(input, target, settings).run();
    }

    private static boolean isDayName(String word) {
        for (String day : DAYS) {
            if (day.equals(word) || word.length() == 3 && day.startsWith(word)
                    || word.equals("tues") || word.equals("wednes") || word.equals("thur") || word.equals("thurs")) {
                return true;
            }
        }
        return false;
    }

    private Parsed run() {
        List<Token> tokens = DateTimeTokenizer.tokenize(input);
        if (tokens == null || tokens.isEmpty()) {
            throw syntax();
        }
        tokenCount = tokens.size();
        for (Token token : tokens) {
            switch (token.kind()) {
                case DATE -> {
                    List<String> parts = token.parts();
                    if ((target.timeOnly() || date.complete()) && parts.size() == 2
                            && token.text().charAt(parts.get(0).length()) == '-'
                            && Character.isDigit(parts.get(0).charAt(0)) && Character.isDigit(parts.get(1).charAt(0))) {
                        // time input "235205-3": a concatenated time followed by a zone offset
                        numberField(parts.get(0));
                        offsetField("-" + parts.get(1));
                    } else {
                        if (hasTime) {
                            throw syntax(); // PostgreSQL wants the date before the time
                        }
                        date.dateToken(parts);
                    }
                }
                case TIME -> timeField(token.text());
                case NUMBER -> numberField(token.text());
                case OFFSET -> offsetField(token.text());
                case WORD -> wordField(token.text());
                case ZONE -> zoneField(token.text());
                case JULIAN -> julian(token.text());
            }
        }
        if (special != Special.NONE) {
            // epoch and infinity ignore a zone or time written with them ("epoch EST"); now takes neither
            long others = tokens.stream().filter(t -> !(t.kind() == DateTimeTokenizer.Kind.WORD
                    && (t.text().equals("bc") || t.text().equals("ad")))
                    && !(special != Special.NOW && (isZone(t) || t.kind() == DateTimeTokenizer.Kind.TIME))).count();
            if (others > 1) {
                throw syntax();
            }
            return new Parsed(special, null, 0, false, offsetSeconds, zone);
        }
        return finish();
    }

    private static boolean isZone(Token token) {
        return switch (token.kind()) {
            case ZONE, OFFSET -> true;
            case WORD -> TimeZones.abbreviation(token.text()) != null;
            default -> false;
        };
    }

    private Parsed finish() {
        if (pendingUnit != null) {
            throw syntax(); // a unit letter with no number after it
        }
        LocalDate resolved = date.resolve(bc);
        if (amPm != 0) {
            if (!hasTime || hour > 12 || hour < 0) {
                throw fieldOverflow();
            }
            if (amPm == 1 && hour == 12) {
                hour = 0;
            } else if (amPm == 2 && hour != 12) {
                hour += 12;
            }
        }
        long micros = 0;
        if (hasTime) {
            if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60
                    || hour == 24 && (minute > 0 || second > 0 || fractionMicros > 0)) {
                throw fieldOverflow();
            }
            micros = ((hour * 60L + minute) * 60 + second) * PgDateTime.MICROS_PER_SECOND + fractionMicros;
            if (target.timeOnly() && micros > PgDateTime.MICROS_PER_DAY) {
                throw fieldOverflow();
            }
        }
        if (target.timeOnly() ? !hasTime : resolved == null) {
            throw syntax();
        }
        if (target.timeOnly() && zone != null && resolved == null) {
            throw syntax(); // a tz database zone needs a date to know its offset
        }
        if (dynamicAbbreviation != null) {
            offsetSeconds = dynamicOffset(resolved, micros);
        }
        return new Parsed(Special.NONE, resolved, micros, hasTime, offsetSeconds, zone);
    }

    private int parseField(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw fieldOverflow();
        }
    }

    private void timeField(String text) {
        if (hasTime) {
            throw syntax();
        }
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw syntax();
        }
        hour = parseField(requireDigits(parts[0]));
        String last = parts[parts.length - 1];
        String fraction = null;
        int dot = last.indexOf('.');
        if (dot >= 0) {
            fraction = last.substring(dot + 1);
            last = last.substring(0, dot);
            if (fraction.indexOf('.') >= 0) {
                throw syntax();
            }
        }
        if (parts.length == 2) {
            if (fraction != null) {
                throw syntax();
            }
            minute = parseField(requireDigits(last));
        } else {
            minute = parseField(requireDigits(parts[1]));
            second = parseField(requireDigits(last));
            if (fraction != null) {
                fractionMicros = fractionToMicros(fraction);
            }
        }
        hasTime = true;
    }

    private String requireDigits(String s) {
        if (s.isEmpty()) {
            throw syntax();
        }
        return s;
    }

    /** ".1234567" rounds to the microsecond like PostgreSQL's rint(). */
    static long fractionToMicros(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        return new BigDecimal("0." + digits).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** J2452271 or J2452271.5: the day, and a fraction of it as the time. */
    private void julian(String text) {
        int dot = text.indexOf('.');
        date.julianDay(dot < 0 ? text : text.substring(0, dot));
        if (dot >= 0) {
            long micros = Math.round(Double.parseDouble("0" + text.substring(dot)) * PgDateTime.MICROS_PER_DAY);
            hour = (int) (micros / 3_600_000_000L);
            minute = (int) (micros / 60_000_000L % 60);
            second = (int) (micros / 1_000_000L % 60);
            fractionMicros = micros % 1_000_000L;
            hasTime = true;
        }
    }

    /** A number after a unit letter of ISO 8601's labelled form ("y2001m12d27h04mm05s06.789"). */
    private void labelledNumber(String unit, String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        if (dot >= 0 && !unit.equals("s")) {
            throw syntax();
        }
        switch (unit) {
            case "y", "d" -> date.labelled(unit.charAt(0), whole);
            case "m" -> {
                // a month and an hour already given: this "m" means minutes
                if (date.hasMonth() && hasTime) {
                    minute = parseField(whole);
                } else {
                    date.labelled('m', whole);
                }
            }
            case "h" -> {
                hour = parseField(whole);
                hasTime = true;
            }
            case "mm" -> minute = parseField(whole);
            default -> {
                second = parseField(whole);
                fractionMicros = dot < 0 ? 0 : fractionToMicros(text.substring(dot + 1));
            }
        }
    }

    private void numberField(String text) {
        if (pendingUnit != null) {
            String unit = pendingUnit;
            pendingUnit = null;
            labelledNumber(unit, text);
            return;
        }
        int dot = text.indexOf('.');
        if (dot == 6 && !hasTime && (target.timeOnly() && date.none() || date.complete())) {
            // hhmmss.fff
            hour = parseField(text.substring(0, 2));
            minute = parseField(text.substring(2, 4));
            second = parseField(text.substring(4, 6));
            fractionMicros = fractionToMicros(text.substring(7));
            hasTime = true;
            return;
        }
        if (dot >= 0) {
            date.yearAndDayOfYear(text.substring(0, dot), text.substring(dot + 1));
            return;
        }
        int length = text.length();
        if (!hasTime && (date.complete() || target.timeOnly() && date.none()) && (length == 6 || length == 4)) {
            hour = parseField(text.substring(0, 2));
            minute = parseField(text.substring(2, 4));
            second = length == 6 ? parseField(text.substring(4, 6)) : 0;
            hasTime = true;
            return;
        }
        if (date.none() && length >= 6) {
            // DecodeNumberField: day and month are the last four digits, the year all before them
            date.compactDate(text);
            return;
        }
        date.number(text);
    }

    private void offsetField(String text) {
        if (offsetSeconds != null || zone != null || dynamicAbbreviation != null) {
            throw syntax();
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String body = text.substring(1);
        int h;
        int m = 0;
        int s = 0;
        if (body.indexOf('.') >= 0) {
            throw syntax();
        }
        if (body.indexOf(':') >= 0) {
            String[] parts = body.split(":", -1);
            if (parts.length > 3) {
                throw syntax();
            }
            h = parseField(requireDigits(parts[0]));
            m = parseField(requireDigits(parts[1]));
            s = parts.length == 3 ? parseField(requireDigits(parts[2])) : 0;
        } else if (body.length() <= 2) {
            h = parseField(body);
        } else if (body.length() == 4) {
            h = parseField(body.substring(0, 2));
            m = parseField(body.substring(2));
        } else if (body.length() == 6) {
            h = parseField(body.substring(0, 2));
            m = parseField(body.substring(2, 4));
            s = parseField(body.substring(4));
        } else {
            throw syntax();
        }
        int total = (h * 60 + m) * 60 + s;
        if (h > 15 || m > 59 || s > 59 || total > PgTimeTz.MAX_OFFSET_SECONDS) {
            throw PgException.of(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                    "time zone displacement out of range: \"%s\"", input);
        }
        offsetSeconds = sign * total;
    }

    private void zoneField(String name) {
        if (offsetSeconds != null || zone != null || dynamicAbbreviation != null) {
            throw syntax();
        }
        ZoneId found = TimeZones.zone(name);
        if (found == null) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized", name);
        }
        zone = found;
    }

    private void wordField(String word) {
        Special asSpecial = switch (word) {
            case "infinity", "+infinity" -> Special.INFINITY;
            case "-infinity" -> Special.NEGATIVE_INFINITY;
            case "epoch" -> Special.EPOCH;
            case "now" -> Special.NOW;
            case "today" -> Special.TODAY;
            case "tomorrow" -> Special.TOMORROW;
            case "yesterday" -> Special.YESTERDAY;
            default -> null;
        };
        if (asSpecial != null) {
            if (sawAnything) {
                throw syntax();
            }
            int relativeDays = switch (asSpecial) {
                case TODAY -> 0;
                case TOMORROW -> 1;
                case YESTERDAY -> -1;
                default -> Integer.MIN_VALUE;
            };
            if (relativeDays != Integer.MIN_VALUE && tokenCount > 1 && !target.timeOnly()) {
                // "tomorrow EST", "today 10:00": the date of that day, then the other fields as usual
                date.relativeDay(LocalDate.now(settings.clock()).plusDays(relativeDays));
                sawAnything = true;
                return;
            }
            special = asSpecial;
            sawAnything = true;
            return;
        }
        sawAnything = true;
        int m = DateFields.monthOf(word);
        if (m > 0) {
            date.monthName(m);
            return;
        }
        switch (word) {
            case "y", "m", "d", "h", "mm", "s" -> {
                if (pendingUnit != null) {
                    throw syntax();
                }
                pendingUnit = word; // labels the number that follows
            }
            case "am", "a" -> amPm = 1;
            case "pm", "p" -> amPm = 2;
            case "bc" -> bc = true;
            case "ad" -> { }
            case "t", "on", "at" -> { }
            case "allballs" -> {
                if (hasTime) {
                    throw syntax();
                }
                hasTime = true;
                offsetSeconds = 0;
            }
            default -> {
                if (isDayName(word)) {
                    return;
                }
                TimeZoneAbbreviations.Meaning abbreviation = TimeZones.abbreviation(word);
                if (abbreviation != null) {
                    if (offsetSeconds != null || zone != null || dynamicAbbreviation != null) {
                        throw syntax();
                    }
                    offsetSeconds = abbreviation.offsetSeconds();
                    if (offsetSeconds == null) {
                        // dynamic (MSK = Europe/Moscow): resolved once the date is known
                        dynamicAbbreviation = word;
                        abbreviationZone = abbreviation.zone();
                    }
                    return;
                }
                ZoneId found = TimeZones.zone(word);
                if (found == null) {
                    throw syntax();
                }
                zoneField(word);
            }
        }
    }

    /** What a dynamic abbreviation meant in its zone around the given local date (today if none). */
    private int dynamicOffset(LocalDate localDate, long micros) {
        LocalDate day = localDate != null ? localDate : LocalDate.now(settings.clock().withZone(abbreviationZone));
        long localSecond = (day.toEpochDay() * 86_400) + micros / PgDateTime.MICROS_PER_SECOND;
        // probe the abbreviation at the instant the local time means in its zone (DetermineTimeZoneAbbrevOffset):
        // a time in a spring-forward gap takes the offset before it, an ambiguous one the offset after
        java.time.LocalDateTime local = java.time.LocalDateTime.ofEpochSecond(localSecond, 0, java.time.ZoneOffset.UTC);
        java.time.zone.ZoneOffsetTransition transition = abbreviationZone.getRules().getTransition(local);
        int zoneOffset = transition == null ? abbreviationZone.getRules().getOffset(local).getTotalSeconds()
                : (transition.isGap() ? transition.getOffsetBefore() : transition.getOffsetAfter()).getTotalSeconds();
        long epochSecond = localSecond - zoneOffset;
        Integer offset = TzdbAbbreviations.offsetOf(abbreviationZone, dynamicAbbreviation, epochSecond);
        if (offset != null) {
            return offset;
        }
        return abbreviationZone.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    private PgException syntax() {
        return PgException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type %s: \"%s\"",
                target.sqlName, input);
    }

    private PgException fieldOverflow() {
        return PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"%s\"",
                input);
    }
}
