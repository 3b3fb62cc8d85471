package org.lakepg.server.catalog.objects;

import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/** A schema (pg_namespace row): OID, name and the OID of the role owning it. */
public record SchemaInfo(long oid, String name, long owner) {
    public static final long PG_CATALOG = 11;
    public static final long PG_TOAST = 99;
    public static final long PUBLIC = 2200;
    public static final long INFORMATION_SCHEMA = 13207;

    public static final SchemaInfo BUILT_IN_PG_CATALOG = new SchemaInfo(PG_CATALOG, "pg_catalog", 10);

    /** Schemas every database has, with PostgreSQL 15's OIDs. */
    static final java.util.List<SchemaInfo> BUILT_IN = java.util.List.of(
            BUILT_IN_PG_CATALOG,
            new SchemaInfo(PG_TOAST, "pg_toast", 10),
            new SchemaInfo(PUBLIC, "public", 10),
            new SchemaInfo(INFORMATION_SCHEMA, "information_schema", 10));

    public boolean builtIn() {
        return oid < FIRST_USER_OID;
    }
}
