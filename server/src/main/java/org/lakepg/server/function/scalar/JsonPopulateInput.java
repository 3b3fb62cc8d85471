package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.wire.types.Jsonb;

/**
 * A json or jsonb value as json(b)_populate_record reads it: its kind, the text a column of a scalar type gets
 * (json keeps the value as written, jsonb prints it), a string's own value, and an object's members (the last of
 * duplicate keys wins) or an array's elements.
 */
record JsonPopulateInput(JsonText.Kind kind, String text, String string, Map<String, JsonPopulateInput> members,
                         List<JsonPopulateInput> elements) {

    /** A json (text) or jsonb (tree) value. */
    static JsonPopulateInput of(Object value) {
        return value instanceof Jsonb j ? ofJsonb(j) : ofJson(JsonText.parse((String) value));
    }

    private static JsonPopulateInput ofJson(JsonText t) {
        Map<String, JsonPopulateInput> members = new LinkedHashMap<>();
        List<JsonPopulateInput> elements = new ArrayList<>();
        if (t.kind() == JsonText.Kind.OBJECT) {
            for (int i = 0; i < t.keys().size(); i++) {
                members.put(t.keys().get(i), ofJson(t.children().get(i)));
            }
        } else if (t.kind() == JsonText.Kind.ARRAY) {
            t.children().forEach(c -> elements.add(ofJson(c)));
        }
        return new JsonPopulateInput(t.kind(), t.text(), t.kind() == JsonText.Kind.STRING ? t.asText() : null, members,
                elements);
    }

    private static JsonPopulateInput ofJsonb(Jsonb j) {
        Map<String, JsonPopulateInput> members = new LinkedHashMap<>();
        List<JsonPopulateInput> elements = new ArrayList<>();
        JsonText.Kind kind = switch (j) {
            case Jsonb.Null n -> JsonText.Kind.NULL;
            case Jsonb.Bool b -> JsonText.Kind.BOOLEAN;
            case Jsonb.Number n -> JsonText.Kind.NUMBER;
            case Jsonb.Str s -> JsonText.Kind.STRING;
            case Jsonb.Array a -> {
                a.elements().forEach(e -> elements.add(ofJsonb(e)));
                yield JsonText.Kind.ARRAY;
            }
            case Jsonb.Obj o -> {
                o.members().forEach(m -> members.put(m.getKey(), ofJsonb(m.getValue())));
                yield JsonText.Kind.OBJECT;
            }
        };
        return new JsonPopulateInput(kind, j.toString(), j instanceof Jsonb.Str s ? s.value() : null, members, elements);
    }

    boolean isNull() {
        return kind == JsonText.Kind.NULL;
    }

    /** The text a scalar column's input function reads: a string's value, any other value as JSON text. */
    String scalarText() {
        return kind == JsonText.Kind.STRING ? string : text;
    }
}
