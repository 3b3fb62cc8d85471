package org.lakepg.server.exec.expr;

import org.lakepg.server.catalog.TypeOids;

/**
 * int4 and the OID types (oid, regclass, regtype ...) are binary-coercible in PostgreSQL, but lakepg
 * holds int4 as Integer and OIDs as Long (unsigned 32-bit): a relabelling between them converts.
 */
final class OidRelabel {
    private OidRelabel() {}

    static CompiledExpr wrap(CompiledExpr argument, long from, long to) {
        if (from == TypeOids.INT4 && isOidLike(to)) {
            return (row, context) -> {
                Object v = argument.eval(row, context);
                return v == null ? null : ((Integer) v).longValue() & 0xFFFFFFFFL;
            };
        }
        if (isOidLike(from) && to == TypeOids.INT4) {
            return (row, context) -> {
                Object v = argument.eval(row, context);
                return v == null ? null : (int) ((Long) v).longValue();
            };
        }
        return argument;
    }

    private static boolean isOidLike(long type) {
        return type == TypeOids.OID || type == TypeOids.REGPROC || type == TypeOids.REGCLASS
                || type == TypeOids.REGTYPE || type == 2202 || type == 2203 || type == 2204 || type == 4089
                || type == 4096 || type == 3734 || type == 3769 || type == 4191;
    }
}
