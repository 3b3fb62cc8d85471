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
        r.register("inet_client_addr", (x, c) -> inet(c.clientAddress()));
        r.register("inet_client_port", (x, c) -> c.clientAddress() == null ? null : c.clientAddress().getPort());
        r.register("inet_server_addr", (x, c) -> inet(c.serverAddress()));
        r.register("inet_server_port", (x, c) -> c.serverAddress() == null ? null : c.serverAddress().getPort());
        r.register("show_config_by_name", (x, c) -> setting(c, (String) x[0], false));
        r.register("show_config_by_name_missing_ok", (x, c) -> setting(c, (String) x[0], (Boolean) x[1]));
    }

    /** A socket address as inet (a host address: full netmask); null for Unix sockets and in-process sessions. */
    private static org.lakepg.wire.types.PgInet inet(java.net.InetSocketAddress address) {
        if (address == null || address.getAddress() == null) {
            return null;
        }
        byte[] bytes = address.getAddress().getAddress();
        boolean v4 = bytes.length == 4;
        return new org.lakepg.wire.types.PgInet(v4 ? org.lakepg.wire.types.PgInet.AF_INET
                : org.lakepg.wire.types.PgInet.AF_INET6, v4 ? 32 : 128, bytes);
    }

    private static String setting(org.lakepg.server.function.FunctionContext c, String name, boolean missingOk) {
        String value = c.setting(name);
        if (value == null && !missingOk) {
            throw PgException.of(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"%s\"", name);
        }
        return value;
    }
}
