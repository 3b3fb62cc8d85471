package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * timestamptz: microseconds since 2000-01-01 00:00 UTC. Input without an offset is read in the
 * session TimeZone (a time in a DST gap moves forward, an ambiguous one takes the later,
 * standard-time offset, as PostgreSQL does); output shows the session TimeZone.
 */
public final class TimestampTzType extends AbstractPgType<Long> {

    public static final TimestampTzType INSTANCE = new TimestampTzType();

    private TimestampTzType() {
        super(1184, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        DateTimeParser.Parsed parsed = DateTimeParser.parse(text, DateTimeParser.Target.TIMESTAMPTZ, settings);
        ZoneId session = settings.timeZone();
        return switch (parsed.special()) {
            case INFINITY -> PgDateTime.TIMESTAMP_POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> PgDateTime.TIMESTAMP_NEGATIVE_INFINITY;
            case EPOCH -> PgDateTime.toPgTimestamp(Instant.EPOCH);
            case NOW -> PgDateTime.toPgTimestamp(settings.clock().instant());
            case TODAY -> startOfDay(settings.clock(), 0);
            case TOMORROW -> startOfDay(settings.clock(), 1);
            case YESTERDAY -> startOfDay(settings.clock(), -1);
            case NONE -> {
                long local = TimestampType.localMicros(parsed, text);
                long utc;
                if (parsed.offsetSeconds() != null) {
                    utc = local - parsed.offsetSeconds() * PgDateTime.MICROS_PER_SECOND;
                } else {
                    ZoneId zone = parsed.zone() != null ? parsed.zone() : session;
                    utc = local - offsetOfLocal(zone, local) * PgDateTime.MICROS_PER_SECOND;
                }
                if (!PgDateTime.isValidTimestamp(utc)) {
                    throw TimestampType.outOfRange(text);
                }
                yield utc;
            }
        };
    }

    private static long startOfDay(java.time.Clock clock, int plusDays) {
        ZonedDateTime start = java.time.LocalDate.now(clock).plusDays(plusDays).atStartOfDay(clock.getZone());
        return PgDateTime.toPgTimestamp(start.toInstant());
    }

    /**
     * The offset (seconds east) that applies to a local time in a zone. Like PostgreSQL, a time
     * in a spring-forward gap is read with the offset before the gap, an ambiguous time in a
     * fall-back overlap with the offset after it.
     */
    static int offsetOfLocal(ZoneId zone, long localMicros) {
        LocalDateTime local = PgDateTime.toLocalDateTime(localMicros);
        java.time.zone.ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return zone.getRules().getOffset(local).getTotalSeconds();
        }
        return (transition.isGap() ? transition.getOffsetBefore() : transition.getOffsetAfter()).getTotalSeconds();
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return DateTimeText.formatTimestamp(value, settings, settings.timeZone());
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 8);
        long value = ByteBuffer.wrap(bytes).getLong();
        if (value != PgDateTime.TIMESTAMP_NEGATIVE_INFINITY && value != PgDateTime.TIMESTAMP_POSITIVE_INFINITY
                && !PgDateTime.isValidTimestamp(value)) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return value;
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
