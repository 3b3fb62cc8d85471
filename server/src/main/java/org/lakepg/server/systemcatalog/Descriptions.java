package org.lakepg.server.systemcatalog;

import java.util.HashMap;
import java.util.Map;
import org.lakepg.server.catalog.bootstrap.CsvTable;

/** Comments on objects (obj_description, col_description, shobj_description): built-in ones and users'. */
public final class Descriptions {
    private Descriptions() {}

    public static final long PG_CLASS = 1259;
    public static final long PG_DATABASE = 1262;
    public static final long PG_AUTHID = 1260;

    private static final Map<String, String> BUILTIN = new HashMap<>();

    static {
        for (CsvTable.Row r : CsvTable.load("pg_description").asRows()) {
            BUILTIN.put(key(r.getOid("objoid"), r.getOid("classoid"), r.getInt("objsubid")), r.get("description"));
        }
    }

    private static String key(long objoid, long classoid, int objsubid) {
        return objoid + "/" + classoid + "/" + objsubid;
    }

    /** The comment on an object, null if none. */
    public static String of(CatalogView catalog, long objoid, long classoid, int objsubid) {
        for (CatalogSources.Description d : catalog.sources().descriptions()) {
            if (d.objoid() == objoid && d.classoid() == classoid && d.objsubid() == objsubid) {
                return d.description();
            }
        }
        return BUILTIN.get(key(objoid, classoid, objsubid));
    }

    /** The OID of the pg_catalog relation a description's class names (obj_description(oid, 'pg_class')). */
    public static Long catalogOid(String relname) {
        return SystemRelations.find("pg_catalog", relname).map(SystemRelation::oid).orElse(null);
    }

    /** The comments initdb puts on the initial databases. */
    static String database(String name) {
        return switch (name) {
            case "postgres" -> "default administrative connection database";
            case "template1" -> "default template for new databases";
            case "template0" -> "unmodifiable empty database";
            default -> null;
        };
    }

    /** shobj_description for a database or a role (COMMENT ON ROLE). */
    public static String shared(CatalogView catalog, long objoid, long classoid) {
        if (classoid == PG_AUTHID) {
            return of(catalog, objoid, classoid, 0);
        }
        if (classoid != PG_DATABASE) {
            return null;
        }
        return catalog.databases().stream().filter(d -> d.oid() == objoid).findFirst()
                .map(d -> database(d.name())).orElse(null);
    }
}
