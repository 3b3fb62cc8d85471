package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/** Comparisons of booleans (false < true) and the bool aggregates' steps. */
public final class BoolFunctions {
    private BoolFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("booleq", (x, c) -> x[0].equals(x[1]));
        r.register("boolne", (x, c) -> !x[0].equals(x[1]));
        r.register("boollt", (x, c) -> Boolean.compare((Boolean) x[0], (Boolean) x[1]) < 0);
        r.register("boolle", (x, c) -> Boolean.compare((Boolean) x[0], (Boolean) x[1]) <= 0);
        r.register("boolgt", (x, c) -> Boolean.compare((Boolean) x[0], (Boolean) x[1]) > 0);
        r.register("boolge", (x, c) -> Boolean.compare((Boolean) x[0], (Boolean) x[1]) >= 0);
        r.register("btboolcmp", (x, c) -> Boolean.compare((Boolean) x[0], (Boolean) x[1]));
        r.register("booltext", (x, c) -> (Boolean) x[0] ? "true" : "false");
        r.register("booland_statefunc", (x, c) -> (Boolean) x[0] && (Boolean) x[1]);
        r.register("boolor_statefunc", (x, c) -> (Boolean) x[0] || (Boolean) x[1]);
    }
}
