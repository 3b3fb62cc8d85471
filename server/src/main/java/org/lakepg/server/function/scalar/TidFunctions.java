package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/** Comparisons of tids (row addresses), as WHERE CURRENT OF finds the cursor's row by one. */
public final class TidFunctions {
    private TidFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("tideq", (x, c) -> x[0].equals(x[1]));
        r.register("tidne", (x, c) -> !x[0].equals(x[1]));
    }
}
