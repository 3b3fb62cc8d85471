package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * timetz: time of day plus a fixed zone offset. Without an offset in the input the session
 * TimeZone's offset applies, on the date given or else today (as PostgreSQL does).
 * Binary: int64 microseconds, int32 zone in seconds west of UTC.
 */
public final class TimeTzType extends AbstractPgType<PgTimeTz> {

    public static final TimeTzType INSTANCE = new TimeTzType();

    private TimeTzType() {
        super(1266, PgTimeTz.class);
    }

    @Override
    public PgTimeTz parseText(String text, FormatSettings settings) {
        DateTimeParser.Parsed parsed = DateTimeParser.parse(text, DateTimeParser.Target.TIMETZ, settings);
        long micros;
        switch (parsed.special()) {
            case NONE -> micros = parsed.timeMicros();
            case NOW -> micros = LocalTime.now(settings.clock()).toNanoOfDay() / 1000;
            default -> throw TypeErrors.invalidDatetime("time with time zone", text);
        }
        int offset;
        if (parsed.offsetSeconds() != null) {
            offset = parsed.offsetSeconds();
        } else {
            ZoneId zone = parsed.zone() != null ? parsed.zone() : settings.timeZone();
            LocalDate date = parsed.date() != null ? parsed.date() : LocalDate.now(settings.clock().withZone(zone));
            long clamped = Math.min(micros, PgDateTime.MICROS_PER_DAY - 1);
            offset = zone.getRules().getOffset(date.atTime(LocalTime.ofNanoOfDay(clamped * 1000)))
                    .getTotalSeconds();
        }
        return new PgTimeTz(micros, offset);
    }

    @Override
    public String formatText(PgTimeTz value, FormatSettings settings) {
        return DateTimeText.formatTimeTz(value);
    }

    @Override
    public PgTimeTz decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 12);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long micros = in.getLong();
        int zoneWest = in.getInt();
        if (micros < 0 || micros > PgDateTime.MICROS_PER_DAY) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "time out of range");
        }
        if (Math.abs(zoneWest) > PgTimeTz.MAX_OFFSET_SECONDS) {
            throw PgException.of(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE, "time zone displacement out of range");
        }
        return new PgTimeTz(micros, -zoneWest);
    }

    @Override
    public byte[] encodeBinary(PgTimeTz value) {
        return ByteBuffer.allocate(12).putLong(value.micros()).putInt(-value.offsetSeconds()).array();
    }
}
