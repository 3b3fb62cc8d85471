package org.lakepg.wire.types;

/** json: validated on input, the text kept verbatim (whitespace, key order, duplicates). */
public final class JsonType extends AbstractPgType<String> {

    public static final JsonType INSTANCE = new JsonType();

    private JsonType() {
        super(114, String.class);
    }

    @Override
    public String parseText(String text, FormatSettings settings) {
        JsonParser.parse(text, false);
        return text;
    }

    @Override
    public String formatText(String value, FormatSettings settings) {
        return value;
    }

    @Override
    public String decodeBinary(byte[] bytes) {
        return parseText(Utf8.decode(bytes));
    }

    @Override
    public byte[] encodeBinary(String value) {
        return Utf8.encode(value);
    }
}
