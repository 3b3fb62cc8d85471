package org.lakepg.wire.types;

/**
 * The character types whose value is the text itself: text, varchar, bpchar (without a
 * declared length nothing is padded or cut) and unknown (the type of untyped literals).
 */
public final class TextType extends AbstractPgType<String> {

    public static final TextType TEXT = new TextType(25);
    public static final TextType VARCHAR = new TextType(1043);
    public static final TextType BPCHAR = new TextType(1042);
    public static final TextType UNKNOWN = new TextType(705);

    private TextType(int oid) {
        super(oid, String.class);
    }

    @Override
    public String parseText(String text, FormatSettings settings) {
        return text;
    }

    @Override
    public String formatText(String value, FormatSettings settings) {
        return value;
    }

    @Override
    public String decodeBinary(byte[] bytes) {
        return Utf8.decode(bytes);
    }

    @Override
    public byte[] encodeBinary(String value) {
        return Utf8.encode(value);
    }
}
