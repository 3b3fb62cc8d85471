package org.lakepg.server.catalog;

/** OIDs of the built-in types the engine refers to by name; identical to PostgreSQL's. */
public final class TypeOids {
    private TypeOids() {}

    public static final long BOOL = 16;
    public static final long BYTEA = 17;
    public static final long CHAR = 18;
    public static final long NAME = 19;
    public static final long INT8 = 20;
    public static final long INT2 = 21;
    public static final long INT2VECTOR = 22;
    public static final long INT4 = 23;
    public static final long REGPROC = 24;
    public static final long TEXT = 25;
    public static final long OID = 26;
    public static final long TID = 27;
    public static final long XID = 28;
    public static final long CID = 29;
    public static final long OIDVECTOR = 30;
    public static final long JSON = 114;
    public static final long XML = 142;
    public static final long CIDR = 650;
    public static final long FLOAT4 = 700;
    public static final long FLOAT8 = 701;
    public static final long UNKNOWN = 705;
    public static final long MACADDR8 = 774;
    public static final long MONEY = 790;
    public static final long MACADDR = 829;
    public static final long INET = 869;
    public static final long BPCHAR = 1042;
    public static final long VARCHAR = 1043;
    public static final long DATE = 1082;
    public static final long TIME = 1083;
    public static final long TIMESTAMP = 1114;
    public static final long TIMESTAMPTZ = 1184;
    public static final long INTERVAL = 1186;
    public static final long TIMETZ = 1266;
    public static final long BIT = 1560;
    public static final long VARBIT = 1562;
    public static final long NUMERIC = 1700;
    public static final long REGPROCEDURE = 2202;
    public static final long REGOPER = 2203;
    public static final long REGOPERATOR = 2204;
    public static final long REGCLASS = 2205;
    public static final long REGTYPE = 2206;
    public static final long UUID = 2950;
    public static final long PG_LSN = 3220;
    public static final long JSONB = 3802;
    public static final long JSONPATH = 4072;
    public static final long REGNAMESPACE = 4089;
    public static final long REGROLE = 4096;

    public static final long RECORD = 2249;
    public static final long RECORD_ARRAY = 2287;
    public static final long CSTRING = 2275;
    public static final long ANY = 2276;
    public static final long ANYARRAY = 2277;
    public static final long VOID = 2278;
    public static final long TRIGGER = 2279;
    public static final long EVENT_TRIGGER = 3838;
    public static final long INTERNAL = 2281;
    public static final long ANYELEMENT = 2283;
    public static final long ANYNONARRAY = 2776;
    public static final long ANYENUM = 3500;
    public static final long ANYRANGE = 3831;
    public static final long ANYMULTIRANGE = 4537;
    public static final long ANYCOMPATIBLEMULTIRANGE = 4538;
    public static final long ANYCOMPATIBLE = 5077;
    public static final long ANYCOMPATIBLEARRAY = 5078;
    public static final long ANYCOMPATIBLENONARRAY = 5079;
    public static final long ANYCOMPATIBLERANGE = 5080;

    public static final long TEXT_ARRAY = 1009;
    public static final long INT4_ARRAY = 1007;

    public static boolean isPolymorphic(long type) {
        return type == ANYELEMENT || type == ANYARRAY || type == ANYNONARRAY || type == ANYENUM
                || type == ANYRANGE || type == ANYMULTIRANGE || isCompatiblePolymorphic(type);
    }

    /** The anycompatible family, which coerces its arguments to a common type. */
    public static boolean isCompatiblePolymorphic(long type) {
        return type == ANYCOMPATIBLE || type == ANYCOMPATIBLEARRAY || type == ANYCOMPATIBLENONARRAY
                || type == ANYCOMPATIBLERANGE || type == ANYCOMPATIBLEMULTIRANGE;
    }
}
