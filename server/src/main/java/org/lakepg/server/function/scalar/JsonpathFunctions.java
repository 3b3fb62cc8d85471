package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.JsonPath;
import org.lakepg.wire.types.Jsonb;

/** jsonb_path_exists/_match/_query_array/_query_first and the @? and @@ operators (jsonpath_exec.c). */
public final class JsonpathFunctions {
    private JsonpathFunctions() {}

    private static final Jsonb EMPTY_VARS = Jsonb.Obj.of(List.of());

    public static void register(FunctionRegistry r) {
        for (String suffix : new String[] {"", "_tz"}) {
            r.register("jsonb_path_exists" + suffix, (x, c) -> exists(x[0], x[1], x[2], (Boolean) x[3]));
            r.register("jsonb_path_match" + suffix, (x, c) -> match(x[0], x[1], x[2], (Boolean) x[3]));
            r.register("jsonb_path_query_array" + suffix, (x, c) -> {
                List<Jsonb> found = run(x[0], x[1], x[2], (Boolean) x[3]);
                return new Jsonb.Array(found == null ? List.of() : found);
            });
            r.register("jsonb_path_query_first" + suffix, (x, c) -> {
                List<Jsonb> found = run(x[0], x[1], x[2], (Boolean) x[3]);
                return found == null || found.isEmpty() ? null : found.get(0);
            });
        }
        r.register("jsonb_path_exists_opr", (x, c) -> exists(x[0], x[1], EMPTY_VARS, true));
        r.register("jsonb_path_match_opr", (x, c) -> match(x[0], x[1], EMPTY_VARS, true));
    }

    private static JsonpathExecutor executor(Object target, Object path, Object vars) {
        return new JsonpathExecutor((JsonPath) path, (Jsonb) target, (Jsonb) vars);
    }

    /** jsonb_path_query's rows: every item the path yields (none when silent suppressed a path error). */
    public static List<Jsonb> query(Object target, Object path, Object vars, boolean silent) {
        List<Jsonb> found = run(target, path, vars, silent);
        return found == null ? List.of() : found;
    }

    /** All results, or null when a path error happened and silent suppressed it. */
    private static List<Jsonb> run(Object target, Object path, Object vars, boolean silent) {
        try {
            return executor(target, path, vars).all();
        } catch (JsonpathExecutor.PathError e) {
            if (silent) {
                return null;
            }
            throw e.error;
        }
    }

    private static Object exists(Object target, Object path, Object vars, boolean silent) {
        try {
            return executor(target, path, vars).exists();
        } catch (JsonpathExecutor.PathError e) {
            if (silent) {
                return null;
            }
            throw e.error;
        }
    }

    private static Object match(Object target, Object path, Object vars, boolean silent) {
        List<Jsonb> found = run(target, path, vars, silent);
        if (found != null && found.size() == 1) {
            if (found.get(0) instanceof Jsonb.Bool b) {
                return b.value();
            }
            if (found.get(0) instanceof Jsonb.Null) {
                return null;
            }
        }
        if (!silent) {
            throw PgException.of(SqlState.SINGLETON_SQL_JSON_ITEM_REQUIRED, "single boolean result is expected");
        }
        return null;
    }
}
