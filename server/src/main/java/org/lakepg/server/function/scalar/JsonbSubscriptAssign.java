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
 * {@code UPDATE t SET j['a'][0] = v} on jsonb (jsonb_subscript_assign and setPath with PostgreSQL's CREATE,
 * FILL_GAPS and CONSISTENT_POSITION flags): missing keys and containers along the path are created, arrays are
 * padded with nulls up to the index, and a NULL column starts as an empty array or object.
 */
public final class JsonbSubscriptAssign {
    private JsonbSubscriptAssign() {}

    public static final long FUNCTION_OID = 9060;
    public static final String NAME = "lakepg_jsonb_subscript_assign";

    public static void register(FunctionRegistry r) {
        // (source jsonb, path text[], value jsonb, first subscript is an integer)
        r.register(NAME, (x, c) -> assign((Jsonb) x[0], (PgArray) x[1], (Jsonb) x[2], (Boolean) x[3]));
    }

    /**
     * {@code j[k1][k2] = v} as the executor's assignment code calls it: subscripts are Integers or Strings; a NULL
     * jsonb becomes an array when the first subscript is an integer, else an object.
     */
    public static Jsonb assign(Object source, Object[] path, Object value) {
        Object[] texts = new Object[path.length];
        for (int i = 0; i < path.length; i++) {
            texts[i] = path[i] == null ? null : path[i].toString();
        }
        return assign((Jsonb) source, texts, (Jsonb) value, path.length > 0 && path[0] instanceof Integer);
    }

    static Jsonb assign(Jsonb source, PgArray pathArray, Jsonb value, boolean expectArray) {
        return assign(source, pathArray.elements(), value, expectArray);
    }

    private static Jsonb assign(Jsonb source, Object[] raw, Jsonb value, boolean expectArray) {
        String[] path = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "jsonb subscript in assignment must not be null");
            }
            path[i] = (String) raw[i];
        }
        Jsonb start = source != null ? source : expectArray ? new Jsonb.Array(List.of()) : Jsonb.Obj.of(List.of());
        return set(start, path, 0, value == null ? new Jsonb.Null() : value);
    }

    private static Jsonb set(Jsonb node, String[] path, int level, Jsonb value) {
        boolean last = level == path.length - 1;
        String key = path[level];
        if (node instanceof Jsonb.Obj o) {
            Jsonb existing = o.get(key);
            Jsonb child = last ? value : existing != null ? set(existing, path, level + 1, value)
                    : create(path, level + 1, value);
            List<Map.Entry<String, Jsonb>> members = new ArrayList<>(o.members());
            members.removeIf(m -> m.getKey().equals(key));
            members.add(Map.entry(key, child));
            return Jsonb.Obj.of(members);
        }
        if (node instanceof Jsonb.Array a) {
            Integer index = JsonbOperators.parseIndex(key);
            if (index == null) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "path element at position %d is not an integer: \"%s\"", level + 1, key);
            }
            List<Jsonb> elements = new ArrayList<>(a.elements());
            int n = elements.size();
            int at = index;
            if (at < 0) {
                if (-at > n) {
                    throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "path element at position %d is out of range: %d", level + 1, index);
                }
                at = n + at;
            }
            if (at < n) {
                elements.set(at, last ? value : set(elements.get(at), path, level + 1, value));
            } else {
                for (int i = n; i < at; i++) {
                    elements.add(new Jsonb.Null());
                }
                elements.add(last ? value : create(path, level + 1, value));
            }
            return new Jsonb.Array(elements);
        }
        throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot replace existing key")
                .withDetail("The path assumes key is a composite object, but it is a scalar value.");
    }

    /** push_path: the containers the rest of the path names, an integer making an array padded with nulls. */
    private static Jsonb create(String[] path, int level, Jsonb value) {
        boolean last = level == path.length - 1;
        Jsonb inner = last ? value : create(path, level + 1, value);
        Integer index = JsonbOperators.parseIndex(path[level]);
        if (index == null) {
            return Jsonb.Obj.of(List.of(Map.entry(path[level], inner)));
        }
        List<Jsonb> elements = new ArrayList<>();
        for (int i = 0; i < index; i++) {
            elements.add(new Jsonb.Null());
        }
        elements.add(inner);
        return new Jsonb.Array(elements);
    }
}
