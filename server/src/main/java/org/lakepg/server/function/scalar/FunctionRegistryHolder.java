package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/** Helpers for families that register code for many pg_proc rows sharing one prosrc. */
final class FunctionRegistryHolder {
    private FunctionRegistryHolder() {}

    static boolean unregistered(FunctionRegistry r, String source) {
        return r.lookup(source).isEmpty();
    }
}
