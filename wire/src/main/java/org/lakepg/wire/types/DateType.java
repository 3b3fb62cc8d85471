package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** date: an int of days since 2000-01-01, Integer.MIN/MAX_VALUE for -infinity/infinity. */
public final class DateType extends AbstractPgType<Integer> {

    public static final DateType INSTANCE = new DateType();

    private DateType() {
        super(1082, Integer.class);
    }

    @Override
    public Integer parseText(String text, FormatSettings settings) {
        DateTimeParser.Parsed parsed = DateTimeParser.parse(text, DateTimeParser.Target.DATE, settings);
        LocalDate today = LocalDate.now(settings.clock());
        LocalDate date = switch (parsed.special()) {
            case INFINITY -> null;
            case NEGATIVE_INFINITY -> null;
            case EPOCH -> LocalDate.of(1970, 1, 1);
            case NOW, TODAY -> today;
            case TOMORROW -> today.plusDays(1);
            case YESTERDAY -> today.minusDays(1);
            case NONE -> parsed.date();
        };
        if (parsed.special() == DateTimeParser.Special.INFINITY) {
            return PgDateTime.DATE_POSITIVE_INFINITY;
        }
        if (parsed.special() == DateTimeParser.Special.NEGATIVE_INFINITY) {
            return PgDateTime.DATE_NEGATIVE_INFINITY;
        }
        if (!PgDateTime.isValidDate(date)) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"%s\"", text);
        }
        return PgDateTime.toPgDate(date);
    }

    @Override
    public String formatText(Integer value, FormatSettings settings) {
        return DateTimeText.formatDate(value, settings);
    }

    @Override
    public Integer decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 4);
        int value = ByteBuffer.wrap(bytes).getInt();
        if (value != PgDateTime.DATE_NEGATIVE_INFINITY && value != PgDateTime.DATE_POSITIVE_INFINITY
                && !PgDateTime.isValidDate(PgDateTime.toLocalDate(value))) {
            throw PgException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
        return value;
    }

    @Override
    public byte[] encodeBinary(Integer value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
