package org.lakepg.wire.types;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pg_type rows lakepg's types share with PostgreSQL 15, taken from the reference server:
 * {@code select oid, typname, typarray, typlen, typdelim, typelem from pg_type}.
 *
 * @param elementOid for array types the element type, else 0 (the typelem of name, int2vector
 *                   and oidvector marks their subscripting, not an array type, and is not recorded here)
 */
public record PgTypeInfo(int oid, String name, int arrayOid, short typeLength, char delimiter, int elementOid) {

    public static final List<PgTypeInfo> ALL;
    private static final Map<Integer, PgTypeInfo> BY_OID = new HashMap<>();
    private static final Map<String, PgTypeInfo> BY_NAME = new HashMap<>();

    static {
        List<PgTypeInfo> base = List.of(
                new PgTypeInfo(16, "bool", 1000, (short) 1, ',', 0),
                new PgTypeInfo(17, "bytea", 1001, (short) -1, ',', 0),
                new PgTypeInfo(18, "char", 1002, (short) 1, ',', 0),
                new PgTypeInfo(19, "name", 1003, (short) 64, ',', 0),
                new PgTypeInfo(20, "int8", 1016, (short) 8, ',', 0),
                new PgTypeInfo(21, "int2", 1005, (short) 2, ',', 0),
                new PgTypeInfo(23, "int4", 1007, (short) 4, ',', 0),
                new PgTypeInfo(25, "text", 1009, (short) -1, ',', 0),
                new PgTypeInfo(26, "oid", 1028, (short) 4, ',', 0),
                new PgTypeInfo(114, "json", 199, (short) -1, ',', 0),
                new PgTypeInfo(700, "float4", 1021, (short) 4, ',', 0),
                new PgTypeInfo(701, "float8", 1022, (short) 8, ',', 0),
                new PgTypeInfo(705, "unknown", 0, (short) -2, ',', 0),
                new PgTypeInfo(1042, "bpchar", 1014, (short) -1, ',', 0),
                new PgTypeInfo(1043, "varchar", 1015, (short) -1, ',', 0),
                new PgTypeInfo(1082, "date", 1182, (short) 4, ',', 0),
                new PgTypeInfo(1083, "time", 1183, (short) 8, ',', 0),
                new PgTypeInfo(1114, "timestamp", 1115, (short) 8, ',', 0),
                new PgTypeInfo(1184, "timestamptz", 1185, (short) 8, ',', 0),
                new PgTypeInfo(1186, "interval", 1187, (short) 16, ',', 0),
                new PgTypeInfo(1266, "timetz", 1270, (short) 12, ',', 0),
                new PgTypeInfo(1700, "numeric", 1231, (short) -1, ',', 0),
                new PgTypeInfo(2950, "uuid", 2951, (short) 16, ',', 0),
                new PgTypeInfo(3220, "pg_lsn", 3221, (short) 8, ',', 0),
                new PgTypeInfo(3802, "jsonb", 3807, (short) -1, ',', 0),
                // system types that catalog queries return
                new PgTypeInfo(2278, "void", 0, (short) 4, ',', 0),
                new PgTypeInfo(22, "int2vector", 1006, (short) -1, ',', 0),
                new PgTypeInfo(27, "tid", 1010, (short) 6, ',', 0),
                new PgTypeInfo(28, "xid", 1011, (short) 4, ',', 0),
                new PgTypeInfo(29, "cid", 1012, (short) 4, ',', 0),
                new PgTypeInfo(30, "oidvector", 1013, (short) -1, ',', 0),
                new PgTypeInfo(5069, "xid8", 271, (short) 8, ',', 0),
                // geometric types
                new PgTypeInfo(600, "point", 1017, (short) 16, ',', 0),
                new PgTypeInfo(601, "lseg", 1018, (short) 32, ',', 0),
                new PgTypeInfo(602, "path", 1019, (short) -1, ',', 0),
                new PgTypeInfo(603, "box", 1020, (short) 32, ';', 0),
                new PgTypeInfo(604, "polygon", 1027, (short) -1, ',', 0),
                new PgTypeInfo(628, "line", 629, (short) 24, ',', 0),
                new PgTypeInfo(718, "circle", 719, (short) 24, ',', 0),
                // network types
                new PgTypeInfo(869, "inet", 1041, (short) -1, ',', 0),
                new PgTypeInfo(650, "cidr", 651, (short) -1, ',', 0),
                new PgTypeInfo(829, "macaddr", 1040, (short) 6, ',', 0),
                new PgTypeInfo(774, "macaddr8", 775, (short) 8, ',', 0),
                new PgTypeInfo(790, "money", 791, (short) 8, ',', 0),
                new PgTypeInfo(1560, "bit", 1561, (short) -1, ',', 0),
                new PgTypeInfo(1562, "varbit", 1563, (short) -1, ',', 0),
                new PgTypeInfo(4072, "jsonpath", 4073, (short) -1, ',', 0),
                new PgTypeInfo(5038, "pg_snapshot", 5039, (short) -1, ',', 0),
                new PgTypeInfo(2970, "txid_snapshot", 2949, (short) -1, ',', 0),
                new PgTypeInfo(3614, "tsvector", 3643, (short) -1, ',', 0),
                new PgTypeInfo(3615, "tsquery", 3645, (short) -1, ',', 0),
                new PgTypeInfo(3734, "regconfig", 3735, (short) 4, ',', 0));
        java.util.ArrayList<PgTypeInfo> all = new java.util.ArrayList<>(base);
        for (PgTypeInfo element : base) {
            if (element.arrayOid != 0) {
                // every array type in PostgreSQL: varlena, named _elem, no array of its own
                all.add(new PgTypeInfo(element.arrayOid, "_" + element.name, 0, (short) -1, ',', element.oid));
            }
        }
        ALL = List.copyOf(all);
        for (PgTypeInfo info : ALL) {
            BY_OID.put(info.oid, info);
            BY_NAME.put(info.name, info);
        }
    }

    public boolean isArray() {
        return elementOid != 0;
    }

    /** null if unknown. */
    public static PgTypeInfo byOid(int oid) {
        return BY_OID.get(oid);
    }

    /** By pg_type.typname ("int4", "_int4"); null if unknown. */
    public static PgTypeInfo byName(String name) {
        return BY_NAME.get(name);
    }
}
