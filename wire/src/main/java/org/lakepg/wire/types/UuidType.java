package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import java.util.UUID;

/** uuid: 32 hex digits, optionally in braces, a hyphen allowed after any group of four digits. */
public final class UuidType extends AbstractPgType<UUID> {

    public static final UuidType INSTANCE = new UuidType();

    private UuidType() {
        super(2950, UUID.class);
    }

    @Override
    public UUID parseText(String text, FormatSettings settings) {
        int i = 0;
        int n = text.length();
        boolean braces = n > 0 && text.charAt(0) == '{';
        if (braces) {
            i++;
        }
        long high = 0;
        long low = 0;
        for (int b = 0; b < 16; b++) {
            int h1 = i < n ? hex(text.charAt(i)) : -1;
            int h2 = i + 1 < n ? hex(text.charAt(i + 1)) : -1;
            if (h1 < 0 || h2 < 0) {
                throw TypeErrors.invalidSyntax("uuid", text);
            }
            i += 2;
            int octet = h1 << 4 | h2;
            if (b < 8) {
                high = high << 8 | octet;
            } else {
                low = low << 8 | octet;
            }
            if (i < n && text.charAt(i) == '-' && b % 2 == 1 && b < 15) {
                i++;
            }
        }
        if (braces) {
            if (i >= n || text.charAt(i) != '}') {
                throw TypeErrors.invalidSyntax("uuid", text);
            }
            i++;
        }
        if (i != n) {
            throw TypeErrors.invalidSyntax("uuid", text);
        }
        return new UUID(high, low);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    @Override
    public String formatText(UUID value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public UUID decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 16);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new UUID(in.getLong(), in.getLong());
    }

    @Override
    public byte[] encodeBinary(UUID value) {
        return ByteBuffer.allocate(16).putLong(value.getMostSignificantBits())
                .putLong(value.getLeastSignificantBits()).array();
    }
}
