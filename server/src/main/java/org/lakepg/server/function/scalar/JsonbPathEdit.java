package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgArray;

/** Edits at a text[] path: jsonb_set, jsonb_set_lax, jsonb_insert and the #- operator (setPath in jsonfuncs.c). */
public final class JsonbPathEdit {
    private JsonbPathEdit() {}

    private enum Mode { SET, INSERT_BEFORE, INSERT_AFTER, DELETE }

    public static void register(FunctionRegistry r) {
        r.register("jsonb_set", (x, c) -> edit(JsonbOperators.j(x[0]), (PgArray) x[1], JsonbOperators.j(x[2]),
                (Boolean) x[3], Mode.SET));
        r.register("jsonb_insert", (x, c) -> edit(JsonbOperators.j(x[0]), (PgArray) x[1], JsonbOperators.j(x[2]),
                true, (Boolean) x[3] ? Mode.INSERT_AFTER : Mode.INSERT_BEFORE));
        r.register("jsonb_delete_path", (x, c) -> edit(JsonbOperators.j(x[0]), (PgArray) x[1], null, false,
                Mode.DELETE));
        r.register("jsonb_set_lax", (x, c) -> setLax(x));
    }

    /** jsonb_set_lax: like jsonb_set, but an SQL NULL new value is handled as null_value_treatment says. */
    private static Jsonb setLax(Object[] x) {
        if (x[0] == null || x[1] == null || x[3] == null) {
            return null;
        }
        String treatment = (String) x[4];
        if (treatment == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                    "null_value_treatment must be \"delete_key\", \"return_target\", \"use_json_null\", or \"raise_exception\"");
        }
        Jsonb target = JsonbOperators.j(x[0]);
        PgArray path = (PgArray) x[1];
        if (x[2] != null) {
            return edit(target, path, JsonbOperators.j(x[2]), (Boolean) x[3], Mode.SET);
        }
        return switch (treatment) {
            case "raise_exception" -> throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "JSON value must not be null")
                    .withDetail("Exception was raised because null_value_treatment is \"raise_exception\".")
                    .withHint("To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed.");
            case "use_json_null" -> edit(target, path, new Jsonb.Null(), (Boolean) x[3], Mode.SET);
            case "delete_key" -> edit(target, path, null, false, Mode.DELETE);
            case "return_target" -> target;
            default -> throw JsonbOperators.invalid(
                    "null_value_treatment must be \"delete_key\", \"return_target\", \"use_json_null\", or \"raise_exception\"");
        };
    }

    private static Jsonb edit(Jsonb target, PgArray pathArray, Jsonb value, boolean create, Mode mode) {
        Object[] raw = pathArray.elements();
        if (JsonbValues.isScalar(target)) {
            throw JsonbOperators.invalid(mode == Mode.DELETE ? "cannot delete path in scalar" : "cannot set path in scalar");
        }
        boolean empty = target instanceof Jsonb.Array a && a.elements().isEmpty()
                || target instanceof Jsonb.Obj o && o.members().isEmpty();
        if (raw.length == 0 || mode == Mode.DELETE && empty) {
            // jsonb_delete_path returns an empty container as it is, before reading the path
            return target;
        }
        String[] path = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) {
                if (mode == Mode.DELETE) {
                    throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "path element at position %d is null", i + 1);
                }
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "path element at position %d is null", i + 1);
            }
            path[i] = (String) raw[i];
        }
        return apply(target, path, 0, value, create, mode);
    }

    private static Jsonb apply(Jsonb node, String[] path, int level, Jsonb value, boolean create, Mode mode) {
        boolean last = level == path.length - 1;
        String key = path[level];
        if (node instanceof Jsonb.Obj o) {
            Jsonb existing = o.get(key);
            List<Map.Entry<String, Jsonb>> members = new ArrayList<>(o.members());
            if (existing == null) {
                if (last && create && mode != Mode.DELETE) {
                    members.add(Map.entry(key, value));
                    return Jsonb.Obj.of(members);
                }
                return node;
            }
            if (last) {
                if (mode == Mode.INSERT_AFTER || mode == Mode.INSERT_BEFORE) {
                    throw JsonbOperators.invalid("cannot replace existing key")
                            .withHint("Try using the function jsonb_set to replace key value.");
                }
                members.removeIf(m -> m.getKey().equals(key));
                if (mode == Mode.SET) {
                    members.add(Map.entry(key, value));
                }
                return Jsonb.Obj.of(members);
            }
            Jsonb changed = JsonbValues.isScalar(existing) ? existing : apply(existing, path, level + 1, value, create, mode);
            members.replaceAll(m -> m.getKey().equals(key) ? Map.entry(key, changed) : m);
            return new Jsonb.Obj(members);
        }
        if (node instanceof Jsonb.Array a) {
            Integer index = JsonbOperators.parseIndex(key);
            if (index == null) {
                throw PgException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                        "path element at position %d is not an integer: \"%s\"", level + 1, key);
            }
            List<Jsonb> elements = new ArrayList<>(a.elements());
            int n = elements.size();
            int at = index < 0 ? n + index : index;
            if (at < 0 || at >= n) {
                if (last && create && mode != Mode.DELETE) {
                    elements.add(at < 0 ? 0 : n, value);
                    return new Jsonb.Array(elements);
                }
                return node;
            }
            if (last) {
                switch (mode) {
                    case SET -> elements.set(at, value);
                    case DELETE -> elements.remove(at);
                    case INSERT_BEFORE -> elements.add(at, value);
                    case INSERT_AFTER -> elements.add(at + 1, value);
                }
                return new Jsonb.Array(elements);
            }
            Jsonb child = elements.get(at);
            if (!JsonbValues.isScalar(child)) {
                elements.set(at, apply(child, path, level + 1, value, create, mode));
            }
            return new Jsonb.Array(elements);
        }
        return node;
    }
}
