package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.systemcatalog.CatalogView;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgNumeric;

/** Sizes of relations and databases (their real page counts × 8192) and pg_size_pretty / pg_size_bytes. */
public final class SizeFunctions {
    private SizeFunctions() {}

    private static final long BLOCK = 8192;

    public static void register(FunctionRegistry r) {
        // Long.valueOf keeps the conditional boxed: an unknown OID gives NULL, not an unboxing failure
        r.register("pg_relation_size", (x, c) -> fork(x) ? relationBytes(c, CatalogFunctions.oid(x[0])) : Long.valueOf(0));
        r.register("pg_table_size", (x, c) -> relationBytes(c, CatalogFunctions.oid(x[0])));
        r.register("pg_indexes_size", (x, c) -> indexesBytes(c, CatalogFunctions.oid(x[0])));
        r.register("pg_total_relation_size", (x, c) -> {
            Long table = relationBytes(c, CatalogFunctions.oid(x[0]));
            return table == null ? null : table + indexesBytes(c, CatalogFunctions.oid(x[0]));
        });
        r.register("pg_database_size_name", (x, c) -> databaseBytes(c, (String) x[0]));
        r.register("pg_database_size_oid", (x, c) -> c.catalogView().databases().stream()
                .filter(d -> d.oid() == CatalogFunctions.oid(x[0])).findFirst()
                .map(d -> databaseBytes(c, d.name())).orElse(null));
        r.register("pg_size_pretty", (x, c) -> SizeText.pretty((Long) x[0]));
        r.register("pg_size_pretty_numeric", (x, c) -> SizeText.pretty((PgNumeric) x[0]));
        r.register("pg_size_bytes", (x, c) -> SizeText.bytes((String) x[0]));
        r.register("pg_relation_filenode", (x, c) -> filenode(c.catalogView(), CatalogFunctions.oid(x[0])));
        r.register("pg_relation_filepath", (x, c) -> {
            Long node = filenode(c.catalogView(), CatalogFunctions.oid(x[0]));
            return node == null ? null : "base/" + c.catalogView().currentDatabaseOid() + "/" + node;
        });
        r.register("pg_tablespace_location", (x, c) -> "");
        r.register("pg_column_size", new TypedCode((x, types, c) -> x[0] == null ? null
                : c.catalogView().types().type(types.of(0)).map(t -> DatumSize.of(x[0], t)).orElse(null)));
    }

    /** Only the main fork has pages in lakepg; fsm, vm and init forks are empty. */
    private static boolean fork(Object[] x) {
        return x.length < 2 || "main".equals(x[1]);
    }

    private static Long filenode(CatalogView catalog, long oid) {
        var table = catalog.table(oid);
        if (table.isPresent()) {
            return (long) table.get().relation();
        }
        return catalog.index(oid).map(i -> (long) i.relation()).orElse(null);
    }

    private static Long relationBytes(FunctionContext c, long oid) {
        CatalogView catalog = c.catalogView();
        var table = catalog.table(oid);
        if (table.isPresent()) {
            return blocks(catalog, table.get().relation()) * BLOCK;
        }
        var index = catalog.index(oid);
        if (index.isPresent()) {
            return blocks(catalog, index.get().relation()) * BLOCK;
        }
        // pg_class.reltoastrelid names a table's out-of-line store by its relation number
        for (TableInfo t : catalog.tables()) {
            if (t.toastRelation() == oid) {
                return blocks(catalog, t.toastRelation()) * BLOCK;
            }
        }
        return catalog.relation(oid).isPresent() ? 0L : null;
    }

    private static long blocks(CatalogView catalog, int relation) {
        return catalog.sources().relationBlocks(relation);
    }

    private static long indexesBytes(FunctionContext c, long tableOid) {
        CatalogView catalog = c.catalogView();
        long total = 0;
        for (IndexInfo i : catalog.indexes(tableOid)) {
            total += blocks(catalog, i.relation()) * BLOCK;
        }
        return total;
    }

    /** The database's relations (tables with their large values, indexes) as this session's database sees them. */
    private static Long databaseBytes(FunctionContext c, String name) {
        CatalogView catalog = c.catalogView();
        if (catalog.databases().stream().noneMatch(d -> d.name().equals(name))) {
            throw PgException.of(SqlState.UNDEFINED_DATABASE, "database \"%s\" does not exist", name);
        }
        if (!name.equals(catalog.sources().currentDatabase())) {
            return catalog.sources().otherDatabaseSize(name).orElseThrow(() -> PgException.of(
                    SqlState.FEATURE_NOT_SUPPORTED, "the size of another database than the current one is not supported yet"));
        }
        long total = 0;
        for (TableInfo t : catalog.tables()) {
            total += (blocks(catalog, t.relation()) + blocks(catalog, t.toastRelation())) * BLOCK;
            for (IndexInfo i : catalog.indexes(t.oid())) {
                total += blocks(catalog, i.relation()) * BLOCK;
            }
        }
        return total;
    }
}
