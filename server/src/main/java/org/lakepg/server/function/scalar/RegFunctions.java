package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.systemcatalog.RegTypes;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** to_regclass and friends (a name to an OID, NULL when there is no such object) and text::regclass. */
public final class RegFunctions {
    private RegFunctions() {}

    public static void register(FunctionRegistry r) {
        Object[][] lookups = {{"to_regclass", 2205L}, {"to_regtype", 2206L}, {"to_regproc", 24L},
                {"to_regprocedure", 2202L}, {"to_regoper", 2203L}, {"to_regoperator", 2204L},
                {"to_regnamespace", 4089L}, {"to_regrole", 4096L}, {"to_regcollation", 4191L}};
        for (Object[] l : lookups) {
            long type = (Long) l[1];
            r.register((String) l[0], (x, c) -> orNull(type, (String) x[0], c));
        }
        r.register("text_regclass", (x, c) -> RegTypes.input(2205, (String) x[0], c.catalogView()));
    }

    /** Syntax errors still fail, as in PostgreSQL; only a missing object gives NULL. */
    private static Long orNull(long type, String text, FunctionContext c) {
        try {
            return RegTypes.input(type, text, c.catalogView());
        } catch (PgException e) {
            if (e.sqlState() == SqlState.INVALID_NAME || e.sqlState() == SqlState.SYNTAX_ERROR) {
                throw e;
            }
            return null;
        }
    }
}
