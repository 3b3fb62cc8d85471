package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Functions about the session: who, where, which version and settings. */
public final class SessionFunctions {
    private SessionFunctions() {}

    public static final String VERSION =
            "PostgreSQL 15.18 (lakepg 0.1.0) on x86_64-pc-linux-gnu, compiled by javac 21, 64-bit";

    public static void register(FunctionRegistry r) {
        r.register("current_user", (x, c) -> c.currentUser());
        r.register("session_user", (x, c) -> c.sessionUser());
        r.register("current_database", (x, c) -> c.currentDatabase());
        r.register("current_schema", (x, c) -> CatalogVisibilityFunctions.currentSchema(c.catalogView()));
        r.register("pgsql_version", (x, c) -> VERSION);
        r.register("pg_backend_pid", (x, c) -> c.backendPid());
        r.register("show_config_by_name", (x, c) -> setting(c, (String) x[0], false));
        r.register("show_config_by_name_missing_ok", (x, c) -> setting(c, (String) x[0], (Boolean) x[1]));
    }

    private static String setting(org.lakepg.server.function.FunctionContext c, String name, boolean missingOk) {
        String value = c.setting(name);
        if (value == null && !missingOk) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
        }
        return value;
    }
}
