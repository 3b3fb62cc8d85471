package org.lakepg.server.function.scalar;

import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.systemcatalog.CatalogView;
import org.lakepg.wire.types.PgArray;

/**
 * Visibility along the search path (pg_table_is_visible and friends), current_schema(s) and the
 * privilege tests. Every role lakepg has is a superuser, for whom every privilege test is true.
 */
public final class CatalogVisibilityFunctions {
    private CatalogVisibilityFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("pg_table_is_visible", (x, c) -> tableVisible(c.catalogView(), CatalogFunctions.oid(x[0])));
        // built-in types, functions, operators ... live in pg_catalog, which is always searched
        for (String kind : new String[] {"type", "function", "operator", "opclass", "opfamily", "collation",
                "conversion", "statistics_obj", "ts_parser", "ts_dict", "ts_template", "ts_config"}) {
            r.register("pg_" + kind + "_is_visible", (x, c) -> true);
        }
        r.register("current_schemas", (x, c) -> PgArray.of(19, c.catalogView()
                .effectiveSearchPath((Boolean) x[0]).toArray()));
        // the session's pg_temp_N once it made one (current_schemas(true) lists it first), else 0
        r.register("pg_my_temp_schema", (x, c) -> c.searchPathSchemas(true).stream()
                .filter(s -> s.startsWith("pg_temp_")).findFirst()
                .flatMap(s -> c.catalogView().namespaceOid(s)).orElse(0L));
        r.register("pg_is_other_temp_schema", (x, c) -> false);
        for (ProcEntry p : org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().procs()) {
            String source = p.source();
            if (source != null && (source.startsWith("has_") && source.contains("_privilege")
                    || source.startsWith("pg_has_role")) && p.returnType() == 16
                    && FunctionRegistryHolder.unregistered(r, source)) {
                r.register(source, (x, c) -> true);
            }
        }
    }

    /** A relation is visible when an unqualified reference to its name would find it. */
    static boolean tableVisible(CatalogView catalog, long oid) {
        var relation = catalog.relation(oid);
        if (relation.isEmpty()) {
            return false;
        }
        return catalog.relation(List.of(relation.get().name())).map(found -> found.oid() == oid).orElse(false);
    }

    /** The first schema of the search path that exists (current_schema). */
    static String currentSchema(CatalogView catalog) {
        List<String> path = catalog.effectiveSearchPath(false);
        return path.isEmpty() ? null : path.get(0);
    }
}
