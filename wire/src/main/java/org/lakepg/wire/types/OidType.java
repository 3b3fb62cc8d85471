package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/**
 * oid: an unsigned 32-bit number held in a Long. Like PostgreSQL's strtoul-based input,
 * negative values down to -2147483648 are accepted and wrap ("-1" is 4294967295).
 */
public final class OidType extends AbstractPgType<Long> {

    public static final OidType INSTANCE = new OidType();

    private OidType() {
        super(26, Long.class);
    }

    /**
     * uint32in_subr: strtoul, then (in this order) overflow of 64 bits is out of range, junk is a
     * syntax error, a value outside the 32-bit range (signed or unsigned) is out of range.
     */
    @Override
    public Long parseText(String text, FormatSettings settings) {
        int i = 0;
        int n = text.length();
        while (i < n && TypeErrors.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = i < n && text.charAt(i) == '-';
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(text.charAt(i) - '0'));
            if (value.bitLength() > 64) {
                throw TypeErrors.outOfRange("oid", text);
            }
            i++;
        }
        if (i == start) {
            throw TypeErrors.invalidSyntax("oid", text);
        }
        while (i < n && TypeErrors.isSpace(text.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw TypeErrors.invalidSyntax("oid", text);
        }
        long magnitude = value.longValue();
        boolean fits = negative ? Long.compareUnsigned(magnitude, 0x80000000L) <= 0
                : Long.compareUnsigned(magnitude, 0xFFFFFFFFL) <= 0;
        if (!fits) {
            throw TypeErrors.outOfRange("oid", text);
        }
        return (negative ? -magnitude : magnitude) & 0xFFFFFFFFL;
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        return Long.toString(value & 0xFFFFFFFFL);
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
