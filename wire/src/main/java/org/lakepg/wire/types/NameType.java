package org.lakepg.wire.types;

import java.nio.charset.StandardCharsets;

/** name: identifiers, silently cut to 63 bytes (NAMEDATALEN - 1) at a character boundary. */
public final class NameType extends AbstractPgType<String> {

    public static final NameType INSTANCE = new NameType();

    /** NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    private NameType() {
        super(19, String.class);
    }

    /** The longest prefix of text that fits in 63 UTF-8 bytes. */
    public static String truncate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        int cut = MAX_BYTES;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--; // do not split a multibyte character
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8);
    }

    @Override
    public String parseText(String text, FormatSettings settings) {
        return truncate(text);
    }

    @Override
    public String formatText(String value, FormatSettings settings) {
        return value;
    }

    @Override
    public String decodeBinary(byte[] bytes) {
        return truncate(Utf8.decode(bytes));
    }

    @Override
    public byte[] encodeBinary(String value) {
        return Utf8.encode(value);
    }
}
