package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.catalog.bootstrap.BuiltinCatalog;
import org.lakepg.server.systemcatalog.CatalogSources.NamespaceInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The whole catalog as one statement sees it: built-in objects (PostgreSQL 15's OIDs), the
 * system relations themselves and the user's tables and indexes at the statement's snapshot.
 * Lookups the system relations, the catalog functions and the reg* types share live here.
 */
public final class CatalogView {
    public static final long PG_CATALOG = 11;
    public static final long PG_TOAST = 99;
    public static final long PUBLIC = 2200;
    public static final long INFORMATION_SCHEMA = 13207;
    /** The bootstrap superuser's OID. */
    public static final long SUPERUSER_OID = 10;

    private static final List<NamespaceInfo> BUILTIN_NAMESPACES = List.of(
            new NamespaceInfo(PG_CATALOG, "pg_catalog", SUPERUSER_OID),
            new NamespaceInfo(PG_TOAST, "pg_toast", SUPERUSER_OID),
            new NamespaceInfo(PUBLIC, "public", 6171),
            new NamespaceInfo(INFORMATION_SCHEMA, "information_schema", SUPERUSER_OID));

    private final CatalogSources sources;
    private List<TableInfo> tables;
    private org.lakepg.server.table.Inheritance inheritance;
    private Map<Long, TableInfo> tablesByOid;
    private Map<Long, List<IndexInfo>> indexes;

    public CatalogView(CatalogSources sources) {
        this.sources = sources;
    }

    public CatalogSources sources() {
        return sources;
    }

    public BuiltinCatalog builtins() {
        return BuiltinCatalog.get();
    }

    private org.lakepg.server.catalog.types.UserTypes userTypes;

    /** The user-defined types the statement sees. */
    public org.lakepg.server.catalog.types.UserTypes userTypes() {
        if (userTypes == null) {
            // a domain may stand on a table's row type or its array: those resolve too, besides built-in types
            userTypes = new org.lakepg.server.catalog.types.UserTypes(sources.userTypes(),
                    new org.lakepg.server.catalog.TypeCatalog() {
                        @Override
                        public Optional<org.lakepg.server.catalog.TypeEntry> type(long oid) {
                            Optional<org.lakepg.server.catalog.TypeEntry> b = builtins().type(oid);
                            return b.isPresent() ? b : tableType(oid);
                        }

                        @Override
                        public Optional<org.lakepg.server.catalog.CastEntry> cast(long source, long target) {
                            return builtins().cast(source, target);
                        }
                    });
        }
        return userTypes;
    }

    /** Built-in and user types, for formatting type names. */
    public org.lakepg.server.catalog.TypeCatalog types() {
        return new org.lakepg.server.catalog.TypeCatalog() {
            @Override
            public Optional<org.lakepg.server.catalog.TypeEntry> type(long oid) {
                Optional<org.lakepg.server.catalog.TypeEntry> b = builtins().type(oid);
                if (b.isPresent()) {
                    return b;
                }
                Optional<org.lakepg.server.catalog.TypeEntry> user = userTypes().entry(oid);
                return user.isPresent() ? user : tableType(oid);
            }

            @Override
            public String qualifier(org.lakepg.server.catalog.TypeEntry type) {
                return type.namespace() == PG_CATALOG || onSearchPath(type.namespace()) ? null
                        : namespaceName(type.namespace()).orElse(null);
            }

            @Override
            public Optional<org.lakepg.server.catalog.CastEntry> cast(long source, long target) {
                return builtins().cast(source, target);
            }
        };
    }

    /** A table's row type, or the array type over it. */
    private Optional<org.lakepg.server.catalog.TypeEntry> tableType(long oid) {
        Optional<org.lakepg.server.catalog.TypeEntry> row = table(oid).filter(t -> t.typeOid() == oid)
                .or(() -> tables().stream().filter(t -> t.rowType() == oid).findFirst()).map(t ->
                org.lakepg.server.catalog.types.UserTypeEntries.entry(rowType(t), builtins()));
        if (row.isPresent()) {
            return row;
        }
        Optional<org.lakepg.server.catalog.TypeEntry> view = views().stream().filter(v -> v.oid() == oid).findFirst()
                .map(v -> org.lakepg.server.catalog.types.UserTypeEntries.entry(viewRowType(v), builtins()));
        if (view.isPresent()) {
            return view;
        }
        Optional<org.lakepg.server.catalog.TypeEntry> viewArray = views().stream()
                .filter(v -> v.arrayType() != 0 && v.arrayType() == oid).findFirst()
                .map(v -> org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(viewRowType(v), builtins()));
        if (viewArray.isPresent()) {
            return viewArray;
        }
        return tables().stream().filter(t -> t.arrayType() == oid).findFirst().map(t ->
                org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(rowType(t), builtins()));
    }

    private static org.lakepg.server.catalog.types.UserType rowType(TableInfo t) {
        return org.lakepg.server.catalog.types.UserTypeEntries.rowType(t, SUPERUSER_OID);
    }

    public List<TableInfo> tables() {
        if (tables == null) {
            tables = sources.tables();
            tablesByOid = new HashMap<>();
            for (TableInfo t : tables) {
                tablesByOid.put(t.oid(), t);
            }
        }
        return tables;
    }

    /** Who inherits from whom, partition keys and bounds (read once per statement). */
    public org.lakepg.server.table.Inheritance inheritance() {
        if (inheritance == null) {
            inheritance = sources.inheritance();
        }
        return inheritance;
    }

    public Optional<TableInfo> table(long oid) {
        tables();
        return Optional.ofNullable(tablesByOid.get(oid));
    }

    public List<IndexInfo> indexes(long tableOid) {
        allIndexes();
        return indexes.getOrDefault(tableOid, List.of());
    }

    public List<IndexInfo> allIndexes() {
        if (indexes == null) {
            indexes = new HashMap<>();
            for (TableInfo t : tables()) {
                indexes.put(t.oid(), sources.indexes(t.oid()));
            }
        }
        List<IndexInfo> out = new ArrayList<>();
        for (TableInfo t : tables()) {
            out.addAll(indexes.get(t.oid()));
        }
        return out;
    }

    public Optional<IndexInfo> index(long oid) {
        return allIndexes().stream().filter(i -> i.oid() == oid).findFirst();
    }

    // ---- namespaces ----

    public List<NamespaceInfo> namespaces() {
        List<NamespaceInfo> out = new ArrayList<>(BUILTIN_NAMESPACES);
        out.addAll(sources.userNamespaces());
        return out;
    }

    public Optional<String> namespaceName(long oid) {
        return namespaces().stream().filter(n -> n.oid() == oid).map(NamespaceInfo::name).findFirst();
    }

    public Optional<Long> namespaceOid(String name) {
        return namespaces().stream().filter(n -> n.name().equals(name)).map(NamespaceInfo::oid).findFirst();
    }

    /**
     * The schemas searched for unqualified names, in order, as current_schemas(true) lists them:
     * pg_catalog first unless search_path places it, then the existing schemas of search_path.
     */
    public List<String> effectiveSearchPath(boolean includeImplicit) {
        List<String> session = sources.searchPath(includeImplicit);
        if (session != null) {
            return session;
        }
        List<String> out = new ArrayList<>();
        String path = sources.setting("search_path");
        List<String> named = SearchPathText.parse(path == null ? "\"$user\", public" : path);
        if (includeImplicit && !named.contains("pg_catalog")) {
            out.add("pg_catalog");
        }
        for (String n : named) {
            String schema = n.equals("$user") ? sources.currentUser() : n;
            if (namespaceOid(schema).isPresent() && !out.contains(schema)) {
                out.add(schema);
            }
        }
        return out;
    }

    /** Whether unqualified names find objects of this schema (before any same-named object is considered). */
    public boolean onSearchPath(long namespace) {
        Optional<String> name = namespaceName(namespace);
        return name.isPresent() && effectiveSearchPath(true).contains(name.get());
    }

    // ---- relations of every kind, by OID (regclass) ----

    /** A relation's name and schema, whatever it is: system relation, user table or index. */
    public record RelationName(long oid, String name, long namespace) {}

    public Optional<RelationName> relation(long oid) {
        Optional<SystemRelation> system = SystemRelations.byOid(oid);
        if (system.isPresent()) {
            return Optional.of(new RelationName(oid, system.get().name(), system.get().namespace()));
        }
        Optional<TableInfo> table = table(oid);
        if (table.isPresent()) {
            return Optional.of(new RelationName(oid, table.get().name(), table.get().namespace()));
        }
        Optional<RelationName> index = index(oid).map(i -> new RelationName(oid, i.name(),
                table(i.tableOid()).map(TableInfo::namespace).orElse(PUBLIC)));
        if (index.isPresent()) {
            return index;
        }
        return otherRelations().stream().filter(r -> r.oid() == oid).findFirst();
    }

    /** Sequences, views and composite types (relkind 'c'), which live in their own catalogs. */
    private List<RelationName> otherRelations() {
        List<RelationName> out = new ArrayList<>();
        for (CatalogSources.SequenceRow s : sequences()) {
            out.add(new RelationName(s.oid(), s.name(), s.namespace()));
        }
        for (CatalogSources.ViewRow v : views()) {
            out.add(new RelationName(v.oid(), v.name(), v.namespace()));
        }
        for (var t : userTypes().all()) {
            if (t instanceof org.lakepg.server.catalog.types.UserType.Composite c && c.relationOid() != 0) {
                out.add(new RelationName(c.relationOid(), c.name(), c.namespace()));
            }
        }
        return out;
    }

    /** A view's row type: lakepg gives it the view's OID; its array type has an OID of its own. */
    static org.lakepg.server.catalog.types.UserType.Composite viewRowType(CatalogSources.ViewRow v) {
        return new org.lakepg.server.catalog.types.UserType.Composite(v.oid(), v.arrayType(), v.name(), v.namespace(),
                v.owner(),
                v.columns().stream().map(c -> new org.lakepg.server.catalog.types.UserType.Attribute(c.name(), c.type(),
                        c.typmod())).toList(), v.oid());
    }

    /** The row type of the table or view of this name in the schema (or, for "_name", its array type). */
    public Optional<org.lakepg.server.catalog.TypeEntry> relationRowType(long namespace, String name) {
        boolean array = name.startsWith("_");
        String relation = array ? name.substring(1) : name;
        for (TableInfo t : tables()) {
            if (t.namespace() == namespace && t.name().equals(relation)) {
                var row = org.lakepg.server.catalog.types.UserTypeEntries.rowType(t, SUPERUSER_OID);
                return Optional.of(array ? org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(row, builtins())
                        : org.lakepg.server.catalog.types.UserTypeEntries.entry(row, builtins()));
            }
        }
        for (CatalogSources.ViewRow v : views()) {
            if (v.namespace() == namespace && v.name().equals(relation)) {
                if (!array) {
                    return types().type(v.oid());
                }
                if (v.arrayType() != 0) {
                    return types().type(v.arrayType());
                }
            }
        }
        return Optional.empty();
    }

    private List<CatalogSources.SequenceRow> sequences;
    private List<CatalogSources.ViewRow> views;
    private List<CatalogSources.ConstraintRow> constraints;

    public List<CatalogSources.SequenceRow> sequences() {
        if (sequences == null) {
            sequences = sources.sequences();
        }
        return sequences;
    }

    public List<CatalogSources.ViewRow> views() {
        if (views == null) {
            views = sources.views();
        }
        return views;
    }

    public List<CatalogSources.ConstraintRow> constraints() {
        if (constraints == null) {
            constraints = sources.constraints();
        }
        return constraints;
    }

    /** A user function by OID, else a built-in one. */
    public Optional<org.lakepg.server.catalog.ProcEntry> function(long oid) {
        for (var p : sources.userFunctions()) {
            if (p.oid() == oid) {
                return Optional.of(p);
            }
        }
        return builtins().proc(oid);
    }

    /** Every relation's name (system, tables, indexes), for lookups by name. */
    public List<RelationName> relations() {
        List<RelationName> out = new ArrayList<>();
        for (SystemRelation r : SystemRelations.all()) {
            out.add(new RelationName(r.oid(), r.name(), r.namespace()));
        }
        for (TableInfo t : tables()) {
            out.add(new RelationName(t.oid(), t.name(), t.namespace()));
        }
        for (IndexInfo i : allIndexes()) {
            out.add(new RelationName(i.oid(), i.name(), table(i.tableOid()).map(TableInfo::namespace).orElse(PUBLIC)));
        }
        out.addAll(otherRelations());
        return out;
    }

    /** A relation by possibly qualified name, unqualified ones along the search path. */
    public Optional<RelationName> relation(List<String> qualifiedName) {
        String name = qualifiedName.get(qualifiedName.size() - 1);
        List<String> schemas = qualifiedName.size() > 1 ? List.of(qualifiedName.get(qualifiedName.size() - 2))
                : effectiveSearchPath(true);
        List<RelationName> all = relations();
        for (String schema : schemas) {
            Optional<Long> nsp = namespaceOid(schema);
            if (nsp.isEmpty()) {
                continue;
            }
            for (RelationName r : all) {
                if (r.namespace() == nsp.get() && r.name().equals(name)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** The name as regclass output prints it: qualified only when the search path would not find it. */
    public String relationDisplayName(RelationName r) {
        Optional<RelationName> found = relation(List.of(r.name()));
        if (found.isPresent() && found.get().oid() == r.oid()) {
            return org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(r.name());
        }
        return org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(namespaceName(r.namespace()).orElse("???")) + "." + org.lakepg.server.sql.analyzer.Identifiers.quoteIfNeeded(r.name());
    }

    // ---- roles ----

    public List<CatalogSources.RoleInfo> roles() {
        List<CatalogSources.RoleInfo> out = new ArrayList<>(sources.roles());
        out.addAll(PredefinedRoles.ALL);
        return out;
    }

    public Optional<String> roleName(long oid) {
        return roles().stream().filter(r -> r.oid() == oid).map(CatalogSources.RoleInfo::name).findFirst();
    }

    public Optional<CatalogSources.RoleInfo> role(String name) {
        return roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public long currentUserOid() {
        return role(sources.currentUser()).map(CatalogSources.RoleInfo::oid).orElse(SUPERUSER_OID);
    }

    // ---- databases ----

    /** pg_database's OIDs: PostgreSQL's for the initial databases, then one per database in creation order. */
    public List<DatabaseInfo> databases() {
        List<DatabaseInfo> out = new ArrayList<>();
        long next = 16384;
        for (String name : sources.databases()) {
            long oid = switch (name) {
                case "template1" -> 1;
                case "template0" -> 4;
                case "postgres" -> 5;
                default -> next++;
            };
            out.add(new DatabaseInfo(oid, name));
        }
        return out;
    }

    public record DatabaseInfo(long oid, String name) {}

    public long currentDatabaseOid() {
        return databases().stream().filter(d -> d.name().equals(sources.currentDatabase())).map(DatabaseInfo::oid)
                .findFirst().orElse(5L);
    }
}
