package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.Locale;

/** pg_lsn: a 64-bit WAL position written as two hex halves, {@code 16/B374D848}. */
public final class PgLsnType extends AbstractPgType<Long> {

    public static final PgLsnType INSTANCE = new PgLsnType();

    private PgLsnType() {
        super(3220, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        int slash = hexRun(text, 0);
        if (slash < 1 || slash > 8 || slash >= text.length() || text.charAt(slash) != '/') {
            throw TypeErrors.invalidSyntax("pg_lsn", text);
        }
        int lowLength = hexRun(text, slash + 1);
        if (lowLength < 1 || lowLength > 8 || slash + 1 + lowLength != text.length()) {
            throw TypeErrors.invalidSyntax("pg_lsn", text);
        }
        long high = Long.parseLong(text.substring(0, slash), 16);
        long low = Long.parseLong(text.substring(slash + 1), 16);
        return high << 32 | low;
    }

    private static int hexRun(String text, int from) {
        int i = from;
        while (i < text.length() && "0123456789abcdefABCDEF".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i - from;
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return (Long.toHexString(value >>> 32) + "/" + Long.toHexString(value & 0xFFFFFFFFL)).toUpperCase(Locale.ROOT);
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 8);
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
