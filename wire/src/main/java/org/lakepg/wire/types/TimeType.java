package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.time.LocalTime;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** time (without time zone): microseconds since midnight, 0 to 24:00:00 inclusive. */
public final class TimeType extends AbstractPgType<Long> {

    public static final TimeType INSTANCE = new TimeType();

    private TimeType() {
        super(1083, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        DateTimeParser.Parsed parsed = DateTimeParser.parse(text, DateTimeParser.Target.TIME, settings);
        return switch (parsed.special()) {
            case NONE -> parsed.timeMicros();
            case NOW -> LocalTime.now(settings.clock()).toNanoOfDay() / 1000;
            default -> throw TypeErrors.invalidDatetime("time", text);
        };
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return DateTimeText.formatTime(value);
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 8);
        long micros = ByteBuffer.wrap(bytes).getLong();
        if (micros < 0 || micros > PgDateTime.MICROS_PER_DAY) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "time out of range");
        }
        return micros;
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
