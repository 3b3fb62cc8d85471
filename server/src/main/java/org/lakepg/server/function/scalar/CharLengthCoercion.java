package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The length coercions bpchar(bpchar, typmod, explicit) and varchar(varchar, typmod, explicit):
 * char(n) pads with spaces, both cut to n characters; an implicit or assignment cast may only cut spaces.
 */
public final class CharLengthCoercion {
    private CharLengthCoercion() {}

    public static void register(FunctionRegistry r) {
        r.register("bpchar", (x, c) -> coerce((String) x[0], ((Number) x[1]).intValue(), (Boolean) x[2], true));
        r.register("varchar", (x, c) -> coerce((String) x[0], ((Number) x[1]).intValue(), (Boolean) x[2], false));
    }

    static String coerce(String value, int typmod, boolean explicit, boolean pad) {
        if (typmod < 4) {
            return value;
        }
        int max = typmod - 4;
        int length = value.codePointCount(0, value.length());
        if (length <= max) {
            return pad ? value + " ".repeat(max - length) : value;
        }
        int cut = value.offsetByCodePoints(0, max);
        if (!explicit) {
            for (int i = cut; i < value.length(); i++) {
                if (value.charAt(i) != ' ') {
                    throw PgException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type %s(%d)",
                            pad ? "character" : "character varying", max);
                }
            }
        }
        return value.substring(0, cut);
    }
}
