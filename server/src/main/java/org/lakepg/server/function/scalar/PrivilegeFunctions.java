package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/**
 * has_table_privilege, has_sequence_privilege, has_schema_privilege, has_function_privilege,
 * has_tablespace_privilege and pg_has_role in all their forms.
 */
public final class PrivilegeFunctions {
    private PrivilegeFunctions() {}

    public static void register(FunctionRegistry r) {
        for (String kind : new String[] {"table", "sequence", "schema", "function", "tablespace"}) {
            String prefix = "has_" + kind + "_privilege";
            r.register(prefix + "_name_name", (x, c) -> c.hasPrivilege(x[0], kind, x[1], (String) x[2]));
            r.register(prefix + "_name_id", (x, c) -> c.hasPrivilege(x[0], kind, x[1], (String) x[2]));
            r.register(prefix + "_id_name", (x, c) -> c.hasPrivilege(x[0], kind, x[1], (String) x[2]));
            r.register(prefix + "_id_id", (x, c) -> c.hasPrivilege(x[0], kind, x[1], (String) x[2]));
            r.register(prefix + "_name", (x, c) -> c.hasPrivilege(null, kind, x[0], (String) x[1]));
            r.register(prefix + "_id", (x, c) -> c.hasPrivilege(null, kind, x[0], (String) x[1]));
        }
        r.register("pg_has_role_name_name", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_name_id", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_id_name", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_id_id", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_name", (x, c) -> c.hasPrivilege(null, "role", x[0], (String) x[1]));
        r.register("pg_has_role_id", (x, c) -> c.hasPrivilege(null, "role", x[0], (String) x[1]));
    }
}
