package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** timestamp (without time zone): microseconds since 2000-01-01 00:00, Long.MIN/MAX_VALUE = -infinity/infinity. */
public final class TimestampType extends AbstractPgType<Long> {

    public static final TimestampType INSTANCE = new TimestampType();

    private TimestampType() {
        super(1114, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        DateTimeParser.Parsed parsed = DateTimeParser.parse(text, DateTimeParser.Target.TIMESTAMP, settings);
        LocalDate today = LocalDate.now(settings.clock());
        long value = switch (parsed.special()) {
            case INFINITY -> PgDateTime.TIMESTAMP_POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> PgDateTime.TIMESTAMP_NEGATIVE_INFINITY;
            case EPOCH -> PgDateTime.toPgTimestamp(LocalDate.of(1970, 1, 1).atStartOfDay());
            case NOW -> PgDateTime.toPgTimestamp(LocalDateTime.now(settings.clock()));
            case TODAY -> PgDateTime.toPgTimestamp(today.atStartOfDay());
            case TOMORROW -> PgDateTime.toPgTimestamp(today.plusDays(1).atStartOfDay());
            case YESTERDAY -> PgDateTime.toPgTimestamp(today.minusDays(1).atStartOfDay());
            case NONE -> localMicros(parsed, text);
        };
        return value;
    }

    /** The parsed date and time read as a local (zone-less) timestamp, range-checked. */
    static long localMicros(DateTimeParser.Parsed parsed, String text) {
        LocalDate date = parsed.date();
        if (!PgDateTime.isValidDate(date) && !date.isEqual(PgDateTime.MAX_DATE.plusDays(1))) {
            throw outOfRange(text);
        }
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(date.toEpochDay() + PgDateTime.UNIX_EPOCH_DAYS,
                    PgDateTime.MICROS_PER_DAY), parsed.timeMicros());
        } catch (ArithmeticException e) {
            throw outOfRange(text);
        }
        if (!PgDateTime.isValidTimestamp(micros)) {
            throw outOfRange(text);
        }
        return micros;
    }

    static PgException outOfRange(String text) {
        return PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"%s\"", text);
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return DateTimeText.formatTimestamp(value, settings);
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
