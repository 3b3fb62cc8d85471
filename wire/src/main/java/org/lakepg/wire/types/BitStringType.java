package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * bit and bit varying: text is a string of 0 and 1, or with a leading b/B or x/X prefix binary or
 * hex digits (as B'...' and X'...' literals pass them); binary is int4 bit length then the bytes.
 */
public final class BitStringType extends AbstractPgType<PgBitString> {

    public static final BitStringType BIT = new BitStringType(1560);
    public static final BitStringType VARBIT = new BitStringType(1562);

    /** VARBITMAXLEN: the longest bit string a varlena can hold. */
    static final int MAX_LENGTH = 0x3FFFFFFF - 8 * 8 + 1;

    private BitStringType(int oid) {
        super(oid, PgBitString.class);
    }

    @Override
    public PgBitString parseText(String text, FormatSettings settings) {
        return parse(text);
    }

    /** bit_in/varbit_in without a type modifier. */
    public static PgBitString parse(String text) {
        boolean binary;
        int start;
        if (text.startsWith("b") || text.startsWith("B")) {
            binary = true;
            start = 1;
        } else if (text.startsWith("x") || text.startsWith("X")) {
            binary = false;
            start = 1;
        } else {
            binary = true;
            start = 0;
        }
        String digits = text.substring(start);
        if (binary) {
            boolean[] bits = new boolean[digits.length()];
            for (int i = 0; i < bits.length; i++) {
                char c = digits.charAt(i);
                if (c == '1') {
                    bits[i] = true;
                } else if (c != '0') {
                    throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "\"%s\" is not a valid binary digit",
                            new String(Character.toChars(digits.codePointAt(i))));
                }
            }
            return PgBitString.ofBits(bits);
        }
        if (digits.length() > MAX_LENGTH / 4) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "bit string length exceeds the maximum allowed (%d)", MAX_LENGTH);
        }
        byte[] out = new byte[(digits.length() * 4 + 7) / 8];
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION, "\"%s\" is not a valid hexadecimal digit",
                        new String(Character.toChars(digits.codePointAt(i))));
            }
            out[i / 2] |= (byte) (i % 2 == 0 ? v << 4 : v);
        }
        return new PgBitString(digits.length() * 4, out);
    }

    @Override
    public String formatText(PgBitString value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public PgBitString decodeBinary(byte[] bytes) {
        if (bytes.length < 4) {
            throw TypeErrors.insufficientData();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int length = in.getInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw PgException.of(SqlState.INVALID_BINARY_REPRESENTATION, "invalid length in external bit string");
        }
        byte[] data = new byte[(length + 7) / 8];
        if (in.remaining() < data.length) {
            throw TypeErrors.insufficientData();
        }
        if (in.remaining() > data.length) {
            throw TypeErrors.excessData();
        }
        in.get(data);
        return new PgBitString(length, data);
    }

    @Override
    public byte[] encodeBinary(PgBitString value) {
        byte[] data = value.bytes();
        return ByteBuffer.allocate(4 + data.length).putInt(value.length()).put(data).array();
    }
}
