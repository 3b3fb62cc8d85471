package org.lakepg.server.systemcatalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.catalog.bootstrap.CsvTable;

/**
 * Catalogs of built-in objects, the same in every database: types, functions, operators, casts,
 * access methods, operator classes, collations, languages, descriptions, plus the one extension
 * (plpgsql) and the two tablespaces every cluster has; pg_init_privs as initdb leaves it (pg_dump dumps only the
 * ACLs of built-in objects that differ from it).
 */
final class BuiltinObjectRows {
    private BuiltinObjectRows() {}

    private static final String[] BOOTSTRAP = {"pg_type", "pg_cast", "pg_am",
            "pg_amop", "pg_amproc", "pg_opclass", "pg_opfamily", "pg_collation", "pg_language", "pg_range",
            "pg_aggregate", "pg_init_privs"};

    static void register(Map<String, RowSource> sources) {
        for (String name : BOOTSTRAP) {
            sources.put("pg_catalog." + name, BootstrapRows.of(name));
        }
        sources.put("pg_catalog.pg_operator", (catalog, out) -> {
            out.addRaw(BootstrapRows.rows("pg_operator", out.relation()));
            for (var op : catalog.sources().userOperators()) {
                var o = op.entry();
                out.add().set("oid", o.oid()).set("oprname", o.name()).set("oprnamespace", o.namespace())
                        .set("oprowner", op.owner()).set("oprkind", o.kind()).set("oprcanmerge", o.canMerge())
                        .set("oprcanhash", o.canHash()).set("oprleft", o.leftType()).set("oprright", o.rightType())
                        .set("oprresult", o.resultType()).set("oprcom", o.commutator()).set("oprnegate", o.negator())
                        .set("oprcode", o.procedure()).set("oprrest", 0L).set("oprjoin", 0L);
            }
        });
        sources.put("pg_catalog.pg_description", (catalog, out) -> {
            out.addRaw(BootstrapRows.rows("pg_description", out.relation()));
            for (CatalogSources.Description d : catalog.sources().descriptions()) {
                if (d.classoid() == Descriptions.PG_AUTHID) {
                    continue; // a shared object's comment: pg_shdescription
                }
                out.add().set("objoid", d.objoid()).set("classoid", d.classoid()).set("objsubid", d.objsubid())
                        .set("description", d.description());
            }
        });
        sources.put("pg_catalog.pg_shdescription", (catalog, out) -> {
            for (CatalogView.DatabaseInfo d : catalog.databases()) {
                String text = Descriptions.database(d.name());
                if (text != null) {
                    out.add().set("objoid", d.oid()).set("classoid", Descriptions.PG_DATABASE).set("description", text);
                }
            }
            for (CatalogSources.Description d : catalog.sources().descriptions()) {
                if (d.classoid() == Descriptions.PG_AUTHID) {
                    out.add().set("objoid", d.objoid()).set("classoid", d.classoid()).set("description", d.description());
                }
            }
        });
        sources.put("pg_catalog.pg_extension", (catalog, out) -> out.add().set("oid", 13559).set("extname", "plpgsql")
                .set("extowner", CatalogView.SUPERUSER_OID).set("extnamespace", CatalogView.PG_CATALOG)
                .set("extrelocatable", false).set("extversion", "1.0"));
        sources.put("pg_catalog.pg_tablespace", (catalog, out) -> {
            out.add().set("oid", 1663).set("spcname", "pg_default").set("spcowner", CatalogView.SUPERUSER_OID);
            out.add().set("oid", 1664).set("spcname", "pg_global").set("spcowner", CatalogView.SUPERUSER_OID);
        });
        sources.put("pg_catalog.pg_available_extensions", (catalog, out) -> out.add().set("name", "plpgsql")
                .set("default_version", "1.0").set("installed_version", "1.0")
                .set("comment", "PL/pgSQL procedural language"));
    }

    private static final Map<Long, String> COLLATIONS = new HashMap<>();

    static {
        for (CsvTable.Row r : CsvTable.load("pg_collation").asRows()) {
            COLLATIONS.putIfAbsent(r.getOid("oid"), r.get("collname"));
        }
    }

    static Optional<String> collationName(long oid) {
        return Optional.ofNullable(COLLATIONS.get(oid));
    }

    static Optional<Long> collationOid(String name) {
        return COLLATIONS.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .findFirst();
    }
}
