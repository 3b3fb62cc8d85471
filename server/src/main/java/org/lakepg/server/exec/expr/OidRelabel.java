package org.lakepg.server.exec.expr;

import org.lakepg.server.catalog.TypeOids;

/**
 * int4 and the OID types (oid, regclass, regtype ...) are binary-coercible in PostgreSQL, but lakepg
 * holds int4 as Integer and OIDs as Long (unsigned 32-bit): a relabelling between them converts.
 */
final class OidRelabel {
    private OidRelabel() {}

    /** int4[] and the OID types' array types, by array type OID: element type OID. */
    private static final java.util.Map<Long, Long> ARRAYS = java.util.Map.ofEntries(
            java.util.Map.entry(1007L, TypeOids.INT4), java.util.Map.entry(1028L, TypeOids.OID),
            java.util.Map.entry(1008L, TypeOids.REGPROC), java.util.Map.entry(2210L, TypeOids.REGCLASS),
            java.util.Map.entry(2211L, TypeOids.REGTYPE), java.util.Map.entry(2207L, 2202L),
            java.util.Map.entry(2208L, 2203L), java.util.Map.entry(2209L, 2204L), java.util.Map.entry(4090L, 4089L),
            java.util.Map.entry(4097L, 4096L), java.util.Map.entry(3735L, 3734L), java.util.Map.entry(3770L, 3769L),
            java.util.Map.entry(4192L, 4191L));

    /** The type whose values a user base type's values are (its I/O functions' type); the type itself otherwise. */
    private static long representation(long type) {
        return org.lakepg.server.catalog.types.UserTypeRegistry.find(type)
                instanceof org.lakepg.server.catalog.types.UserType.Base b && b.oid() == type && !b.shell()
                ? b.representation() : type;
    }

    static CompiledExpr wrap(CompiledExpr argument, long from, long to) {
        long fromValues = representation(from);
        long toValues = representation(to);
        if (fromValues != from || toValues != to) {
            if (fromValues == toValues) {
                return argument;
            }
            // binary coercible: the same bytes read as the other type (an int4's bits as a float4 ...)
            var sender = WireTypeIO.codec(fromValues);
            var receiver = WireTypeIO.codec(toValues);
            return (row, context) -> {
                Object v = argument.eval(row, context);
                return v == null ? null : receiver.decodeBinary(sender.encodeBinaryUnchecked(v));
            };
        }
        Long fromElement = ARRAYS.get(from);
        Long toElement = ARRAYS.get(to);
        if (fromElement != null && toElement != null && !fromElement.equals(toElement)
                && (fromElement == TypeOids.INT4 || toElement == TypeOids.INT4)) {
            return (row, context) -> {
                Object v = argument.eval(row, context);
                return v == null ? null : relabelArray((org.lakepg.wire.types.PgArray) v, toElement);
            };
        }
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

    private static org.lakepg.wire.types.PgArray relabelArray(org.lakepg.wire.types.PgArray a, long toElement) {
        Object[] e = a.elements();
        for (int i = 0; i < e.length; i++) {
            if (e[i] instanceof Integer n) {
                e[i] = n.longValue() & 0xFFFFFFFFL;
            } else if (e[i] instanceof Long n && toElement == TypeOids.INT4) {
                e[i] = (int) n.longValue();
            }
        }
        return new org.lakepg.wire.types.PgArray((int) toElement, a.dims(), a.lowerBounds(), e);
    }

    private static boolean isOidLike(long type) {
        return type == TypeOids.OID || type == TypeOids.REGPROC || type == TypeOids.REGCLASS
                || type == TypeOids.REGTYPE || type == 2202 || type == 2203 || type == 2204 || type == 4089
                || type == 4096 || type == 3734 || type == 3769 || type == 4191;
    }
}
