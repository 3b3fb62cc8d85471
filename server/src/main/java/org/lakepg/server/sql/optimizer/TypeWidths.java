package org.lakepg.server.sql.optimizer;

import org.lakepg.server.catalog.TypeOids;

/** The width the planner assumes for a value of a type without statistics (PostgreSQL's get_typavgwidth). */
final class TypeWidths {
    private TypeWidths() {}

    /** Whether values of the type vary in length, so that ANALYZE's average width says more than the type. */
    static boolean variable(long type) {
        return of(type, -1) == 32;
    }

    static int of(long type, int typmod) {
        if (type == TypeOids.BOOL || type == TypeOids.CHAR) {
            return 1;
        }
        if (type == TypeOids.INT2) {
            return 2;
        }
        if (type == TypeOids.INT4 || type == TypeOids.FLOAT4 || type == TypeOids.OID || type == TypeOids.DATE
                || type == TypeOids.REGCLASS || type == TypeOids.REGTYPE || type == TypeOids.REGPROC) {
            return 4;
        }
        if (type == TypeOids.INT8 || type == TypeOids.FLOAT8 || type == TypeOids.TIMESTAMP
                || type == TypeOids.TIMESTAMPTZ || type == TypeOids.TIME || type == TypeOids.PG_LSN) {
            return 8;
        }
        if (type == TypeOids.TIMETZ) {
            return 12;
        }
        if (type == TypeOids.INTERVAL || type == TypeOids.UUID) {
            return 16;
        }
        if (type == TypeOids.NAME) {
            return 64;
        }
        if ((type == TypeOids.VARCHAR || type == TypeOids.BPCHAR) && typmod > 4) {
            int max = (typmod - 4) * 4 + 4; // UTF8: up to 4 bytes a character, plus the length word
            if (type == TypeOids.BPCHAR || max <= 32) {
                return max;
            }
            return max < 1000 ? 32 + (max - 32) / 2 : 32 + (1000 - 32) / 2;
        }
        return 32;
    }
}
