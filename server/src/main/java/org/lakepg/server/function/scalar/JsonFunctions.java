package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgArray;

/** json (text) operators -> ->> #> #>>, json_typeof, json_array_length and json_strip_nulls. */
public final class JsonFunctions {
    private JsonFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("json_object_field", (x, c) -> text(field(parse(x[0]), (String) x[1])));
        r.register("json_object_field_text", (x, c) -> asText(field(parse(x[0]), (String) x[1])));
        r.register("json_array_element", (x, c) -> text(element(parse(x[0]), ((Number) x[1]).intValue())));
        r.register("json_array_element_text", (x, c) -> asText(element(parse(x[0]), ((Number) x[1]).intValue())));
        r.register("json_extract_path", (x, c) -> text(path(parse(x[0]), (PgArray) x[1])));
        r.register("json_extract_path_text", (x, c) -> asText(path(parse(x[0]), (PgArray) x[1])));
        r.register("json_typeof", (x, c) -> switch (parse(x[0]).kind()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
        });
        r.register("json_array_length", (x, c) -> {
            JsonText v = parse(x[0]);
            return switch (v.kind()) {
                case ARRAY -> v.children().size();
                case OBJECT -> throw JsonbOperators.invalid("cannot get array length of a non-array");
                default -> throw JsonbOperators.invalid("cannot get array length of a scalar");
            };
        });
        r.register("json_strip_nulls", (x, c) -> {
            StringBuilder out = new StringBuilder();
            stripNulls(parse(x[0]), out);
            return out.toString();
        });
    }

    private static JsonText parse(Object json) {
        return JsonText.parse((String) json);
    }

    private static JsonText field(JsonText v, String key) {
        return v.kind() == JsonText.Kind.OBJECT ? v.field(key) : null;
    }

    private static JsonText element(JsonText v, int index) {
        return v.kind() == JsonText.Kind.ARRAY ? v.element(index) : null;
    }

    private static String text(JsonText v) {
        return v == null ? null : v.text();
    }

    private static String asText(JsonText v) {
        return v == null ? null : v.asText();
    }

    private static JsonText path(JsonText v, PgArray path) {
        JsonText current = v;
        for (Object step : path.elements()) {
            if (step == null || current == null) {
                return null;
            }
            String key = (String) step;
            current = switch (current.kind()) {
                case OBJECT -> current.field(key);
                case ARRAY -> {
                    Integer index = JsonbOperators.parseIndex(key);
                    yield index == null ? null : current.element(index);
                }
                default -> null;
            };
        }
        return current;
    }

    /** Re-emits without insignificant whitespace, dropping object members whose value is null. */
    private static void stripNulls(JsonText v, StringBuilder out) {
        switch (v.kind()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                List<JsonText> children = v.children();
                for (int i = 0; i < children.size(); i++) {
                    if (children.get(i).kind() == JsonText.Kind.NULL) {
                        continue;
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(new org.lakepg.wire.types.Jsonb.Str(v.keys().get(i))).append(':');
                    stripNulls(children.get(i), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < v.children().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    stripNulls(v.children().get(i), out);
                }
                out.append(']');
            }
            default -> out.append(v.text());
        }
    }
}
