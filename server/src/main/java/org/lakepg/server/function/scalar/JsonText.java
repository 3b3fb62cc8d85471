package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;

/**
 * A json (not jsonb) value kept as its original text: the parse only records where each member and
 * element starts and ends, so that -> and friends return the exact text PostgreSQL returns. The
 * input is already valid JSON (checked by the json type's input function).
 */
record JsonText(Kind kind, String text, List<String> keys, List<JsonText> children) {

    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    static JsonText parse(String json) {
        int[] at = {0};
        return value(json, at);
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static JsonText value(String s, int[] at) {
        skipSpace(s, at);
        int start = at[0];
        char ch = s.charAt(start);
        switch (ch) {
            case '{' -> {
                at[0]++;
                List<String> keys = new ArrayList<>();
                List<JsonText> children = new ArrayList<>();
                skipSpace(s, at);
                if (s.charAt(at[0]) == '}') {
                    at[0]++;
                } else {
                    while (true) {
                        skipSpace(s, at);
                        int keyStart = at[0];
                        skipString(s, at);
                        keys.add(unescape(s.substring(keyStart, at[0])));
                        skipSpace(s, at);
                        at[0]++; // ':'
                        children.add(value(s, at));
                        skipSpace(s, at);
                        if (s.charAt(at[0]++) == '}') {
                            break;
                        }
                    }
                }
                return new JsonText(Kind.OBJECT, s.substring(start, at[0]), keys, children);
            }
            case '[' -> {
                at[0]++;
                List<JsonText> children = new ArrayList<>();
                skipSpace(s, at);
                if (s.charAt(at[0]) == ']') {
                    at[0]++;
                } else {
                    while (true) {
                        children.add(value(s, at));
                        skipSpace(s, at);
                        if (s.charAt(at[0]++) == ']') {
                            break;
                        }
                    }
                }
                return new JsonText(Kind.ARRAY, s.substring(start, at[0]), List.of(), children);
            }
            case '"' -> {
                skipString(s, at);
                return new JsonText(Kind.STRING, s.substring(start, at[0]), List.of(), List.of());
            }
            default -> {
                while (at[0] < s.length() && "{}[],:\" \t\n\r".indexOf(s.charAt(at[0])) < 0) {
                    at[0]++;
                }
                String word = s.substring(start, at[0]);
                Kind kind = word.equals("null") ? Kind.NULL
                        : word.equals("true") || word.equals("false") ? Kind.BOOLEAN : Kind.NUMBER;
                return new JsonText(kind, word, List.of(), List.of());
            }
        }
    }

    private static void skipString(String s, int[] at) {
        at[0]++;
        while (s.charAt(at[0]) != '"') {
            at[0] += s.charAt(at[0]) == '\\' ? 2 : 1;
        }
        at[0]++;
    }

    /** The value of a quoted JSON string literal. */
    static String unescape(String quoted) {
        return ((org.lakepg.wire.types.Jsonb.Str) org.lakepg.wire.types.JsonbType.INSTANCE.parseText(quoted)).value();
    }

    /** A member by key; with duplicate keys the last one, as json's -> does. */
    JsonText field(String key) {
        JsonText found = null;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(key)) {
                found = children.get(i);
            }
        }
        return found;
    }

    JsonText element(int index) {
        int n = children.size();
        int at = index < 0 ? n + index : index;
        return at >= 0 && at < n ? children.get(at) : null;
    }

    /** ->>: a string's value, SQL NULL for null, otherwise the text as written. */
    String asText() {
        return switch (kind) {
            case STRING -> unescape(text);
            case NULL -> null;
            default -> text;
        };
    }
}
