package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Name resolution through the search_path setting, as PostgreSQL's namespace.c: the listed schemas that
 * exist ("$user" meaning the schema named like the current user), pg_catalog implicitly first unless listed,
 * and the first existing listed schema as the one new objects are created in.
 */
final class SearchPath {
    private final ObjectCatalog objects;
    private final TableCatalog tables;
    private final Supplier<String> setting;
    private final Supplier<String> user;
    private java.util.function.BiConsumer<Snapshot, SchemaInfo> createCheck = (snapshot, schema) -> { };

    /** The name of the session's schema for temporary objects (pg_temp_N). */
    private final String tempSchemaName;

    SearchPath(ObjectCatalog objects, TableCatalog tables, Supplier<String> setting, Supplier<String> user,
               String tempSchemaName) {
        this.objects = objects;
        this.tables = tables;
        this.setting = setting;
        this.user = user;
        this.tempSchemaName = tempSchemaName;
    }

    /** Whether this session made its temporary schema (whose objects then go when the session ends). */
    boolean tempSchemaUsed() {
        return tempNamespace.getAsLong() != 0;
    }

    Optional<SchemaInfo> tempSchema(Snapshot snapshot) {
        return tempSchema();
    }

    /**
     * The schema a CREATE puts its relation in: the session's temporary schema for TEMP (or pg_temp.name),
     * else the named one or the first of the search path.
     */
    SchemaInfo creationSchema(org.lakepg.server.txn.Transaction txn, org.lakepg.server.sql.ast.RangeVar rel,
                              java.util.function.BiConsumer<org.lakepg.server.txn.Transaction, SchemaInfo> dropStale) {
        String schema = rel.schemaname();
        boolean tempName = schema != null && isTempName(schema);
        if (rel.relpersistence() == 't' || tempName) {
            if (schema != null && !tempName) {
                throw PgException.of(SqlState.INVALID_TABLE_DEFINITION,
                        "cannot create temporary relation in non-temporary schema");
            }
            ensureTemp.getAsLong(); // a fresh namespace per session: nothing stale to drop
            return tempSchema().orElseThrow();
        }
        return creationSchema(txn.snapshot(), schema);
    }

    private java.util.function.BiPredicate<Snapshot, SchemaInfo> usage = (snapshot, schema) -> true;
    private java.util.function.LongSupplier tempNamespace = () -> 0;
    private java.util.function.LongSupplier ensureTemp = () -> {
        throw new IllegalStateException("no temporary namespace for this search path");
    };

    /**
     * The session's temporary namespace (0 while it has none; {@code ensure} makes it): searched first, named
     * pg_temp.
     */
    void setTempNamespace(java.util.function.LongSupplier tempNamespace, java.util.function.LongSupplier ensure) {
        this.tempNamespace = tempNamespace;
        this.ensureTemp = ensure;
    }

    /** The session's temporary schema, once it has one. */
    Optional<SchemaInfo> tempSchema() {
        long oid = tempNamespace.getAsLong();
        return oid == 0 ? Optional.empty() : Optional.of(new SchemaInfo(oid, tempSchemaName, 10));
    }

    /** pg_temp, or the pg_temp_N name of a temporary schema. */
    static boolean isTempName(String name) {
        return name.equals("pg_temp") || name.startsWith("pg_temp_");
    }

    /** Whether the current role may look into a schema (USAGE privilege on it). */
    void setUsageCheck(java.util.function.BiPredicate<Snapshot, SchemaInfo> check) {
        this.usage = check;
    }

