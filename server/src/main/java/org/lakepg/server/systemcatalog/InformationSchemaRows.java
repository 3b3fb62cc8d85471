package org.lakepg.server.systemcatalog;

import java.util.List;
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
        sources.put("information_schema.referential_constraints", InformationSchemaRows::referentialConstraints);
        sources.put("information_schema.views", InformationSchemaRows::views);
        sources.put("information_schema.sequences", InformationSchemaRows::sequences);
        sources.put("information_schema.table_privileges", (catalog, out) -> privileges(catalog, out));
        sources.put("information_schema.role_table_grants", (catalog, out) -> privileges(catalog, out));
        sources.put("information_schema.column_privileges", ColumnPrivilegeRows::rows);
        sources.put("information_schema.role_column_grants", ColumnPrivilegeRows::rows);
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
        for (CatalogSources.ViewRow v : catalog.views()) {
            if (!v.materialized()) {
                table(out, db, catalog.namespaceName(v.namespace()).orElse(null), v.name(), "VIEW", updatable(catalog, v));
            }
        }
    }

    private static void table(Rows out, String db, String schema, String name, String type, boolean insertable) {
        out.add().set("table_catalog", db).set("table_schema", schema).set("table_name", name)
                .set("table_type", type).set("is_insertable_into", insertable ? "YES" : "NO").set("is_typed", "NO");
    }

    private static void columns(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        java.util.Map<String, String> defaults = new java.util.HashMap<>();
        for (CatalogSources.DefaultRow d : catalog.sources().columnDefaults()) {
            defaults.put(d.tableOid() + "/" + d.column(), d.expression());
        }
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (ColumnInfo c : t.columns()) {
                column(catalog, out, db, schema, t.name(), c.name(), c.number(), c.type(), c.typmod(), c.notNull(),
                        true).set("column_default", defaults.get(t.oid() + "/" + c.number()));
            }
        }
        for (CatalogSources.ViewRow v : catalog.views()) {
            if (v.materialized()) { // information_schema.columns has no materialized views
                continue;
            }
            String schema = catalog.namespaceName(v.namespace()).orElse(null);
            List<Boolean> updatable = catalog.sources().updatableViewColumns(v.oid()).orElse(List.of());
            for (ColumnInfo c : v.columns()) {
                column(catalog, out, db, schema, v.name(), c.name(), c.number(), c.type(), c.typmod(), false,
                        c.number() - 1 < updatable.size() && updatable.get(c.number() - 1));
            }
        }
    }

    private static Rows.Row column(CatalogView catalog, Rows out, String db, String schema, String table, String name,
                                   int number, long columnType, int columnTypmod, boolean notNull, boolean updatable) {
        // a domain-typed column is described by the domain's base type, and names the domain
        TypeEntry declared = catalog.types().requireType(columnType);
        boolean domain = declared.kind() == TypeEntry.KIND_DOMAIN;
        long typeOid = domain ? declared.baseType() : columnType;
        int typmod = domain && columnTypmod == -1 ? declared.typmod() : columnTypmod;
        TypeEntry type = domain ? catalog.types().requireType(typeOid) : declared;
        String dataType = type.isArray() ? "ARRAY" : type.namespace() == CatalogView.PG_CATALOG
                ? TypeNames.format(catalog.builtins(), typeOid) : "USER-DEFINED";
        Rows.Row row = out.add().set("table_catalog", db).set("table_schema", schema).set("table_name", table)
                .set("column_name", name).set("ordinal_position", number)
                .set("is_nullable", notNull || domain && declared.notNull() ? "NO" : "YES")
                .set("data_type", dataType).set("udt_catalog", db)
                .set("udt_schema", catalog.namespaceName(type.namespace()).orElse(null)).set("udt_name", type.name())
                .set("dtd_identifier", Integer.toString(number)).set("is_self_referencing", "NO")
                .set("is_identity", "NO").set("identity_cycle", "NO").set("is_generated", "NEVER")
                .set("is_updatable", updatable ? "YES" : "NO");
        if (domain) {
            row.set("domain_catalog", db).set("domain_schema", catalog.namespaceName(declared.namespace()).orElse(null))
                    .set("domain_name", declared.name());
        }
        ColumnFacts.fill(row, typeOid, typmod);
        return row;
    }

    private static String constraintType(char type) {
        return switch (type) {
            case 'p' -> "PRIMARY KEY";
            case 'u' -> "UNIQUE";
            case 'f' -> "FOREIGN KEY";
            default -> "CHECK";
        };
    }

    private static void tableConstraints(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (CatalogSources.ConstraintRow c : IndexRows.allConstraints(catalog)) {
            TableInfo t = catalog.table(c.tableOid()).orElse(null);
            if (t == null) {
                continue;
            }
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            out.add().set("constraint_catalog", db).set("constraint_schema", catalog.namespaceName(c.namespace())
                            .orElse(null)).set("constraint_name", c.name())
                    .set("table_catalog", db).set("table_schema", schema).set("table_name", t.name())
                    .set("constraint_type", constraintType(c.type())).set("is_deferrable", c.deferrable() ? "YES" : "NO")
                    .set("initially_deferred", c.initiallyDeferred() ? "YES" : "NO").set("enforced", "YES")
                    .set("nulls_distinct", c.type() == 'u' ? "YES" : null);
        }
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
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

    private static String columnName(TableInfo t, short attnum) {
        return t == null || attnum < 1 || attnum > t.columns().size() ? null : t.columns().get(attnum - 1).name();
    }

    private static void keyColumnUsage(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (CatalogSources.ConstraintRow c : IndexRows.allConstraints(catalog)) {
            if (c.type() == 'c') {
                continue;
            }
            TableInfo t = catalog.table(c.tableOid()).orElse(null);
            if (t == null) {
                continue;
            }
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            int position = 1;
            for (short attnum : c.columns()) {
                Rows.Row row = out.add().set("constraint_catalog", db)
                        .set("constraint_schema", catalog.namespaceName(c.namespace()).orElse(null))
                        .set("constraint_name", c.name()).set("table_catalog", db).set("table_schema", schema)
                        .set("table_name", t.name()).set("column_name", columnName(t, attnum))
                        .set("ordinal_position", position);
                if (c.type() == 'f') {
                    row.set("position_in_unique_constraint", position);
                }
                position++;
            }
        }
    }

    /** The columns a constraint uses: a foreign key's referenced columns, the own columns of the others. */
    private static void constraintColumnUsage(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (CatalogSources.ConstraintRow c : IndexRows.allConstraints(catalog)) {
            boolean fk = c.type() == 'f';
            TableInfo t = catalog.table(fk ? c.refTable() : c.tableOid()).orElse(null);
            if (t == null) {
                continue;
            }
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (short attnum : fk ? c.refColumns() : c.columns()) {
                out.add().set("table_catalog", db).set("table_schema", schema).set("table_name", t.name())
                        .set("column_name", columnName(t, attnum)).set("constraint_catalog", db)
                        .set("constraint_schema", catalog.namespaceName(c.namespace()).orElse(null))
                        .set("constraint_name", c.name());
            }
        }
    }

    private static void referentialConstraints(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        List<CatalogSources.ConstraintRow> all = IndexRows.allConstraints(catalog);
        for (CatalogSources.ConstraintRow c : all) {
            if (c.type() != 'f') {
                continue;
            }
            CatalogSources.ConstraintRow key = all.stream()
                    .filter(k -> (k.type() == 'p' || k.type() == 'u') && k.indexOid() == c.indexOid())
                    .findFirst().orElse(null);
            out.add().set("constraint_catalog", db)
                    .set("constraint_schema", catalog.namespaceName(c.namespace()).orElse(null))
                    .set("constraint_name", c.name()).set("unique_constraint_catalog", key == null ? null : db)
                    .set("unique_constraint_schema", key == null ? null
                            : catalog.namespaceName(key.namespace()).orElse(null))
                    .set("unique_constraint_name", key == null ? null : key.name())
                    .set("match_option", c.matchType() == 'f' ? "FULL" : c.matchType() == 'p' ? "PARTIAL" : "NONE")
                    .set("update_rule", rule(c.onUpdate())).set("delete_rule", rule(c.onDelete()));
        }
    }

    private static String rule(char action) {
        return switch (action) {
            case 'r' -> "RESTRICT";
            case 'c' -> "CASCADE";
            case 'n' -> "SET NULL";
            case 'd' -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static void views(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (CatalogSources.ViewRow v : catalog.views()) {
            if (!v.materialized()) {
                out.add().set("table_catalog", db).set("table_schema", catalog.namespaceName(v.namespace()).orElse(null))
                        .set("table_name", v.name()).set("view_definition", v.definition()).set("check_option", "NONE")
                        .set("is_updatable", updatable(catalog, v) ? "YES" : "NO")
                        .set("is_insertable_into", updatable(catalog, v) ? "YES" : "NO").set("is_trigger_updatable", "NO")
                        .set("is_trigger_deletable", "NO").set("is_trigger_insertable_into", "NO");
            }
        }
    }

    /** pg_relation_is_updatable of a view: UPDATE, DELETE and INSERT once a column of it is updatable. */
    private static boolean updatable(CatalogView catalog, CatalogSources.ViewRow v) {
        return catalog.sources().updatableViewColumns(v.oid()).map(c -> c.contains(true)).orElse(false);
    }

    private static void sequences(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (CatalogSources.SequenceRow s : catalog.sequences()) {
            int precision = s.type() == 21 ? 16 : s.type() == 23 ? 32 : 64;
            out.add().set("sequence_catalog", db).set("sequence_schema", catalog.namespaceName(s.namespace()).orElse(null))
                    .set("sequence_name", s.name()).set("data_type", TypeNames.format(catalog.builtins(), s.type()))
                    .set("numeric_precision", precision).set("numeric_precision_radix", 2).set("numeric_scale", 0)
                    .set("start_value", Long.toString(s.start())).set("minimum_value", Long.toString(s.min()))
                    .set("maximum_value", Long.toString(s.max())).set("increment", Long.toString(s.increment()))
                    .set("cycle_option", s.cycle() ? "YES" : "NO");
        }
    }

    /** NOT NULL columns are CHECK constraints to information_schema, named schemaoid_tableoid_attnum_not_null. */
    private static void checkConstraints(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (CatalogSources.ConstraintRow c : catalog.constraints()) {
            if (c.type() == 'c') {
                out.add().set("constraint_catalog", db)
                        .set("constraint_schema", catalog.namespaceName(c.namespace()).orElse(null))
                        .set("constraint_name", c.name())
                        .set("check_clause", ConstraintDefinitions.definition(catalog, c).substring("CHECK ".length()));
            }
        }
        for (org.lakepg.server.catalog.types.UserType t : catalog.userTypes().all()) {
            if (t instanceof org.lakepg.server.catalog.types.UserType.Domain d) {
                for (var check : d.checks()) {
                    out.add().set("constraint_catalog", db)
                            .set("constraint_schema", catalog.namespaceName(d.namespace()).orElse(null))
                            .set("constraint_name", check.name()).set("check_clause", ConstraintDefinitions
                                    .domainCheck(catalog, check.expression(), d.oid(), false).substring("CHECK ".length()));
                }
            }
        }
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
            relationPrivileges(catalog, out, db, t.oid(), catalog.sources().tableOwner(t.oid()),
                    catalog.namespaceName(t.namespace()).orElse(null), t.name());
        }
        for (CatalogSources.ViewRow v : catalog.views()) {
            if (!v.materialized()) { // as in PostgreSQL, a materialized view's grants are not listed
                relationPrivileges(catalog, out, db, v.oid(), v.owner(),
                        catalog.namespaceName(v.namespace()).orElse(null), v.name());
            }
        }
    }

    /** The privileges of a user table or view: its owner's all while it has the default ACL, else its aclitems'. */
    private static void relationPrivileges(CatalogView catalog, Rows out, String db, long oid, long ownerOid,
                                           String schema, String table) {
        String owner = catalog.roleName(ownerOid).orElse(Long.toString(ownerOid));
        java.util.List<String> acl = catalog.sources().acl(ObjectDescriptions.PG_CLASS, oid);
        if (acl == null) {
            for (String privilege : PRIVILEGES) {
                privilege(out, db, owner, owner, schema, table, privilege);
            }
            return;
        }
        for (String item : acl) {
            for (AclItemGrants g : AclItemGrants.of(item)) {
                int at = ACL_LETTERS.indexOf(g.letter());
                if (at < 0) {
                    continue;
                }
                out.add().set("grantor", g.grantor()).set("grantee", g.grantee()).set("table_catalog", db)
                        .set("table_schema", schema).set("table_name", table).set("privilege_type", ACL_NAMES[at])
                        .set("is_grantable", g.grantable(owner))
                        .set("with_hierarchy", ACL_NAMES[at].equals("SELECT") ? "YES" : "NO");
            }
        }
    }

    /** aclitem letters of relations and the privilege each names. */
    private static final String ACL_LETTERS = "arwdDxt";
    private static final String[] ACL_NAMES = {"INSERT", "SELECT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES",
            "TRIGGER"};

    private static void privilege(Rows out, String db, String grantor, String grantee, String schema, String table,
                                  String privilege) {
        out.add().set("grantor", grantor).set("grantee", grantee).set("table_catalog", db).set("table_schema", schema)
                .set("table_name", table).set("privilege_type", privilege)
                .set("is_grantable", grantee.equals(grantor) ? "YES" : "NO")
                .set("with_hierarchy", privilege.equals("SELECT") ? "YES" : "NO");
    }
}
