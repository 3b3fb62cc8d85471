package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** pg_attribute: the columns of system relations, user tables (with the system columns) and indexes. */
final class AttributeRows {
    private AttributeRows() {}

    /** The system columns every table has: name, attnum, type. */
    private static final Object[][] SYSTEM_COLUMNS = {
            {"tableoid", -6, 26L}, {"cmax", -5, 29L}, {"xmax", -4, 28L}, {"cmin", -3, 29L}, {"xmin", -2, 28L},
            {"ctid", -1, 27L}};

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_attribute", AttributeRows::rows);
    }

    private static void rows(CatalogView catalog, Rows out) {
        for (SystemRelation r : SystemRelations.all()) {
            for (SystemColumn c : r.columns()) {
                TypeEntry type = ClassRows.type(catalog, c.type());
                row(out, r.oid(), c.name(), c.number(), type, c.typmod(), c.notNull())
                        .set("attacl", InitialPrivileges.ofColumn(r.oid(), c.number()));
            }
        }
        for (TableInfo t : catalog.tables()) {
            for (Object[] s : SYSTEM_COLUMNS) {
                row(out, t.oid(), (String) s[0], (Integer) s[1], ClassRows.type(catalog, (Long) s[2]), -1, true);
            }
            for (ColumnInfo c : t.columns()) {
                row(out, t.oid(), c.name(), c.number(), ClassRows.type(catalog, c.type()), c.typmod(), c.notNull())
                        .set("attacl", catalog.sources().columnAcl(t.oid(), t.attnum(c.number())))
                        .set("attgenerated", c.generated() ? "s" : "")
                        .set("attidentity", c.identity() == 'a' || c.identity() == 'd'
                                ? String.valueOf(c.identity()) : "");
            }
            for (IndexInfo i : catalog.indexes(t.oid())) {
                int n = 1;
                for (var c : org.lakepg.server.index.IndexColumns.of(i, t)) {
                    row(out, i.oid(), c.name(), n++, ClassRows.type(catalog, c.type()), c.typmod(), false);
                }
            }
        }
        ObjectRows.attributeRows(catalog, (relation, name, number, type, typmod, notNull, hasDefault) ->
                row(out, relation, name, number, ClassRows.type(catalog, type), typmod, notNull));
        for (CatalogSources.SequenceRow q : catalog.sequences()) {
            // a sequence is a one-row heap relation: it has the system columns too
            for (Object[] s : SYSTEM_COLUMNS) {
                row(out, q.oid(), (String) s[0], (Integer) s[1], ClassRows.type(catalog, (Long) s[2]), -1, true);
            }
        }
        java.util.Set<String> defaults = new java.util.HashSet<>();
        for (CatalogSources.DefaultRow d : catalog.sources().columnDefaults()) {
            defaults.add(d.tableOid() + "/" + d.column());
        }
        if (!defaults.isEmpty()) {
            int relid = out.relation().column("attrelid");
            int attnum = out.relation().column("attnum");
            int hasdef = out.relation().column("atthasdef");
            for (Object[] r : out.rows()) {
                if (defaults.contains(r[relid] + "/" + r[attnum])) {
                    r[hasdef] = true;
                }
            }
        }
    }

    /** Receives one column of a relation. */
    interface Sink {
        void column(long relation, String name, int number, long type, int typmod, boolean notNull, boolean hasDefault);
    }

    private static Rows.Row row(Rows out, long relation, String name, int number, TypeEntry type, int typmod,
                                boolean notNull) {
        return out.add().set("attrelid", relation).set("attname", name).set("atttypid", type.oid())
                .set("attstattarget", number > 0 ? -1 : 0).set("attlen", type.length()).set("attnum", number)
                .set("attndims", type.isArray() ? 1 : 0).set("attcacheoff", -1).set("atttypmod", typmod)
                .set("attbyval", type.byValue()).set("attalign", type.align()).set("attstorage", type.storage())
                .set("attcompression", "").set("attnotnull", notNull).set("atthasdef", false)
                .set("atthasmissing", false).set("attidentity", "").set("attgenerated", "")
                .set("attisdropped", false).set("attislocal", true).set("attinhcount", 0)
                .set("attcollation", type.collation());
    }
}
