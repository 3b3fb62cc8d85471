package org.lakepg.server.systemcatalog;

import java.util.List;
import java.util.Map;
import org.lakepg.server.systemcatalog.CatalogSources.NamespaceInfo;

/** pg_namespace: the built-in schemas and those users created. */
final class NamespaceRows {
    private NamespaceRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_namespace", (catalog, out) -> {
            for (NamespaceInfo n : catalog.namespaces()) {
                out.add().set("oid", n.oid()).set("nspname", n.name()).set("nspowner", n.owner())
                        .set("nspacl", acl(catalog, n));
            }
        });
    }

    private static List<String> acl(CatalogView catalog, NamespaceInfo n) {
        List<String> granted = catalog.sources().acl(ObjectDescriptions.PG_NAMESPACE, n.oid());
        if (granted != null) {
            return granted;
        }
        if (n.oid() == CatalogView.PUBLIC) {
            return List.of("pg_database_owner=UC/pg_database_owner", "=U/pg_database_owner");
        }
        if (n.oid() == CatalogView.PG_CATALOG || n.oid() == CatalogView.INFORMATION_SCHEMA) {
            return List.of("postgres=UC/postgres", "=U/postgres");
        }
        return null;
    }
}
