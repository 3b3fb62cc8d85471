package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** pg_class (system relations, user tables and their indexes) and the pg_tables view. */
final class ClassRows {
    private ClassRows() {}

    static final long HEAP_AM = 2;
    static final long BTREE_AM = 403;
    static final long HASH_AM = 405;
    static final long GIN_AM = 2742;

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_class", ClassRows::pgClass);
        sources.put("pg_catalog.pg_tables", ClassRows::pgTables);
    }

    /** The row count VACUUM or ANALYZE last measured; -1 when neither has run (PostgreSQL 14+). */
    private static double reltuples(CatalogView catalog, long table) {
        var measured = catalog.sources().measured(table);
        return measured == null ? -1 : Math.rint(measured.tuples());
    }

    private static void pgClass(CatalogView catalog, Rows out) {
        for (SystemRelation r : SystemRelations.all()) {
            boolean table = r.kind() == 'r';
            common(out.add(), r.oid(), r.name(), r.namespace())
                    .set("reltype", r.rowType())
                    .set("relam", table ? HEAP_AM : 0)
                    .set("relfilenode", table ? r.oid() : 0)
                    .set("relpages", 0).set("reltuples", table ? 0 : -1)
                    .set("reltoastrelid", 0)
                    .set("relhasindex", false)
                    .set("relisshared", r.shared())
                    .set("relkind", r.kind())
                    .set("relnatts", r.columns().size())
                    .set("relhasrules", !table)
                    .set("relreplident", table ? 'n' : 'n')
                    .set("relfrozenxid", table ? 3 : 0).set("relminmxid", table ? 1 : 0)
                    .set("relacl", InitialPrivileges.of(ObjectDescriptions.PG_CLASS, r.oid(),
                            java.util.List.of("postgres=arwdDxt/postgres", "=r/postgres")));
        }
        var inheritance = catalog.inheritance();
        java.util.Set<Long> withRules = new java.util.HashSet<>();
        catalog.sources().rules().forEach(r -> withRules.add(r.relid()));
        for (TableInfo t : catalog.tables()) {
            var indexes = catalog.indexes(t.oid());
            boolean partitioned = inheritance.isPartitioned(t.oid());
            long owner = catalog.sources().tableOwner(t.oid());
            char persistence = t.persistence();
            common(out.add(), t.oid(), t.name(), t.namespace())
                    .set("relowner", owner).set("relpersistence", persistence)
                    .set("relacl", catalog.sources().acl(ObjectDescriptions.PG_CLASS, t.oid()))
                    .set("relchecks", (int) catalog.constraints().stream()
                            .filter(c -> c.tableOid() == t.oid() && c.type() == 'c').count())
                    // foreign keys are enforced by triggers in PostgreSQL, on both tables of the key
                    .set("relhastriggers", catalog.constraints().stream().anyMatch(c -> c.type() == 'f'
                            && (c.tableOid() == t.oid() || c.refTable() == t.oid()))
                            || catalog.sources().triggers().stream().anyMatch(g -> g.relid() == t.oid()))
                    .set("reltype", t.typeOid())
                    .set("relam", partitioned ? 0 : HEAP_AM)
                    .set("relfilenode", partitioned ? 0 : t.relation())
                    .set("relhassubclass", inheritance.hasChildren(t.oid()))
                    .set("relrowsecurity", catalog.sources().rowSecurity(t.oid()).enabled())
                    .set("relforcerowsecurity", catalog.sources().rowSecurity(t.oid()).forced())
                    .set("relispartition", inheritance.isPartition(t.oid()))
                    .set("relpartbound", inheritance.bound(t.oid()).map(b -> b.text()).orElse(null))
                    .set("relpages", catalog.sources().relationBlocks(t.relation()))
                    .set("reltuples", reltuples(catalog, t.oid()))
                    .set("reltoastrelid", partitioned || !needsToast(catalog, t) ? 0 : t.toastRelation())
                    .set("reloptions", t.options().isEmpty() ? null
                            : org.lakepg.wire.types.PgArray.of(25, t.options().toArray()))
                    .set("relhasindex", !indexes.isEmpty())
                    .set("relisshared", false)
                    .set("relkind", partitioned ? 'p' : 'r')
                    .set("relnatts", t.columns().size())
                    .set("relhasrules", withRules.contains(t.oid()))
                    .set("relreplident", 'd')
                    .set("relfrozenxid", 3).set("relminmxid", 1);
            for (IndexInfo i : indexes) {
                common(out.add(), i.oid(), i.name(), t.namespace())
                        .set("relowner", owner).set("relpersistence", persistence)
                        .set("reltype", 0)
                        .set("relam", "hash".equals(i.method()) ? HASH_AM : i.gin() ? GIN_AM : BTREE_AM)
                        .set("relfilenode", i.relation())
                        .set("relpages", catalog.sources().relationBlocks(i.relation()))
                        .set("reltuples", 0)
                        .set("reltoastrelid", 0)
                        .set("relhasindex", false)
                        .set("relisshared", false)
                        .set("relkind", 'i')
                        .set("relnatts", i.allColumns().size())
                        .set("relhasrules", false)
                        .set("relreplident", 'n')
                        .set("relfrozenxid", 0).set("relminmxid", 0);
            }
        }
        ObjectRows.classRows(catalog, out);
    }

    /**
     * PostgreSQL gives a table a TOAST table when a column may be stored out of line (needs_toast_table: a
     * variable-length type whose storage is not plain); lakepg's toast relation exists anyway, this is what shows.
     */
    private static boolean needsToast(CatalogView catalog, TableInfo t) {
        for (var c : t.columns()) {
            var type = catalog.types().type(c.type());
            if (type.isPresent() && type.get().length() == -1 && type.get().storage() != 'p') {
                return true;
            }
        }
        return false;
    }

    static Rows.Row common(Rows.Row row, long oid, String name, long namespace) {
        return row.set("oid", oid).set("relname", name).set("relnamespace", namespace).set("reloftype", 0)
                .set("relowner", CatalogView.SUPERUSER_OID).set("reltablespace", 0).set("relallvisible", 0)
                .set("relpersistence", 'p').set("relchecks", 0).set("relhastriggers", false)
                .set("relhassubclass", false).set("relrowsecurity", false).set("relforcerowsecurity", false)
                .set("relispopulated", true).set("relispartition", false).set("relrewrite", 0);
    }

    private static void pgTables(CatalogView catalog, Rows out) {
        for (SystemRelation r : SystemRelations.all()) {
            if (r.kind() == 'r') {
                out.add().set("schemaname", r.namespaceName()).set("tablename", r.name())
                        .set("tableowner", "postgres").set("hasindexes", true).set("hasrules", false)
                        .set("hastriggers", false).set("rowsecurity", false);
            }
        }
        for (TableInfo t : catalog.tables()) {
            out.add().set("schemaname", catalog.namespaceName(t.namespace()).orElse(null)).set("tablename", t.name())
                    .set("tableowner", catalog.roleName(catalog.sources().tableOwner(t.oid())).orElse("postgres"))
                    .set("hasindexes", !catalog.indexes(t.oid()).isEmpty()).set("hasrules", false)
                    .set("hastriggers", false).set("rowsecurity", catalog.sources().rowSecurity(t.oid()).enabled());
        }
    }

    /** The type of a column: built-in, user-defined or a table's row type. */
    static TypeEntry type(CatalogView catalog, long oid) {
        return catalog.types().requireType(oid);
    }
}
