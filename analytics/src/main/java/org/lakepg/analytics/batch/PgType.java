package org.lakepg.analytics.batch;

/**
 * The PostgreSQL types a column batch can hold, named by their pg_type OIDs so the server maps its own type
 * descriptors here without a translation table. {@link #kind()} is the in-memory representation.
 */
public enum PgType {
    BOOL(16, Kind.BOOL),
    BYTEA(17, Kind.BYTES),
    INT8(20, Kind.LONG),
    INT2(21, Kind.SHORT),
    INT4(23, Kind.INT),
    TEXT(25, Kind.STRING),
    FLOAT4(700, Kind.FLOAT),
    FLOAT8(701, Kind.DOUBLE),
    BPCHAR(1042, Kind.STRING),
    VARCHAR(1043, Kind.STRING),
    /** Days since 2000-01-01 (PostgreSQL's epoch), as an int. */
    DATE(1082, Kind.INT),
    /** Microseconds since 2000-01-01 00:00, as a long. */
    TIMESTAMP(1114, Kind.LONG),
    /** Microseconds since 2000-01-01 00:00 UTC, as a long. */
    TIMESTAMPTZ(1184, Kind.LONG),
    NUMERIC(1700, Kind.DECIMAL),
    UUID(2950, Kind.UUID);

    /** How values of a type are stored in a vector. */
    public enum Kind { BOOL, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, BYTES, UUID }

    private final int oid;
    private final Kind kind;

    PgType(int oid, Kind kind) {
        this.oid = oid;
        this.kind = kind;
    }

    public int oid() {
        return oid;
    }

    public Kind kind() {
        return kind;
    }

    /** Integer types whose arithmetic PostgreSQL checks for overflow (int2, int4, int8). */
    public boolean isInteger() {
        return this == INT2 || this == INT4 || this == INT8;
    }

    public boolean isNumeric() {
        return isInteger() || this == FLOAT4 || this == FLOAT8 || this == NUMERIC;
    }

    public static PgType byOid(int oid) {
        for (PgType type : values()) {
            if (type.oid == oid) {
                return type;
            }
        }
        throw new IllegalArgumentException("type with OID " + oid + " is not supported by the columnar engine");
    }
}
