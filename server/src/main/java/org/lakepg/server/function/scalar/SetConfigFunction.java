package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** set_config(name, value, is_local): SET [LOCAL] as a function (pg_dump and GUI clients call it); a NULL value resets. */
final class SetConfigFunction {
    private SetConfigFunction() {}

    static void register(FunctionRegistry r) {
        r.register("set_config_by_name", (x, c) -> {
            if (x[0] == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "SET requires parameter name");
            }
            return c.setConfig((String) x[0], (String) x[1], Boolean.TRUE.equals(x[2]));
        });
    }
}