    /** A schema named to qualify an object: 42501 without USAGE on it. */
    Optional<SchemaInfo> qualifier(Snapshot snapshot, String name) {
        if (isTempName(name)) {
            return tempSchema();
        }
        Optional<SchemaInfo> schema = objects.schemas().find(snapshot, name);
        if (schema.isPresent() && !usage.test(snapshot, schema.get())) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema %s", name);
        }
        return schema;
    }

    /** What creating an object in a schema requires (CREATE privilege on it). */
    void setCreateCheck(java.util.function.BiConsumer<Snapshot, SchemaInfo> check) {
        this.createCheck = check;
    }

    /** A table or a view. */
    sealed interface Relation {
        long namespace();

        String name();

        record Table(TableInfo table) implements Relation {
            public long namespace() {
                return table.namespace();
            }

            public String name() {
                return table.name();
            }
        }

        record View(ViewInfo view) implements Relation {
            public long namespace() {
                return view.namespace();
            }

            public String name() {
                return view.name();
            }
        }
    }

    /** Paths in force instead of the setting: a view's own while it is expanded, CREATE SCHEMA's elements'. */
    private final java.util.Deque<List<Long>> overrides = new java.util.ArrayDeque<>();

    <T> T withPath(List<Long> schemas, Supplier<T> body) {
        overrides.push(schemas);
        try {
            return body.get();
        } finally {
            overrides.pop();
        }
    }

    /** The listed schemas that exist, in order (current_schemas(false)). */
    List<SchemaInfo> explicitSchemas(Snapshot snapshot) {
        List<SchemaInfo> out = new ArrayList<>();
        List<SchemaInfo> all = objects.schemas().schemas(snapshot); // one scan for the whole path
        if (!overrides.isEmpty()) {
            for (long oid : overrides.peek()) {
                all.stream().filter(s -> s.oid() == oid && !out.contains(s)).findFirst().ifPresent(out::add);
            }
            return out;
        }
        for (String name : parsedSetting()) {
            if (name.equals("pg_temp")) {
                tempSchema().filter(t -> !out.contains(t)).ifPresent(out::add);
                continue;
            }
            String schema = name.equals("$user") ? user.get() : name;
            // a listed schema the role may not use is skipped, as in PostgreSQL
            all.stream().filter(s -> s.name().equals(schema)).findFirst()
                    .filter(s -> !out.contains(s) && usage.test(snapshot, s)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The schemas searched, implicit ones included (current_schemas(true)): the session's temporary schema
     * first, then pg_catalog, unless search_path places them.
     */
    List<SchemaInfo> effectiveSchemas(Snapshot snapshot) {
        List<SchemaInfo> explicit = explicitSchemas(snapshot);
        List<SchemaInfo> out = new ArrayList<>();
        tempSchema().filter(t -> !explicit.contains(t)).ifPresent(out::add);
        if (explicit.stream().noneMatch(s -> s.oid() == SchemaInfo.PG_CATALOG)) {
            out.add(SchemaInfo.BUILT_IN_PG_CATALOG);
        }
        out.addAll(explicit);
        return out;
    }

    /** The name of a schema by OID (the temporary one included). */
    Optional<String> schemaName(Snapshot snapshot, long oid) {
        Optional<SchemaInfo> temp = tempSchema().filter(t -> t.oid() == oid);
        return (temp.isPresent() ? temp : objects.schemas().find(snapshot, oid)).map(SchemaInfo::name);
    }

    /** A schema by name, or 3F000. */
    SchemaInfo schema(Snapshot snapshot, String name) {
        return (isTempName(name) ? tempSchema() : objects.schemas().find(snapshot, name)).orElseThrow(() -> PgException.of(SqlState.INVALID_SCHEMA_NAME,
                "schema \"%s\" does not exist", name));
    }

    /** The schema a new object named so goes into: the named one, else the first existing listed one. */
    SchemaInfo creationSchema(Snapshot snapshot, String explicitSchema) {
        SchemaInfo schema = explicitSchema != null ? schema(snapshot, explicitSchema)
                : explicitSchemas(snapshot).stream().findFirst().orElseThrow(() -> PgException.of(
                        SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in"));
        createCheck.accept(snapshot, schema);
        return schema;
    }

    /** The view a (possibly qualified) name means; only the view catalog is read when no view has the name. */
    Optional<ViewInfo> view(Snapshot snapshot, List<String> qualifiedName) {
        String name = qualifiedName.get(qualifiedName.size() - 1);
        if (objects.views().views(snapshot).stream().noneMatch(v -> v.name().equals(name))) {
            return Optional.empty();
        }
        return relation(snapshot, qualifiedName).flatMap(r -> r instanceof Relation.View v ? Optional.of(v.view())
                : Optional.empty());
    }

    /** The table or view a (possibly qualified) name means. */
    Optional<Relation> relation(Snapshot snapshot, List<String> qualifiedName) {
        String name = qualifiedName.get(qualifiedName.size() - 1);
        if (qualifiedName.size() > 1) {
            if (qualifiedName.size() > 2) {
                return Optional.empty();
            }
            return qualifier(snapshot, qualifiedName.get(0)).flatMap(s -> relation(snapshot, s.oid(), name));
        }
        // one pass over each catalog for the name, then the nearest schema that has it
        List<Relation> named = new ArrayList<>();
        for (TableInfo t : tables.named(snapshot, name)) {
            named.add(new Relation.Table(t));
        }
        objects.views().views(snapshot).stream().filter(v -> v.name().equals(name))
                .forEach(v -> named.add(new Relation.View(v)));
        if (named.isEmpty()) {
            return Optional.empty();
        }
        for (SchemaInfo s : effectiveSchemas(snapshot)) {
            for (Relation r : named) {
                if (r.namespace() == s.oid()) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** A sequence by (possibly schema-qualified) name, the first schema of the path that has it. */
    Optional<org.lakepg.server.table.SequenceInfo> sequence(Snapshot snapshot, List<String> qualifiedName) {
        String name = qualifiedName.get(qualifiedName.size() - 1);
        if (qualifiedName.size() > 2) {
            return Optional.empty();
        }
        if (qualifiedName.size() == 2) {
            return qualifier(snapshot, qualifiedName.get(0)).flatMap(s -> tables.findSequence(snapshot, s.oid(), name));
        }
        for (SchemaInfo s : effectiveSchemas(snapshot)) {
            var found = tables.findSequence(snapshot, s.oid(), name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    Optional<Relation> relation(Snapshot snapshot, long namespace, String name) {
        Optional<TableInfo> table = tables.find(snapshot, namespace, name);
        if (table.isPresent()) {
            return Optional.of(new Relation.Table(table.get()));
        }
        return objects.views().find(snapshot, namespace, name).map(Relation.View::new);
    }

    private String lastSetting;
    private List<String> lastNames;

    /** The setting's names, parsed again only when the value changed (every statement resolves names). */
    private List<String> parsedSetting() {
        String value = setting.get();
        if (!value.equals(lastSetting)) {
            lastNames = names(value);
            lastSetting = value;
        }
        return lastNames;
    }

    /** The elements of a search_path value: unquoted names folded to lower case, "quoted" ones kept. */
    static List<String> names(String value) {
        return org.lakepg.server.systemcatalog.SearchPathText.parse(value);
    }
}
