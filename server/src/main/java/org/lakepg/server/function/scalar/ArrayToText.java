package org.lakepg.server.function.scalar;

import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgArray;
import org.lakepg.wire.types.PgType;

/** array_to_string(array, delimiter [, null_string]): the elements' text joined, NULLs skipped or replaced. */
public final class ArrayToText {
    private ArrayToText() {}

    public static void register(FunctionRegistry r) {
        r.register("array_to_text", (x, c) -> join((PgArray) x[0], (String) x[1], null, c));
        r.register("array_to_text_null", (x, c) -> x[0] == null || x[1] == null ? null
                : join((PgArray) x[0], (String) x[1], (String) x[2], c));
    }

    private static String join(PgArray array, String delimiter, String nullString, FunctionContext c) {
        PgType<?> codec = WireTypeIO.codec(array.elementOid(), c);
        FormatSettings settings = WireTypeIO.formatSettings(c);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object e : array.elements()) {
            if (e == null && nullString == null) {
                continue;
            }
            if (!first) {
                out.append(delimiter);
            }
            out.append(e == null ? nullString : codec.formatTextUnchecked(e, settings));
            first = false;
        }
        return out.toString();
    }
}
