package org.lakepg.server.systemcatalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * information_schema.column_privileges and role_column_grants: for each column of a user table or view, what its
 * table's ACL gives on all columns (SELECT, INSERT, UPDATE, REFERENCES; the owner's all while the ACL is the
 * default) together with what was granted on the column itself, each once.
 */
final class ColumnPrivilegeRows {
    private ColumnPrivilegeRows() {}

    /** The column privileges and the aclitem letter of each. */
    private static final String LETTERS = "arwx";
    private static final String[] NAMES = {"INSERT", "SELECT", "UPDATE", "REFERENCES"};

    static void rows(CatalogView catalog, Rows out) {
        String db = catalog.sources().currentDatabase();
        for (TableInfo t : catalog.tables()) {
            String schema = catalog.namespaceName(t.namespace()).orElse(null);
            for (ColumnInfo c : t.columns()) {
                column(catalog, out, db, schema, t.name(), c.name(), t.oid(), catalog.sources().tableOwner(t.oid()),
                        catalog.sources().columnAcl(t.oid(), t.attnum(c.number())));
            }
        }
        for (CatalogSources.ViewRow v : catalog.views()) {
            String schema = catalog.namespaceName(v.namespace()).orElse(null);
            for (ColumnInfo c : v.columns()) {
                column(catalog, out, db, schema, v.name(), c.name(), v.oid(), v.owner(),
                        catalog.sources().columnAcl(v.oid(), c.number()));
            }
        }
    }

    private static void column(CatalogView catalog, Rows out, String db, String schema, String table, String column,
                               long relation, long ownerOid, List<String> columnAcl) {
        String owner = catalog.roleName(ownerOid).orElse(Long.toString(ownerOid));
        List<String> tableAcl = catalog.sources().acl(ObjectDescriptions.PG_CLASS, relation);
        Set<List<String>> seen = new LinkedHashSet<>(); // grantor, grantee, privilege, grantable: once each
        for (String item : tableAcl == null ? List.of(owner + "=arwx/" + owner) : tableAcl) {
            explode(item, owner, seen);
        }
        if (columnAcl != null) {
            columnAcl.forEach(item -> explode(item, owner, seen));
        }
        for (List<String> g : seen) {
            out.add().set("grantor", g.get(0)).set("grantee", g.get(1)).set("table_catalog", db)
                    .set("table_schema", schema).set("table_name", table).set("column_name", column)
                    .set("privilege_type", g.get(2)).set("is_grantable", g.get(3));
        }
    }

    /** One aclitem text ({@code grantee=letters/grantor}) as (grantor, grantee, privilege, grantable) rows. */
    private static void explode(String item, String owner, Set<List<String>> out) {
        for (AclItemGrants g : AclItemGrants.of(item)) {
            int at = LETTERS.indexOf(g.letter());
            if (at >= 0) {
                out.add(List.of(g.grantor(), g.grantee(), NAMES[at], g.grantable(owner)));
            }
        }
    }
}
