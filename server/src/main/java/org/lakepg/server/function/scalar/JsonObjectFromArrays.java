package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgArray;

/**
 * json_object / jsonb_object from text arrays: one array of alternating keys and values (or of
 * key/value rows), or a key array and a value array. Values become JSON strings, NULL becomes null.
 */
public final class JsonObjectFromArrays {
    private JsonObjectFromArrays() {}

    public static void register(FunctionRegistry r) {
        r.register("json_object", (x, c) -> json(pairs((PgArray) x[0])));
        r.register("jsonb_object", (x, c) -> jsonb(pairs((PgArray) x[0])));
        r.register("json_object_two_arg", (x, c) -> json(pairs((PgArray) x[0], (PgArray) x[1])));
        r.register("jsonb_object_two_arg", (x, c) -> jsonb(pairs((PgArray) x[0], (PgArray) x[1])));
    }

    private static PgException arrayError(String message) {
        return PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, message);
    }

    private static List<String[]> pairs(PgArray array) {
        int[] dims = array.dims();
        Object[] e = array.elements();
        switch (dims.length) {
            case 0 -> {
                return List.of();
            }
            case 1 -> {
                if (dims[0] % 2 != 0) {
                    throw arrayError("array must have even number of elements");
                }
            }
            case 2 -> {
                if (dims[1] != 2) {
                    throw arrayError("array must have two columns");
                }
            }
            default -> throw arrayError("wrong number of array subscripts");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < e.length; i += 2) {
            out.add(new String[] {key(e[i]), (String) e[i + 1]});
        }
        return out;
    }

    private static List<String[]> pairs(PgArray keys, PgArray values) {
        if (keys.dims().length > 1 || values.dims().length > 1) {
            throw arrayError("wrong number of array subscripts");
        }
        Object[] k = keys.elements();
        Object[] v = values.elements();
        if (k.length != v.length) {
            throw arrayError("mismatched array dimensions");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            out.add(new String[] {key(k[i]), (String) v[i]});
        }
        return out;
    }

    private static String key(Object k) {
        if (k == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "null value not allowed for object key");
        }
        return (String) k;
    }

    private static String json(List<String[]> pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(new Jsonb.Str(pairs.get(i)[0])).append(" : ")
                    .append(pairs.get(i)[1] == null ? "null" : new Jsonb.Str(pairs.get(i)[1]).toString());
        }
        return out.append('}').toString();
    }

    private static Jsonb jsonb(List<String[]> pairs) {
        List<Map.Entry<String, Jsonb>> members = new ArrayList<>();
        for (String[] p : pairs) {
            members.add(Map.entry(p[0], p[1] == null ? new Jsonb.Null() : new Jsonb.Str(p[1])));
        }
        return Jsonb.Obj.of(members);
    }
}
