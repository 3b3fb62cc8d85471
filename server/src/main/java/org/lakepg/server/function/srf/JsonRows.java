package org.lakepg.server.function.srf;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * json (not jsonb) set-returning functions: json_each(_text), json_array_elements(_text) and
 * json_object_keys. json keeps its text, so members are cut out of it as written (duplicate keys
 * and spacing inside values kept), as PostgreSQL's json functions do. The input is valid JSON.
 */
final class JsonRows {
    private JsonRows() {}

    static void register(SetReturningFunctions r) {
        r.register("json_each", (x, c) -> each((String) x[0], false));
        r.register("json_each_text", (x, c) -> each((String) x[0], true));
        r.register("json_array_elements", (x, c) -> elements((String) x[0], false, "json_array_elements"));
        r.register("json_array_elements_text", (x, c) -> elements((String) x[0], true, "json_array_elements_text"));
        r.register("json_object_keys", (x, c) -> {
            String json = (String) x[0];
            char kind = kind(json);
            if (kind != '{') {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call json_object_keys on %s",
                        kind == '[' ? "an array" : "a scalar");
            }
            List<Object[]> rows = new ArrayList<>();
            members(json).forEach(m -> rows.add(new Object[] {m[0]}));
            return rows.iterator();
        });
    }

    private static char kind(String json) {
        int i = skipSpace(json, 0);
        return json.charAt(i) == '{' || json.charAt(i) == '[' ? json.charAt(i) : 's';
    }

    private static java.util.Iterator<Object[]> each(String json, boolean asText) {
        char kind = kind(json);
        if (kind != '{') {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    kind == '[' ? "cannot deconstruct an array as an object" : "cannot deconstruct a scalar");
        }
        List<Object[]> rows = new ArrayList<>();
        for (String[] m : members(json)) {
            rows.add(new Object[] {m[0], asText ? text(m[1]) : m[1]});
        }
        return rows.iterator();
    }

    private static java.util.Iterator<Object[]> elements(String json, boolean asText, String function) {
        char kind = kind(json);
        if (kind != '[') {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call %s on %s", function,
                    kind == '{' ? "a non-array" : "a scalar");
        }
        List<Object[]> rows = new ArrayList<>();
        int i = skipSpace(json, skipSpace(json, 0) + 1);
        while (json.charAt(i) != ']') {
            int end = valueEnd(json, i);
            String value = json.substring(i, end);
            rows.add(new Object[] {asText ? text(value) : value});
            i = skipSpace(json, end);
            if (json.charAt(i) == ',') {
                i = skipSpace(json, i + 1);
            }
        }
        return rows.iterator();
    }

    /** [key, value text] of each member of an object, in order. */
    private static List<String[]> members(String json) {
        List<String[]> out = new ArrayList<>();
        int i = skipSpace(json, skipSpace(json, 0) + 1);
        while (json.charAt(i) != '}') {
            int keyEnd = valueEnd(json, i);
            String key = unescape(json.substring(i, keyEnd));
            i = skipSpace(json, keyEnd);
            i = skipSpace(json, i + 1); // the colon
            int end = valueEnd(json, i);
            out.add(new String[] {key, json.substring(i, end)});
            i = skipSpace(json, end);
            if (json.charAt(i) == ',') {
                i = skipSpace(json, i + 1);
            }
        }
        return out;
    }

    /** The _text form of a value: strings unquoted, null as SQL NULL, anything else as written. */
    private static String text(String value) {
        if (value.equals("null")) {
            return null;
        }
        return value.startsWith("\"") ? unescape(value) : value;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** Where the value starting at i ends. */
    private static int valueEnd(String s, int i) {
        char c = s.charAt(i);
        if (c == '"') {
            int j = i + 1;
            while (s.charAt(j) != '"') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            int j = i;
            do {
                char d = s.charAt(j);
                if (d == '"') {
                    j = valueEnd(s, j);
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
                j++;
            } while (depth > 0);
            return j;
        }
        int j = i;
        while (j < s.length() && ",}] \t\n\r".indexOf(s.charAt(j)) < 0) {
            j++;
        }
        return j;
    }

    private static String unescape(String quoted) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    int code = Integer.parseInt(quoted.substring(i + 1, i + 5), 16);
                    if (code == 0) {
                        throw PgException.of(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence")
                                .withDetail("\\u0000 cannot be converted to text.");
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
