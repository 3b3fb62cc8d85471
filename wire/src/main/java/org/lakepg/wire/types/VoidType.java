package org.lakepg.wire.types;

/**
 * void, what functions called for their effect return: PostgreSQL prints an empty, non-NULL value and sends zero
 * bytes in binary. Any Java value stands for it; functions return {@link #VALUE}.
 */
public final class VoidType extends AbstractPgType<Object> {

    public static final VoidType INSTANCE = new VoidType();
    /** The one void value. */
    public static final Object VALUE = "";

    private VoidType() {
        super(2278, Object.class);
    }

    @Override
    public Object parseText(String text, FormatSettings settings) {
        return VALUE;
    }

    @Override
    public String formatText(Object value, FormatSettings settings) {
        return "";
    }

    @Override
    public Object decodeBinary(byte[] bytes) {
        return VALUE;
    }

    @Override
    public byte[] encodeBinary(Object value) {
        return new byte[0];
    }
}
