package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/** nextval, currval, setval and lastval: the session's sequences do the work (PostgreSQL's sequence.c). */
public final class SequenceFunctions {
    private SequenceFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("nextval_oid", (x, c) -> c.sequences().nextval(x[0]));
        r.register("currval_oid", (x, c) -> c.sequences().currval(x[0]));
        r.register("setval_oid", (x, c) -> c.sequences().setval(x[0], (Long) x[1], true));
        r.register("setval3_oid", (x, c) -> c.sequences().setval(x[0], (Long) x[1], (Boolean) x[2]));
        r.register("lastval", (x, c) -> c.sequences().lastval());
    }
}
