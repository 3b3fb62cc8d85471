package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The casts between int8 and oid (oid.c): an OID is an unsigned 32-bit number, held as a Long. */
final class OidFunctions {
    private OidFunctions() {}

    static void register(FunctionRegistry r) {
        r.register("i8tooid", (x, c) -> {
            long v = (Long) x[0];
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "OID out of range");
            }
            return v;
        });
        r.register("oidtoi8", (x, c) -> ((Number) x[0]).longValue() & 0xFFFFFFFFL);
    }
}
