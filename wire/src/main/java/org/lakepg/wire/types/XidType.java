package org.lakepg.wire.types;

import java.nio.ByteBuffer;

/**
 * xid and cid: unsigned 32-bit counters in a Long. Their input functions are strtoul(s, 0)
 * with no error checks, so "abc" is 0 and larger values wrap, exactly as in PostgreSQL 15.
 */
public final class XidType extends AbstractPgType<Long> {

    public static final XidType XID = new XidType(28);
    public static final XidType CID = new XidType(29);

    private XidType(int oid) {
        super(oid, Long.class);
    }

    @Override
    public Long parseText(String text, FormatSettings settings) {
        return CStrings.strtoul(text, 0) & 0xFFFFFFFFL;
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
