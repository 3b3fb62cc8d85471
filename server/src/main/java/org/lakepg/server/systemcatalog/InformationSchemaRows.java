package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.systemcatalog.CatalogSources.NamespaceInfo;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** The information_schema views computed as PostgreSQL's information_schema.sql defines them. */
final class InformationSchemaRows {
    private InformationSchemaRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("information_schema.schemata", InformationSchemaRows::schemata);
        sources.put("information_schema.tables", InformationSchemaRows::tables);
        sources.put("information_schema.columns", InformationSchemaRows::columns);
        sources.put("information_schema.table_constraints", InformationSchemaRows::tableConstraints);
        sources.put("information_schema.key_column_usage", InformationSchemaRows::keyColumnUsage);
        sources.put("information_schema.constraint_column_usage", InformationSchemaRows::constraintColumnUsage);
        sources.put("information_schema.check_constraints", InformationSchemaRows::checkConstraints);
        sources.put("information_schema.table_privileges", (catalog, out) -> privileges(catalog, out));
        sources.put("information_schema.role_table_grants", (catalog, out) -> privileges(catalog, out));
        InformationSchemaRoutines.register(sources);
    }

    private static void schemata(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (NamespaceInfo n : catalog.namespaces()) {
            out.add().set("catalog_name", db).set("schema_name", n.name())
                    .set("schema_owner", catalog.roleName(n.owner()).orElse(null));
        }
    }

    private static void tables(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (SystemRelation r : SystemRelations.all()) {
            table(out, db, r.namespaceName(), r.name(), r.kind() == 'v' ? "VIEW" : "BASE TABLE", r.kind() != 'v');
        }
        for (TableInfo t : catalog.tables()) {
            table(out, db, catalog.namespaceName(t.namespace()).orElse(null), t.name(), "BASE TABLE", true);
        }
    }

    private static void table(Rows out, String db, String schema, String name, String type, boolean insertable) {
        out.add().set("table_catalog", db).set("table_schema", schema).set("table_name", name)
                .set("table_type", type).set("is_insertable_into", insertable ? "YES" : "NO").set("is_typed", "NO");
    }

    private static void columns(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (ColumnInfo c : t.columns()) {
                column(catalog, out, db, schema, t.name(), c.name(), c.number(), c.type(), c.typmod(), c.notNull(),
                        true);
            }
        }
    }

    private static void column(CatalogView catalog, Rows out, String db, String schema, String table, String name,
                               int number, long typeOid, int typmod, boolean notNull, boolean updatable) {
        TypeEntry type = catalog.builtins().requireType(typeOid);
        String dataType = type.isArray() ? "ARRAY" : type.namespace() == CatalogView.PG_CATALOG
                ? TypeNames.format(catalog.builtins(), typeOid) : "USER-DEFINED";
        Rows.Row row = out.add().set("table_catalog", db).set("table_schema", schema).set("table_name", table)
                .set("column_name", name).set("ordinal_position", number).set("is_nullable", notNull ? "NO" : "YES")
                .set("data_type", dataType).set("udt_catalog", db)
                .set("udt_schema", catalog.namespaceName(type.namespace()).orElse(null)).set("udt_name", type.name())
                .set("dtd_identifier", Integer.toString(number)).set("is_self_referencing", "NO")
                .set("is_identity", "NO").set("identity_cycle", "NO").set("is_generated", "NEVER")
                .set("is_updatable", updatable ? "YES" : "NO");
        ColumnFacts.fill(row, typeOid, typmod);
    }

    private static void tableConstraints(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (IndexInfo i : constraintIndexes(catalog, t)) {
                out.add().set("constraint_catalog", db).set("constraint_schema", schema).set("constraint_name", i.name())
                        .set("table_catalog", db).set("table_schema", schema).set("table_name", t.name())
                        .set("constraint_type", i.primary() ? "PRIMARY KEY" : "UNIQUE").set("is_deferrable", "NO")
                        .set("initially_deferred", "NO").set("enforced", "YES")
                        .set("nulls_distinct", i.primary() ? null : "YES");
            }
            for (ColumnInfo c : t.columns()) {
                if (c.notNull()) {
                    out.add().set("constraint_catalog", db).set("constraint_schema", schema)
                            .set("constraint_name", t.namespace() + "_" + t.oid() + "_" + c.number() + "_not_null")
                            .set("table_catalog", db).set("table_schema", schema).set("table_name", t.name())
                            .set("constraint_type", "CHECK").set("is_deferrable", "NO")
                            .set("initially_deferred", "NO").set("enforced", "YES");
                }
            }
        }
    }

    private static java.util.List<IndexInfo> constraintIndexes(CatalogView catalog, TableInfo t) {
        return catalog.indexes(t.oid()).stream().filter(i -> i.primary() || IndexRows.isUniqueConstraint(i, t))
                .toList();
    }

    private static void keyColumnUsage(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (IndexInfo i : constraintIndexes(catalog, t)) {
                int position = 1;
                for (short attnum : i.columns()) {
                    out.add().set("constraint_catalog", db).set("constraint_schema", schema)
                            .set("constraint_name", i.name()).set("table_catalog", db).set("table_schema", schema)
                            .set("table_name", t.name()).set("column_name", t.columns().get(attnum - 1).name())
                            .set("ordinal_position", position++);
                }
            }
        }
    }

    private static void constraintColumnUsage(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (IndexInfo i : constraintIndexes(catalog, t)) {
                for (short attnum : i.columns()) {
                    out.add().set("table_catalog", db).set("table_schema", schema).set("table_name", t.name())
                            .set("column_name", t.columns().get(attnum - 1).name()).set("constraint_catalog", db)
                            .set("constraint_schema", schema).set("constraint_name", i.name());
                }
            }
        }
    }

    /** NOT NULL columns are CHECK constraints to information_schema, named schemaoid_tableoid_attnum_not_null. */
    private static void checkConstraints(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (ColumnInfo c : t.columns()) {
                if (c.notNull()) {
                    out.add().set("constraint_catalog", db).set("constraint_schema", schema)
                            .set("constraint_name", t.namespace() + "_" + t.oid() + "_" + c.number() + "_not_null")
                            .set("check_clause", org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(c.name())
                                    + " IS NOT NULL");
                }
            }
        }
    }

    private static final String[] PRIVILEGES = {"INSERT", "SELECT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
            "TRIGGER"};

    /**
     * The owner's privileges on every table (lakepg's only role owns everything and GRANT does not
     * exist yet), and PUBLIC's SELECT on the system catalogs.
     */
    private static void privileges(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        String owner = catalog.roleName(CatalogView.SUPERUSER_OID).orElse("postgres");
        for (SystemRelation r : SystemRelations.all()) {
            if (r.namespace() != CatalogView.PG_CATALOG) {
                continue;
            }
            for (String privilege : PRIVILEGES) {
                privilege(out, db, owner, owner, r.namespaceName(), r.name(), privilege);
            }
            privilege(out, db, owner, "PUBLIC", r.namespaceName(), r.name(), "SELECT");
        }
        for (TableInfo t : catalog.tables()) {
            for (String privilege : PRIVILEGES) {
                privilege(out, db, owner, owner, catalog.namespaceName(t.namespace()).orElse(null), t.name(), privilege);
            }
        }
    }

    private static void privilege(Rows out, String db, String grantor, String grantee, String schema, String table,
                                  String privilege) {
        out.add().set("grantor", grantor).set("grantee", grantee).set("table_catalog", db).set("table_schema", schema)
                .set("table_name", table).set("privilege_type", privilege)
                .set("is_grantable", grantee.equals(grantor) ? "YES" : "NO")
                .set("with_hierarchy", privilege.equals("SELECT") ? "YES" : "NO");
    }
}
