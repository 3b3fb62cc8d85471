package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** interval: binary is int64 microseconds, int32 days, int32 months. */
public final class IntervalType extends AbstractPgType<PgInterval> {

    public static final IntervalType INSTANCE = new IntervalType();

    private IntervalType() {
        super(1186, PgInterval.class);
    }

    @Override
    public PgInterval parseText(String text, FormatSettings settings) {
        return IntervalParser.parse(text, settings);
    }

    /**
     * interval_in with a typmod: its field range decides what a bare number means
     * ({@code interval '2' hour}, {@code '1 2' day to hour}, {@code '2:03' minute to second}).
     */
    public PgInterval parseText(String text, FormatSettings settings, int typmod) {
        int range = typmod < 0 ? IntervalParser.FULL_RANGE : (typmod >>> 16) & IntervalParser.FULL_RANGE;
        return IntervalParser.parse(text, settings, range);
    }

    @Override
    public String formatText(PgInterval value, FormatSettings settings) {
        return IntervalText.format(value, settings);
    }

    @Override
    public PgInterval decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 16);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long micros = in.getLong();
        int days = in.getInt();
        int months = in.getInt();
        return new PgInterval(months, days, micros);
    }

    @Override
    public byte[] encodeBinary(PgInterval value) {
        return ByteBuffer.allocate(16).putLong(value.micros()).putInt(value.days()).putInt(value.months()).array();
    }
}
