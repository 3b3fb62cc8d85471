package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgArray;

/**
 * string_to_array(text, delimiter [, null_string]): a NULL delimiter splits into characters, an empty
 * one keeps the whole string, an empty string gives an empty array; pieces equal to null_string are NULL.
 */
public final class StringToArray {
    private StringToArray() {}

    public static void register(FunctionRegistry r) {
        r.register("text_to_array", (x, c) -> split((String) x[0], (String) x[1], null));
        r.register("text_to_array_null", (x, c) -> split((String) x[0], (String) x[1], (String) x[2]));
    }

    private static PgArray split(String text, String delimiter, String nullString) {
        if (text == null) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        if (text.isEmpty()) {
            return PgArray.of((int) TypeOids.TEXT);
        }
        if (delimiter == null) {
            text.codePoints().forEach(cp -> pieces.add(new String(Character.toChars(cp))));
        } else if (delimiter.isEmpty()) {
            pieces.add(text);
        } else {
            int from = 0;
            while (true) {
                int at = text.indexOf(delimiter, from);
                if (at < 0) {
                    pieces.add(text.substring(from));
                    break;
                }
                pieces.add(text.substring(from, at));
                from = at + delimiter.length();
            }
        }
        Object[] elements = new Object[pieces.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = nullString != null && pieces.get(i).equals(nullString) ? null : pieces.get(i);
        }
        return PgArray.of((int) TypeOids.TEXT, elements);
    }
}
