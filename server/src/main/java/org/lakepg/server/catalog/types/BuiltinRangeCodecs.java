package org.lakepg.server.catalog.types;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.bootstrap.BuiltinCatalog;
import org.lakepg.wire.types.PgType;

/** Codecs of the built-in range types (int4range ... tstzrange) and of their arrays, from pg_type and pg_range. */
final class BuiltinRangeCodecs {
    private BuiltinRangeCodecs() {}

    private static final Map<Long, PgType<?>> CODECS = new ConcurrentHashMap<>();

    /** null when the OID is not a built-in range type or an array of one. */
    static PgType<?> codec(long oid) {
        PgType<?> found = CODECS.get(oid);
        if (found != null) {
            return found;
        }
        BuiltinCatalog builtins = BuiltinCatalog.get();
        TypeEntry t = builtins.type(oid).orElse(null);
        if (t == null) {
            return null;
        }
        PgType<?> codec = null;
        if (t.kind() == TypeEntry.KIND_RANGE) {
            codec = new RangeCodec(oid, builtins.rangeSubtype(oid), t.name(), (int) t.arrayType());
        } else if (t.kind() == TypeEntry.KIND_MULTIRANGE) {
            codec = new MultirangeCodec(oid, builtins.multirangeRange(oid), t.name(), (int) t.arrayType());
        } else if (t.isArray() && builtins.type(t.elementType()).map(e -> e.kind() == TypeEntry.KIND_RANGE
                || e.kind() == TypeEntry.KIND_MULTIRANGE).orElse(false)) {
            codec = new UserArrayCodec((int) oid, codec(t.elementType()), (int) t.elementType());
        }
        if (codec != null) {
            CODECS.put(oid, codec);
        }
        return codec;
    }
}
