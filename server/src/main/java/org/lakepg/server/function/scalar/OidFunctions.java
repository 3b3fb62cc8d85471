package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The casts between int8 and oid (oid.c): an OID is an unsigned 32-bit number, held as a Long. Also
 * pg_encoding_max_length, which information_schema's _pg_char_octet_length calls with an encoding number.
 */
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
        r.register("pg_encoding_max_length_sql", (x, c) -> encodingMaxLength((Integer) x[0]));
    }

    /** Bytes per character at most, by PostgreSQL's encoding number (pg_wchar.h); NULL for an invalid one. */
    private static Integer encodingMaxLength(int encoding) {
        return switch (encoding) {
            case 1, 2, 3, 5, 40 -> 3;
            case 4, 6, 7, 39 -> 4;
            case 35, 36, 37, 38, 41 -> 2;
            default -> encoding >= 0 && encoding <= 41 ? 1 : null;
        };
    }
}
