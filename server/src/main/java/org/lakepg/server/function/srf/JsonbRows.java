package org.lakepg.server.function.srf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;

/** jsonb_each(_text), jsonb_array_elements(_text), jsonb_object_keys (jsonfuncs.c) and jsonb_path_query(_tz). */
final class JsonbRows {
    private JsonbRows() {}

    static void register(SetReturningFunctions r) {
        r.register("jsonb_each", (x, c) -> each(x[0], false));
        r.register("jsonb_each_text", (x, c) -> each(x[0], true));
        r.register("jsonb_array_elements", (x, c) -> elements(x[0], false));
        r.register("jsonb_array_elements_text", (x, c) -> elements(x[0], true));
        for (String suffix : new String[] {"", "_tz"}) {
            r.register("jsonb_path_query" + suffix, (x, c) -> org.lakepg.server.function.scalar.JsonpathFunctions
                    .query(x[0], x[1], x[2], (Boolean) x[3]).stream().map(v -> new Object[] {v}).iterator());
        }
        r.register("jsonb_object_keys", (x, c) -> {
            Jsonb.Obj o = object(x[0], "jsonb_object_keys", "call %s on a scalar", "call %s on an array");
            return o.members().stream().map(m -> new Object[] {m.getKey()}).iterator();
        });
    }

    private static Jsonb.Obj object(Object value, String function, String scalar, String array) {
        if (value instanceof Jsonb.Obj o) {
            return o;
        }
        throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot " + (value instanceof Jsonb.Array a
                && !isRawScalar(a) ? array : scalar), function);
    }

    private static boolean isRawScalar(Jsonb.Array a) {
        return false;
    }

    private static Object text(Jsonb v) {
        return switch (v) {
            case Jsonb.Null n -> null;
            case Jsonb.Str s -> s.value();
            default -> v.toString();
        };
    }

    private static java.util.Iterator<Object[]> each(Object value, boolean asText) {
        Jsonb.Obj o = object(value, asText ? "jsonb_each_text" : "jsonb_each", "call %s on a non-object",
                "call %s on a non-object");
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Jsonb> m : o.members()) {
            rows.add(new Object[] {m.getKey(), asText ? text(m.getValue()) : m.getValue()});
        }
        return rows.iterator();
    }

    private static java.util.Iterator<Object[]> elements(Object value, boolean asText) {
        if (!(value instanceof Jsonb.Array a)) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    value instanceof Jsonb.Obj ? "cannot extract elements from an object"
                            : "cannot extract elements from a scalar");
        }
        return a.elements().stream().map(e -> new Object[] {asText ? text(e) : e}).iterator();
    }
}
