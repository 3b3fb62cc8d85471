package org.lakepg.server.systemcatalog;

import java.util.Map;

/** pg_largeobject_metadata and pg_largeobject: the database's large objects and their pages. */
final class LargeObjectRows {
    private LargeObjectRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_largeobject_metadata", (catalog, out) -> {
            for (CatalogSources.LargeObjectRow lo : catalog.sources().largeObjects()) {
                out.add().set("oid", lo.oid()).set("lomowner", lo.owner()).set("lomacl", lo.acl());
            }
        });
        sources.put("pg_catalog.pg_largeobject", (catalog, out) -> {
            for (CatalogSources.LargeObjectPageRow page : catalog.sources().largeObjectPages()) {
                out.add().set("loid", page.loid()).set("pageno", page.pageno()).set("data", page.data());
            }
        });
    }
}
