package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** pg_index, the constraints indexes carry (pg_constraint) and the pg_indexes view. */
final class IndexRows {
    private IndexRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_index", IndexRows::pgIndex);
        sources.put("pg_catalog.pg_constraint", IndexRows::pgConstraint);
        sources.put("pg_catalog.pg_indexes", IndexRows::pgIndexes);
    }

    private static void pgIndex(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            for (IndexInfo i : catalog.indexes(t.oid())) {
                int position = 0;
                List<Long> collations = new ArrayList<>();
                List<Long> classes = new ArrayList<>();
                List<Short> options = new ArrayList<>();
                for (var c : org.lakepg.server.index.IndexColumns.of(i, t)) {
                    if (!c.key()) {
                        continue;
                    }
                    collations.add(ClassRows.type(catalog, c.inputType()).collation());
                    classes.add(i.gin() ? org.lakepg.server.index.gin.GinEntries.opclass(i, position, c.inputType()).oid()
                            : Opclasses.defaultFor(catalog, i.method(), c.inputType()));
                    options.add((short) (i.option(position++) & (IndexInfo.DESC | IndexInfo.NULLS_FIRST)));
                }
                out.add().set("indexrelid", i.oid()).set("indrelid", t.oid()).set("indnatts", i.allColumns().size())
                        .set("indnkeyatts", i.columns().size()).set("indisunique", i.unique())
                        .set("indnullsnotdistinct", false).set("indisprimary", i.primary())
                        .set("indisexclusion", false).set("indimmediate", true).set("indisclustered", false)
                        .set("indisvalid", true).set("indcheckxmin", false).set("indisready", true)
                        .set("indislive", true).set("indisreplident", false).set("indkey", i.allColumns())
                        .set("indexprs", i.expressions().isEmpty() ? null : String.join(", ", i.expressions()))
                        .set("indpred", i.predicate())
                        .set("indcollation", collations).set("indclass", classes).set("indoption", options);
            }
        }
    }

    /**
     * The catalog's constraints, then PRIMARY KEY / UNIQUE constraints of indexes no constraint row
     * claims (each with its index's OID and name, as the catalog does not record them otherwise).
     */
    static List<CatalogSources.ConstraintRow> allConstraints(CatalogView catalog) {
        List<CatalogSources.ConstraintRow> out = new ArrayList<>(catalog.constraints());
        java.util.Set<Long> claimed = new java.util.HashSet<>();
        for (CatalogSources.ConstraintRow c : out) {
            if (c.type() == 'p' || c.type() == 'u') {
                claimed.add(c.indexOid());
            }
        }
        for (TableInfo t : catalog.tables()) {
            for (IndexInfo i : catalog.indexes(t.oid())) {
                if (!claimed.contains(i.oid()) && (i.primary() || isUniqueConstraint(i, t))) {
                    out.add(new CatalogSources.ConstraintRow(i.oid(), i.name(), t.namespace(), t.oid(),
                            i.primary() ? 'p' : 'u', i.columns(), null, 0, List.of(), ' ', ' ', ' ', false, false,
                            i.oid()));
                }
            }
        }
        return out;
    }

    private static void pgConstraint(CatalogView catalog, Rows out) {
        for (CatalogSources.ConstraintRow c : allConstraints(catalog)) {
            boolean fk = c.type() == 'f';
            Rows.Row row = out.add().set("oid", c.oid()).set("conname", c.name()).set("connamespace", c.namespace())
                    .set("contype", c.type()).set("condeferrable", c.deferrable())
                    .set("condeferred", c.initiallyDeferred()).set("convalidated", true).set("conrelid", c.tableOid())
                    .set("contypid", 0).set("conindid", c.type() == 'c' ? 0 : c.indexOid()).set("conparentid", 0)
                    .set("confrelid", fk ? c.refTable() : 0).set("confupdtype", fk ? c.onUpdate() : ' ')
                    .set("confdeltype", fk ? c.onDelete() : ' ').set("confmatchtype", fk ? c.matchType() : ' ')
                    .set("conislocal", true).set("coninhcount", 0).set("connoinherit", c.type() != 'c')
                    .set("conkey", c.columns()).set("confkey", fk ? c.refColumns() : null)
                    .set("conbin", c.type() == 'c' ? c.checkExpr() : null);
            List<List<Long>> operators = fk ? ForeignKeyOperators.of(catalog, c) : null;
            if (operators != null) {
                row.set("conpfeqop", operators.get(0)).set("conppeqop", operators.get(1))
                        .set("conffeqop", operators.get(2));
            }
        }
    }

    /**
     * Whether a unique index stands for a UNIQUE constraint. The catalog does not record which
     * unique indexes came from a constraint yet; the name PostgreSQL gives a UNIQUE constraint
     * ({@code table_col_key}) is what tells them apart.
     */
    static boolean isUniqueConstraint(IndexInfo i, TableInfo t) {
        if (!i.unique() || i.primary() || !i.plain() || !i.include().isEmpty()) {
            return false;
        }
        StringBuilder name = new StringBuilder(t.name());
        for (short attnum : i.columns()) {
            name.append('_').append(t.columns().get(attnum - 1).name());
        }
        return i.name().startsWith(name + "_key");
    }

    private static void pgIndexes(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            for (IndexInfo i : catalog.indexes(t.oid())) {
                out.add().set("schemaname", catalog.namespaceName(t.namespace()).orElse(null))
                        .set("tablename", t.name()).set("indexname", i.name())
                        .set("indexdef", IndexDefinitions.indexDef(catalog, i, t, true));
            }
        }
    }

    static List<String> columnNames(TableInfo t, IndexInfo i) {
        List<String> out = new ArrayList<>();
        for (short attnum : i.columns()) {
            out.add(attnum == 0 ? "expr" : t.columns().get(attnum - 1).name());
        }
        return out;
    }
}
