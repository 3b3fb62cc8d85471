package org.lakepg.server.systemcatalog;

import java.util.Map;
import java.util.Optional;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.sql.analyzer.TypeNames;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * pg_describe_object: an object named by (catalog, OID, sub-id) as PostgreSQL's getObjectDescription words
 * it ("table mc_shop.orders", "column name of table people", "function plpgsql_validator(oid)"); names are
 * schema-qualified when the search path does not find them. NULL for an object that does not exist.
 */
public final class ObjectDescriptions {
    private ObjectDescriptions() {}

    static final long PG_TYPE = 1247;
    static final long PG_PROC = 1255;
    static final long PG_CLASS = 1259;
    static final long PG_AUTHID = 1260;
    static final long PG_DATABASE = 1262;
    static final long PG_CONSTRAINT = 2606;
    static final long PG_LANGUAGE = 2612;
    static final long PG_NAMESPACE = 2615;
    static final long PG_EXTENSION = 3079;

    private static final Map<Long, String> LANGUAGES = Map.of(12L, "internal", 13L, "c", 14L, "sql",
            13563L, "plpgsql");

    public static String describe(CatalogView catalog, long classId, long objectId, int subId) {
        Optional<String> text = switch ((int) classId) {
            case (int) PG_CLASS -> relation(catalog, objectId, subId);
            case (int) PG_PROC -> catalog.function(objectId).map(p -> function(catalog, p));
            case (int) PG_TYPE -> catalog.builtins().type(objectId)
                    .map(t -> "type " + TypeNames.format(catalog.builtins(), objectId));
            case (int) PG_NAMESPACE -> catalog.namespaceName(objectId).map(n -> "schema " + n);
            case (int) PG_LANGUAGE -> Optional.ofNullable(LANGUAGES.get(objectId)).map(n -> "language " + n);
            case (int) PG_EXTENSION -> objectId == 13559 ? Optional.of("extension plpgsql") : Optional.empty();
            case (int) PG_AUTHID -> catalog.roleName(objectId).map(n -> "role " + n);
            case (int) PG_DATABASE -> catalog.databases().stream().filter(d -> d.oid() == objectId)
                    .map(d -> "database " + d.name()).findFirst();
            case (int) PG_CONSTRAINT -> catalog.constraints().stream().filter(c -> c.oid() == objectId).findFirst()
                    .flatMap(c -> catalog.relation(c.tableOid())
                            .map(t -> "constraint " + c.name() + " on table " + catalog.relationDisplayName(t)));
            default -> Optional.empty();
        };
        return text.orElse(null);
    }

    private static Optional<String> relation(CatalogView catalog, long oid, int subId) {
        Optional<CatalogView.RelationName> found = catalog.relation(oid);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String name = catalog.relationDisplayName(found.get());
        String kind = relationKind(catalog, oid);
        if (subId == 0) {
            return Optional.of(kind + " " + name);
        }
        return columnName(catalog, oid, subId).map(c -> "column " + c + " of " + kind + " " + name);
    }

    private static String relationKind(CatalogView catalog, long oid) {
        if (catalog.table(oid).isPresent()) {
            return "table";
        }
        if (catalog.index(oid).isPresent()) {
            return "index";
        }
        if (catalog.sequences().stream().anyMatch(s -> s.oid() == oid)) {
            return "sequence";
        }
        Optional<CatalogSources.ViewRow> view = catalog.views().stream().filter(v -> v.oid() == oid).findFirst();
        if (view.isPresent()) {
            return view.get().materialized() ? "materialized view" : "view";
        }
        return SystemRelations.byOid(oid).map(r -> switch (r.kind()) {
            case 'v' -> "view";
            case 'i' -> "index";
            default -> "table";
        }).orElse("relation");
    }

    private static Optional<String> columnName(CatalogView catalog, long oid, int number) {
        Optional<TableInfo> table = catalog.table(oid);
        if (table.isPresent()) {
            return table.get().columns().stream().filter(c -> c.number() == number).map(ColumnInfo::name).findFirst();
        }
        Optional<CatalogSources.ViewRow> view = catalog.views().stream().filter(v -> v.oid() == oid).findFirst();
        if (view.isPresent()) {
            return view.get().columns().stream().filter(c -> c.number() == number).map(ColumnInfo::name).findFirst();
        }
        return SystemRelations.byOid(oid).flatMap(r -> r.columns().stream().filter(c -> c.number() == number)
                .map(SystemColumn::name).findFirst());
    }

    private static String function(CatalogView catalog, ProcEntry p) {
        String signature = RegTypes.procedureSignature(catalog, p);
        if (!catalog.onSearchPath(p.namespace())) {
            signature = catalog.namespaceName(p.namespace()).map(n -> n + ".").orElse("") + signature;
        }
        return (p.kind() == 'p' ? "procedure " : "function ") + signature;
    }
}
