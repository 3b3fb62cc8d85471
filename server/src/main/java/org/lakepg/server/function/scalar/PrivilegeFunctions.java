package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/**
 * has_table_privilege, has_sequence_privilege, has_schema_privilege, has_function_privilege,
 * has_tablespace_privilege, has_column_privilege, has_any_column_privilege and pg_has_role in all their forms.
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
        // has_column_privilege([role,] table, column, privilege): the table and column travel as one pair
        for (String role : new String[] {"name_", "id_"}) {
            for (String table : new String[] {"name_", "id_"}) {
                for (String column : new String[] {"name", "attnum"}) {
                    r.register("has_column_privilege_" + role + table + column, (x, c) -> c.hasPrivilege(x[0], "column",
                            java.util.Arrays.asList(x[1], x[2]), (String) x[3]));
                }
            }
        }
        for (String table : new String[] {"name_", "id_"}) {
            for (String column : new String[] {"name", "attnum"}) {
                r.register("has_column_privilege_" + table + column, (x, c) -> c.hasPrivilege(null, "column",
                        java.util.Arrays.asList(x[0], x[1]), (String) x[2]));
            }
        }
        for (String suffix : new String[] {"name_name", "name_id", "id_name", "id_id"}) {
            r.register("has_any_column_privilege_" + suffix, (x, c) -> c.hasPrivilege(x[0], "any column", x[1],
                    (String) x[2]));
        }
        r.register("has_any_column_privilege_name", (x, c) -> c.hasPrivilege(null, "any column", x[0], (String) x[1]));
        r.register("has_any_column_privilege_id", (x, c) -> c.hasPrivilege(null, "any column", x[0], (String) x[1]));
        r.register("pg_has_role_name_name", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_name_id", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_id_name", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_id_id", (x, c) -> c.hasPrivilege(x[0], "role", x[1], (String) x[2]));
        r.register("pg_has_role_name", (x, c) -> c.hasPrivilege(null, "role", x[0], (String) x[1]));
        r.register("pg_has_role_id", (x, c) -> c.hasPrivilege(null, "role", x[0], (String) x[1]));
    }
}
