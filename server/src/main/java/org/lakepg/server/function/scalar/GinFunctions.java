package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/**
 * GIN's maintenance functions. lakepg's GIN indexes file every entry in the entry tree at insert time (there is no
 * fastupdate pending list), so gin_clean_pending_list always has nothing to move.
 */
final class GinFunctions {
    private GinFunctions() {}

    static void register(FunctionRegistry r) {
        r.register("gin_clean_pending_list", (x, c) -> 0L);
    }
}
