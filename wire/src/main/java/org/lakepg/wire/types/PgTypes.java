package org.lakepg.wire.types;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The registry of every type lakepg can send and receive, by OID and by name. */
public final class PgTypes {

    private static final Map<Integer, PgType<?>> BY_OID = new LinkedHashMap<>();
    private static final Map<String, PgType<?>> BY_NAME = new LinkedHashMap<>();

    /** SQL spellings PostgreSQL's grammar maps to pg_type names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("boolean", "bool"), Map.entry("smallint", "int2"), Map.entry("integer", "int4"),
            Map.entry("int", "int4"), Map.entry("bigint", "int8"), Map.entry("real", "float4"),
            Map.entry("double precision", "float8"), Map.entry("float", "float8"), Map.entry("decimal", "numeric"),
            Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("\"char\"", "char"));

    static {
        List<PgType<?>> scalars = List.of(
                BoolType.INSTANCE, ByteaType.INSTANCE, CharType.INSTANCE, NameType.INSTANCE, Int8Type.INSTANCE,
                Int2Type.INSTANCE, Int4Type.INSTANCE, TextType.TEXT, OidType.INSTANCE, JsonType.INSTANCE,
                Float4Type.INSTANCE, Float8Type.INSTANCE, TextType.UNKNOWN, TextType.BPCHAR, TextType.VARCHAR,
                DateType.INSTANCE, TimeType.INSTANCE, TimestampType.INSTANCE, TimestampTzType.INSTANCE,
                IntervalType.INSTANCE, TimeTzType.INSTANCE, NumericType.INSTANCE, UuidType.INSTANCE,
                PgLsnType.INSTANCE, JsonbType.INSTANCE, VectorType.INT2VECTOR, TidType.INSTANCE, XidType.XID,
                XidType.CID, VectorType.OIDVECTOR, Xid8Type.INSTANCE,
                PointType.INSTANCE, LsegType.INSTANCE, PathType.INSTANCE, BoxType.INSTANCE, PolygonType.INSTANCE,
                LineType.INSTANCE, CircleType.INSTANCE, InetType.INET, InetType.CIDR, MacaddrType.INSTANCE,
                Macaddr8Type.INSTANCE, MoneyType.INSTANCE, BitStringType.BIT, BitStringType.VARBIT,
                JsonPathType.INSTANCE, SnapshotType.PG_SNAPSHOT, SnapshotType.TXID_SNAPSHOT,
                TsVectorType.INSTANCE, TsQueryType.INSTANCE, RegconfigType.INSTANCE, VoidType.INSTANCE);
        for (PgType<?> type : scalars) {
            register(type);
        }
        for (PgType<?> type : scalars) {
            if (type.arrayOid() != 0) {
                register(new ArrayType(type.arrayOid(), type));
            }
        }
    }

    private PgTypes() {
    }

    private static void register(PgType<?> type) {
        BY_OID.put(type.oid(), type);
        BY_NAME.put(type.name(), type);
    }

    /** null if lakepg does not know the OID. */
    public static PgType<?> byOid(int oid) {
        return BY_OID.get(oid);
    }

    /**
     * By pg_type name ("int4", "_int4"), SQL spelling ("integer", "double precision") or with
     * a trailing "[]" for the array type; null if unknown. "char" is the pg_type name, i.e. the
     * one-byte internal type; SQL's char(n) is "bpchar" or "character".
     */
    public static PgType<?> byName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.endsWith("[]")) {
            PgType<?> element = byName(key.substring(0, key.length() - 2));
            return element == null || element.arrayOid() == 0 ? null : byOid(element.arrayOid());
        }
        PgType<?> type = BY_NAME.get(key);
        return type != null ? type : BY_NAME.get(ALIASES.getOrDefault(key, key));
    }

    /** The array type over an element type; null if it has none. */
    public static ArrayType arrayOf(PgType<?> elementType) {
        return elementType.arrayOid() == 0 ? null : (ArrayType) byOid(elementType.arrayOid());
    }

    public static Collection<PgType<?>> all() {
        return Collections.unmodifiableCollection(BY_OID.values());
    }
}
