package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * regconfig: a text search configuration's OID, read and printed by name. lakepg has the one
 * configuration PostgreSQL defines at bootstrap, "simple" (OID 3748); the language
 * configurations initdb adds are not there yet.
 */
public final class RegconfigType extends AbstractPgType<Long> {

    public static final RegconfigType INSTANCE = new RegconfigType();
    public static final long SIMPLE = 3748;
    /** The english configuration PostgreSQL's initdb creates (its OID in a PostgreSQL 15 cluster). */
    public static final long ENGLISH = 13164;

    private RegconfigType() {
        super(3734, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OidType.INSTANCE.parseText(text, settings);
        }
        String name = text.trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("simple") || lower.equals("pg_catalog.simple") || name.equals("\"simple\"")) {
            return SIMPLE;
        }
        if (lower.equals("english") || lower.equals("pg_catalog.english") || name.equals("\"english\"")) {
            return ENGLISH;
        }
        throw PgException.of(SqlState.UNDEFINED_OBJECT, "text search configuration \"%s\" does not exist", name);
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return value == SIMPLE ? "simple" : value == ENGLISH ? "english" : Long.toString(value);
    }

    /** int4 values reach here relabeled (the int4 to regconfig cast is binary), so any integer is accepted. */
    @Override
    public String formatTextUnchecked(Object value, FormatSettings settings) {
        return formatText(((Number) value).longValue() & 0xFFFFFFFFL, settings);
    }

    @Override
    public byte[] encodeBinaryUnchecked(Object value) {
        return encodeBinary(((Number) value).longValue() & 0xFFFFFFFFL);
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 4);
        return ByteBuffer.wrap(bytes).getInt() & 0xFFFFFFFFL;
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(4).putInt((int) (long) value).array();
    }
}
