package org.lakepg.wire.types;

import java.nio.charset.StandardCharsets;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** jsonpath: parsed on input and printed normalized; binary is a version byte (1) and the text. */
public final class JsonPathType extends AbstractPgType<JsonPath> {

    public static final JsonPathType INSTANCE = new JsonPathType();

    private JsonPathType() {
        super(4072, JsonPath.class);
    }

    @Override
    public JsonPath parseText(String text, FormatSettings settings) {
        return JsonPathParser.parse(text);
    }

    @Override
    public String formatText(JsonPath value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public JsonPath decodeBinary(byte[] bytes) {
        if (bytes.length < 1) {
            throw TypeErrors.insufficientData();
        }
        if (bytes[0] != 1) {
            throw PgException.of(SqlState.INTERNAL_ERROR, "unsupported jsonpath version number: %d", bytes[0]);
        }
        return JsonPathParser.parse(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
    }

    @Override
    public byte[] encodeBinary(JsonPath value) {
        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        out[0] = 1;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }
}
