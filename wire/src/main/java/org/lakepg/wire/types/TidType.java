package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/** tid: "(block,offset)"; binary is uint32 block then uint16 offset. */
public final class TidType extends AbstractPgType<PgTid> {

    public static final TidType INSTANCE = new TidType();

    private TidType() {
        super(27, PgTid.class);
    }

    /** Like tidin: finds "(" and ",", then reads each number up to the next delimiter exactly. */
    @Override
    public PgTid parseText(String text, FormatSettings settings) {
        int open = text.indexOf('(');
        int comma = open < 0 ? -1 : text.indexOf(',', open + 1);
        if (comma < 0) {
            throw TypeErrors.invalidSyntax("tid", text);
        }
        String blockText = text.substring(open + 1, comma);
        int close = text.indexOf(')', comma + 1);
        if (close < 0) {
            throw TypeErrors.invalidSyntax("tid", text);
        }
        String offsetText = text.substring(comma + 1, close);
        long block = number(blockText, text);
        long offset = number(offsetText, text);
        // strtoul wraps -1 to 4294967295 for the block; the offset must be 0..65535
        if (block < -0x80000000L || block > 0xFFFFFFFFL || offset < 0 || offset > 0xFFFF) {
            throw TypeErrors.invalidSyntax("tid", text);
        }
        return new PgTid(block & 0xFFFFFFFFL, (int) offset);
    }

    private static long number(String digits, String text) {
        if (!digits.matches("[+-]?[0-9]+")) {
            throw TypeErrors.invalidSyntax("tid", text);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw TypeErrors.invalidSyntax("tid", text);
        }
    }

    @Override
    public String formatText(PgTid value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public PgTid decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 6);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new PgTid(in.getInt() & 0xFFFFFFFFL, in.getShort() & 0xFFFF);
    }

    @Override
    public byte[] encodeBinary(PgTid value) {
        return ByteBuffer.allocate(6).putInt((int) value.block()).putShort((short) value.offset()).array();
    }
}
