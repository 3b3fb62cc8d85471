package org.lakepg.server.catalog.objects;

/** OIDs of the system catalogs an object lives in (classoid in pg_description, pg_depend ...), as PostgreSQL's. */
public final class CatalogClasses {
    public static final long PG_CLASS = 1259;
    public static final long PG_PROC = 1255;
    public static final long PG_TYPE = 1247;
    public static final long PG_NAMESPACE = 2615;
    public static final long PG_DATABASE = 1262;
    public static final long PG_AUTHID = 1260;
    public static final long PG_EVENT_TRIGGER = 3466;
    /** Comments and dependencies of large objects name pg_largeobject (not its metadata catalog), as PostgreSQL's. */
    public static final long PG_LARGEOBJECT = 2613;

    private CatalogClasses() {}
}
