package org.lakepg.wire.types;

import java.util.Arrays;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** jsonb: parsed and normalized; binary is a version byte (1) followed by the text form. */
public final class JsonbType extends AbstractPgType<Jsonb> {

    public static final JsonbType INSTANCE = new JsonbType();
    private static final byte VERSION = 1;

    private JsonbType() {
        super(3802, Jsonb.class);
    }

    @Override
    public Jsonb parseText(String text, FormatSettings settings) {
        return JsonParser.parse(text, true);
    }

    @Override
    public String formatText(Jsonb value, FormatSettings settings) {
        try {
            return value.toString();
        } catch (StackOverflowError e) {
            throw PgException.stackDepthExceeded(); // a tree nested deeper than this thread's stack
        }
    }

    @Override
    public Jsonb decodeBinary(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw PgException.of(SqlState.INTERNAL_ERROR, "unsupported jsonb version number %d",
                    bytes.length == 0 ? 0 : bytes[0]);
        }
        return parseText(Utf8.decode(Arrays.copyOfRange(bytes, 1, bytes.length)));
    }

    @Override
    public byte[] encodeBinary(Jsonb value) {
        byte[] text = Utf8.encode(formatText(value, FormatSettings.defaults()));
        byte[] out = new byte[text.length + 1];
        out[0] = VERSION;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }
}
