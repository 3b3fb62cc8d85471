package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;

/**
 * json_agg, jsonb_agg, json_object_agg and jsonb_object_agg: each value is converted by its SQL type (bound through
 * TypedCode: argument 1 of the transition function is the value, 1 and 2 the key and value) as to_json does.
 */
public final class JsonAggregates {
    private JsonAggregates() {
    }

    public static void register(FunctionRegistry r) {
        r.register("json_agg_transfn", new TypedCode((x, t, c) -> {
            List<String> state = list(x[0]);
            // arrays and rows after the first item start on a new line, as PostgreSQL's json_agg_transfn does
            boolean structured = x[1] instanceof org.lakepg.wire.types.PgArray
                    || x[1] instanceof org.lakepg.server.catalog.types.RowValue;
            state.add((structured && !state.isEmpty() ? "\n " : "") + JsonBuild.json(x[1], t.of(1), c));
            return state;
        }));
        r.register("json_agg_finalfn", (x, c) -> x[0] == null ? null : "[" + String.join(", ", list(x[0])) + "]");
        r.register("jsonb_agg_transfn", new TypedCode((x, t, c) -> {
            List<Jsonb> state = list(x[0]);
            state.add(JsonBuild.jsonb(x[1], t.of(1), c));
            return state;
        }));
        r.register("jsonb_agg_finalfn", (x, c) -> x[0] == null ? null : new Jsonb.Array(List.copyOf(list(x[0]))));
        r.register("json_object_agg_transfn", new TypedCode((x, t, c) -> {
            List<String> state = list(x[0]);
            state.add(new Jsonb.Str(key(x, t, c)) + " : " + JsonBuild.json(x[2], t.of(2), c));
            return state;
        }));
        r.register("json_object_agg_finalfn", (x, c) -> x[0] == null ? null
                : "{ " + String.join(", ", list(x[0])) + " }");
        r.register("jsonb_object_agg_transfn", new TypedCode((x, t, c) -> {
            List<Map.Entry<String, Jsonb>> state = list(x[0]);
            state.add(Map.entry(key(x, t, c), JsonBuild.jsonb(x[2], t.of(2), c)));
            return state;
        }));
        r.register("jsonb_object_agg_finalfn", (x, c) -> {
            if (x[0] == null) {
                return null;
            }
            List<Map.Entry<String, Jsonb>> members = list(x[0]);
            return Jsonb.Obj.of(members);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object state) {
        return state == null ? new ArrayList<>() : (List<T>) state;
    }

    private static String key(Object[] x, TypedCode.ArgumentTypes types, FunctionContext context) {
        if (x[1] == null) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "field name must not be null");
        }
        return AnyValueText.output(x[1], types.of(1), context);
    }
}
