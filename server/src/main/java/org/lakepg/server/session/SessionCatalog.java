package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.objects.FunctionCatalog;
import org.lakepg.server.catalog.objects.ObjectCatalog;
import org.lakepg.server.catalog.objects.SchemaInfo;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.SequenceInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/** The catalog a session's statements see: the built-in objects plus the user objects visible to its snapshot. */
final class SessionCatalog extends BuiltinAnalyzerCatalog {
    private final SessionRelations relations;
    private final ObjectCatalog objects;
    private final SearchPath searchPath;
    private final Supplier<Snapshot> snapshot;
    private final RelationAccessLog accessLog = new RelationAccessLog();
    private org.lakepg.server.sql.optimizer.PlannerContext planner = org.lakepg.server.sql.optimizer.PlannerContext.DEFAULT;

    SessionCatalog(SessionRelations relations, ObjectCatalog objects, SearchPath searchPath, Supplier<Snapshot> snapshot) {
        this.relations = relations;
        this.objects = objects;
        this.searchPath = searchPath;
        this.snapshot = snapshot;
    }

    /** Built-in casts, then the casts made for user base types (CREATE CAST ... WITHOUT FUNCTION). */
    @Override
    public Optional<org.lakepg.server.catalog.CastEntry> cast(long source, long target) {
        Optional<org.lakepg.server.catalog.CastEntry> builtin = super.cast(source, target);
        if (builtin.isPresent() || source < FIRST_USER_OID
                && target < FIRST_USER_OID) {
            return builtin;
        }
        for (long owner : new long[] {source, target}) {
            if (objects.types().find(snapshot.get(), owner).orElse(null)
                    instanceof org.lakepg.server.catalog.types.UserType.Base b && b.oid() == owner) {
                for (var c : b.casts()) {
                    if (c.source() == source && c.target() == target) {
                        return Optional.of(new org.lakepg.server.catalog.CastEntry(c.oid(), source, target, 0,
                                c.context(), 'b'));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private java.util.function.Function<TableInfo, List<org.lakepg.server.catalog.objects.PolicyCatalog.Policy>>
            rowSecurity = table -> null;

    /** Says which row-level security policies apply to the current role (see {@link RowSecurityRules}). */
    void useRowSecurity(java.util.function.Function<TableInfo,
            List<org.lakepg.server.catalog.objects.PolicyCatalog.Policy>> rules) {
        this.rowSecurity = rules;
    }

    @Override
    public List<org.lakepg.server.catalog.objects.PolicyCatalog.Policy> rowSecurity(TableInfo table) {
        return rowSecurity.apply(table);
    }

    /** The snapshot lookups use now. */
    Snapshot snapshot() {
        return snapshot.get();
    }

    void usePlanner(org.lakepg.server.sql.optimizer.PlannerContext context) {
        this.planner = context;
    }

    @Override
    public org.lakepg.server.sql.optimizer.PlannerContext planner() {
        return planner;
    }

    /** Where the relations a statement's analysis looks up are noted, for its privilege checks. */
    RelationAccessLog accessLog() {
        return accessLog;
    }

    @Override
    public Optional<TableInfo> table(List<String> qualifiedName) {
        Optional<TableInfo> found = searchPath.relation(snapshot.get(), qualifiedName).flatMap(r ->
                r instanceof SearchPath.Relation.Table t ? Optional.of(t.table()) : Optional.empty());
        found.ifPresent(t -> accessLog.record(t.oid(), t.name(), false));
        found.ifPresent(SessionCatalog::rowType); // its row type's codec, for whole-row values
        return found;
    }

    /** The transition tables of the trigger functions now running, innermost first (name to relation). */
    private final java.util.Deque<java.util.Map<String, org.lakepg.server.systemcatalog.SystemRelation>> transitionTables =
            new java.util.ArrayDeque<>();

    /** Runs a trigger function with its transition tables visible by name to the queries it runs. */
    <T> T withTransitionTables(java.util.Map<String, org.lakepg.server.systemcatalog.SystemRelation> tables,
                               Supplier<T> body) {
        transitionTables.push(tables);
        try {
            return body.get();
        } finally {
            transitionTables.pop();
        }
    }

    /**
     * The transition tables of the trigger function now running (a new object per firing, so analyses made for one
     * firing are not reused by the next, whose tables may have other columns), or null.
     */
    Object transitionTablesInUse() {
        return transitionTables.peek();
    }

    /** A transition table of the running trigger function hides a relation of the same name, as in PostgreSQL. */
    @Override
    public Optional<org.lakepg.server.systemcatalog.SystemRelation> systemRelation(List<String> qualifiedName) {
        if (qualifiedName.size() == 1 && !transitionTables.isEmpty()) {
            var found = transitionTables.peek().get(qualifiedName.get(0));
            if (found != null) {
                return Optional.of(found);
            }
        }
        var system = super.systemRelation(qualifiedName);
        if (system.isPresent()) {
            return system;
        }
        // a user sequence in FROM reads as its one-row relation
        return searchPath.sequence(snapshot.get(), qualifiedName).map(q ->
                org.lakepg.server.systemcatalog.SequenceRelation.of(q.oid(), q.namespace(), q.name()));
    }

    @Override
    public Optional<ViewInfo> view(List<String> qualifiedName) {
        Optional<ViewInfo> found = searchPath.view(snapshot.get(), qualifiedName);
        found.ifPresent(v -> accessLog.record(v.oid(), v.name(), true));
        found.ifPresent(SessionCatalog::viewRowType); // its row type's codec, for whole-row values
        return found;
    }

    @Override
    public void columnRead(long table, int position) {
        accessLog.recordColumnRead(table, position);
    }

    @Override
    public void functionUsed(ProcEntry function) {
        if (function.oid() >= FIRST_USER_OID) {
            accessLog.recordFunction(function.oid(), function.name());
        }
    }

    @Override
    public Optional<TableInfo> materializedRows(ViewInfo view) {
        return relations.catalog().tables(snapshot.get()).stream().filter(t -> t.oid() == view.relation()).findFirst();
    }

    @Override
    public <T> T expandingView(ViewInfo view, Supplier<T> expansion) {
        accessLog.enterView(view.owner());
        try {
            return searchPath.withPath(view.searchPath(), expansion);
        } finally {
            accessLog.exitView();
        }
    }

    @Override
    public <T> T withSearchPath(List<Long> schemas, Supplier<T> body) {
        return searchPath.withPath(schemas, body);
    }

    @Override
    public List<Long> searchPathSchemas() {
        return searchPath.explicitSchemas(snapshot.get()).stream().map(SchemaInfo::oid).toList();
    }

    @Override
    public List<IndexInfo> indexes(TableInfo table) {
        return relations.catalog().indexes(snapshot.get(), table.oid());
    }

    @Override
    public List<ConstraintInfo> constraints(TableInfo table) {
        return relations.catalog().constraints(snapshot.get(), table.oid());
    }

    @Override
    public Optional<SequenceInfo> ownedSequence(TableInfo table, short attnum) {
        return relations.catalog().sequences(snapshot.get()).stream()
                .filter(s -> s.ownedByTable() == table.oid() && s.ownedByColumn() == attnum).findFirst();
    }

    @Override
    public org.lakepg.server.table.Inheritance inheritance() {
        return relations.catalog().inheritance(snapshot.get());
    }

    @Override
    public Optional<TableInfo> tableByOid(long oid) {
        Optional<TableInfo> found = relations.catalog().findByOid(snapshot.get(), oid);
        found.ifPresent(SessionCatalog::rowType); // a partition's whole row has its row type too
        return found;
    }

    /** Built-in and user functions of the name, schema by schema along the search path. */
    @Override
    public List<ProcEntry> functions(List<String> qualifiedName) {
        if (qualifiedName.size() > 2) {
            return List.of();
        }
        Snapshot s = snapshot.get();
        List<FunctionCatalog.UserFunction> user = objects.functions().functions(s);
        String name = qualifiedName.get(qualifiedName.size() - 1);
        List<SchemaInfo> schemas = qualifiedName.size() == 1 ? searchPath.effectiveSchemas(s)
                : searchPath.qualifier(s, qualifiedName.get(0)).map(List::of).orElse(List.of());
        List<ProcEntry> out = new ArrayList<>();
        for (SchemaInfo schema : schemas) {
            // built-ins live in pg_catalog and information_schema (_pg_expandarray ...): each in its own schema
            for (ProcEntry builtin : super.functions(List.of(name))) {
                if (builtin.namespace() == schema.oid()) {
                    out.add(builtin);
                }
            }
            for (FunctionCatalog.UserFunction f : user) {
                if (f.proc().namespace() == schema.oid() && f.proc().name().equals(name)) {
                    out.add(withVariadic(f.proc()));
                }
            }
            for (org.lakepg.server.catalog.types.UserType t : userTypes().all()) {
                if (t instanceof org.lakepg.server.catalog.types.UserType.Range r && r.namespace() == schema.oid()) {
                    org.lakepg.server.catalog.types.RangeConstructors.of(r).stream()
                            .filter(p -> p.name().equals(name)).forEach(out::add);
                }
            }
        }
        return out;
    }

    /**
     * A user function's provariadic: lakepg_proc keeps only the argument modes, so the element type of the VARIADIC
     * parameter's array type is found here ("any" for VARIADIC "any", anyelement for anyarray ...).
     */
    private ProcEntry withVariadic(ProcEntry p) {
        char[] modes = p.argumentModes();
        if (p.variadicType() != 0 || modes == null) {
            return p;
        }
        for (int i = 0; i < modes.length; i++) {
            if (modes[i] == 'v') {
                long element = FunctionCommands.variadicElement(this, p.allArgumentTypes()[i]);
                return new ProcEntry(p.oid(), p.name(), p.namespace(), p.language(), p.cost(), p.rows(), element,
                        p.kind(), p.securityDefiner(), p.leakproof(), p.strict(), p.returnsSet(), p.volatility(),
                        p.parallel(), p.defaultArgumentCount(), p.returnType(), p.argumentTypes(), p.allArgumentTypes(),
                        p.argumentModes(), p.argumentNames(), p.argumentDefaults(), p.source(), p.sqlBody(),
                        p.defaultExpressions(), p.config());
            }
        }
        return p;
    }

    /** Built-in pg_aggregate rows, then those of CREATE AGGREGATE. */
    @Override
    public Optional<org.lakepg.server.catalog.AggregateEntry> aggregate(long function) {
        var builtin = super.aggregate(function);
        return builtin.isPresent() || function < FIRST_USER_OID ? builtin
                : objects.aggregates().find(snapshot.get(), function);
    }

    /** The operator classes of CREATE OPERATOR CLASS of that name and method, in the schemas the name looks in. */
    @Override
    public List<org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass> userOperatorClasses(
            List<String> qualifiedName, String method) {
        var user = objects.operatorClasses().classes(snapshot.get());
        if (user.isEmpty() || qualifiedName.size() > 2) {
            return List.of();
        }
        String name = qualifiedName.get(qualifiedName.size() - 1);
        List<SchemaInfo> schemas = qualifiedName.size() == 1 ? searchPath.effectiveSchemas(snapshot.get())
                : searchPath.qualifier(snapshot.get(), qualifiedName.get(0)).map(List::of).orElse(List.of());
        List<org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass> out = new ArrayList<>();
        for (SchemaInfo schema : schemas) {
            for (var u : user) {
                if (u.name().equals(name) && u.method().equals(method) && u.namespace() == schema.oid()) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    @Override
    public Optional<org.lakepg.server.catalog.objects.OperatorClassCatalog.UserOperatorClass> userOperatorClass(
            long oid) {
        return objects.operatorClasses().classes(snapshot.get()).stream().filter(c -> c.oid() == oid).findFirst();
    }

    /** Built-in operators, then those of CREATE OPERATOR in the schemas the name looks in. */
    @Override
    public List<org.lakepg.server.catalog.OperatorEntry> operators(List<String> qualifiedName) {
        List<org.lakepg.server.catalog.OperatorEntry> builtin = super.operators(qualifiedName);
        var user = objects.operators().operators(snapshot.get());
        if (user.isEmpty() || qualifiedName.size() > 2) {
            return builtin;
        }
        String name = qualifiedName.get(qualifiedName.size() - 1);
        List<SchemaInfo> schemas = qualifiedName.size() == 1 ? searchPath.effectiveSchemas(snapshot.get())
                : searchPath.qualifier(snapshot.get(), qualifiedName.get(0)).map(List::of).orElse(List.of());
        List<org.lakepg.server.catalog.OperatorEntry> out = new ArrayList<>(builtin);
        for (var u : user) {
            if (u.entry().name().equals(name) && schemas.stream().anyMatch(s -> s.oid() == u.entry().namespace())) {
                out.add(u.entry());
            }
        }
        return out;
    }

    @Override
    public Optional<ProcEntry> function(long oid) {
        Optional<ProcEntry> builtin = super.function(oid);
        if (builtin.isPresent()) {
            return builtin;
        }
        Optional<ProcEntry> user = objects.functions().find(snapshot.get(), oid).map(FunctionCatalog.UserFunction::proc)
                .map(this::withVariadic);
        if (user.isPresent()) {
            return user;
        }
        for (org.lakepg.server.catalog.types.UserType t : userTypes().all()) {
            if (t instanceof org.lakepg.server.catalog.types.UserType.Range r && oid >= r.firstConstructorOid()
                    && oid < r.firstConstructorOid() + org.lakepg.server.catalog.types.RangeConstructors.COUNT) {
                return Optional.of(org.lakepg.server.catalog.types.RangeConstructors.of(r)
                        .get((int) (oid - r.firstConstructorOid())));
            }
        }
        return Optional.empty();
    }

    /** Built-in types, then the user types visible to the statement (and their array types). */
    @Override
    public Optional<org.lakepg.server.catalog.TypeEntry> type(long oid) {
        Optional<org.lakepg.server.catalog.TypeEntry> builtin = super.type(oid);
        if (builtin.isPresent() || oid < FIRST_USER_OID) {
            return builtin;
        }
        Optional<org.lakepg.server.catalog.TypeEntry> user = userTypes().entry(oid);
        if (user.isPresent()) {
            return user;
        }
        return tableType(oid, this);
    }

    /** The table (or view) whose row type, a composite type of its columns, has this OID. */
    private Optional<org.lakepg.server.catalog.types.UserType> tableRowType(long oid) {
        Snapshot s = snapshot.get();
        Optional<org.lakepg.server.catalog.types.UserType> table = relations.catalog().findByOid(s, oid)
                .filter(t -> t.typeOid() == oid).or(() -> relations.catalog().tables(s).stream()
                        .filter(t -> t.rowType() == oid).findFirst()).map(SessionCatalog::rowType);
        return table.isPresent() ? table : objects.views().views(snapshot.get()).stream().filter(v -> v.oid() == oid)
                .findFirst().map(SessionCatalog::viewRowType);
    }

    /** A view's row type: a composite type of its columns, published like a table's. */
    private static org.lakepg.server.catalog.types.UserType viewRowType(ViewInfo v) {
        var type = new org.lakepg.server.catalog.types.UserType.Composite(v.oid(), v.arrayType(), v.name(), v.namespace(),
                v.owner(),
                v.columns().stream().map(c -> new org.lakepg.server.catalog.types.UserType.Attribute(c.name(), c.type(),
                        c.typmod())).toList(), v.oid());
        if (!type.equals(org.lakepg.server.catalog.types.UserTypeRegistry.find(v.oid()))) {
            org.lakepg.server.catalog.types.UserTypeRegistry.publish(type);
        }
        return type;
    }

    /** The row type last published per table OID, with the TableInfo it was made from (compared by identity). */
    private static final java.util.Map<Long, PublishedRowType> ROW_TYPES = new java.util.concurrent.ConcurrentHashMap<>();

    private record PublishedRowType(TableInfo table, org.lakepg.server.catalog.types.UserType type) { }

    private static org.lakepg.server.catalog.types.UserType rowType(TableInfo t) {
        PublishedRowType published = ROW_TYPES.get(t.oid());
        if (published != null && published.table() == t
                && org.lakepg.server.catalog.types.UserTypeRegistry.find(t.typeOid()) == published.type()) {
            return published.type(); // the table's catalog entry is unchanged: its row type is registered already
        }
        var type = org.lakepg.server.catalog.types.UserTypeEntries.rowType(t, 10);
        org.lakepg.server.catalog.types.UserTypeRegistry.publish(type);
        ROW_TYPES.put(t.oid(), new PublishedRowType(t, type));
        return type;
    }

    @Override
    public String qualifier(org.lakepg.server.catalog.TypeEntry type) {
        if (type.namespace() == SchemaInfo.PG_CATALOG) {
            return null;
        }
        Snapshot s = snapshot.get();
        List<SchemaInfo> path = searchPath.effectiveSchemas(s);
        if (path.stream().anyMatch(schema -> schema.oid() == type.namespace())) {
            return null;
        }
        return searchPath.schemaName(s, type.namespace()).orElse(null);
    }

    @Override
    public Optional<org.lakepg.server.catalog.TypeEntry> typeByName(List<String> qualifiedName) {
        if (qualifiedName.size() > 2) {
            return Optional.empty();
        }
        Snapshot s = snapshot.get();
        String name = qualifiedName.get(qualifiedName.size() - 1);
        List<SchemaInfo> schemas = qualifiedName.size() == 1 ? searchPath.effectiveSchemas(s)
                : searchPath.qualifier(s, qualifiedName.get(0)).map(List::of).orElse(List.of());
        org.lakepg.server.catalog.types.UserTypes user = userTypes();
        for (SchemaInfo schema : schemas) {
            Optional<org.lakepg.server.catalog.TypeEntry> found = schema.oid() == SchemaInfo.PG_CATALOG
                    ? super.typeByName(List.of(name)) : user.byName(schema.oid(), name);
            if (found.isEmpty() && schema.oid() == SchemaInfo.INFORMATION_SCHEMA) {
                found = org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().typeByName(schema.oid(), name);
            }
            if (found.isEmpty() && schema.oid() != SchemaInfo.PG_CATALOG) {
                found = relations.catalog().find(s, schema.oid(), name).map(t -> org.lakepg.server.catalog.types
                        .UserTypeEntries.entry(rowType(t), this));
            }
            if (found.isEmpty() && schema.oid() != SchemaInfo.PG_CATALOG) {
                found = objects.views().find(s, schema.oid(), name).map(v -> org.lakepg.server.catalog.types
                        .UserTypeEntries.entry(viewRowType(v), this));
            }
            if (found.isEmpty() && schema.oid() != SchemaInfo.PG_CATALOG && name.startsWith("_")) {
                // _tablename: the array type of a table's (or view's) row type
                found = relations.catalog().find(s, schema.oid(), name.substring(1)).filter(t -> t.arrayType() != 0)
                        .map(t -> org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(rowType(t), this))
                        .or(() -> objects.views().find(s, schema.oid(), name.substring(1))
                                .filter(v -> v.arrayType() != 0).map(v -> org.lakepg.server.catalog.types
                                        .UserTypeEntries.arrayEntry(viewRowType(v), this)));
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<org.lakepg.server.catalog.types.UserType> userType(long oid) {
        if (oid < FIRST_USER_OID) {
            return org.lakepg.server.catalog.types.BuiltinDomains.find(oid);
        }
        Optional<org.lakepg.server.catalog.types.UserType> found = objects.types().find(snapshot.get(), oid)
                .filter(t -> t.oid() == oid);
        return found.isPresent() ? found : tableRowType(oid);
    }

    @Override
    public long rangeSubtype(long rangeType) {
        long builtin = super.rangeSubtype(rangeType);
        if (builtin != 0 || rangeType < FIRST_USER_OID) {
            return builtin;
        }
        return userType(rangeType).orElse(null) instanceof org.lakepg.server.catalog.types.UserType.Range r
                ? r.subtype() : 0;
    }

    @Override
    public long multirangeRange(long multirangeType) {
        long builtin = super.multirangeRange(multirangeType);
        if (builtin != 0 || multirangeType < FIRST_USER_OID) {
            return builtin;
        }
        for (org.lakepg.server.catalog.types.UserType t : userTypes().all()) {
            if (t instanceof org.lakepg.server.catalog.types.UserType.Range r && r.multirangeOid() == multirangeType) {
                return r.oid();
            }
        }
        return 0;
    }

    /** User types sort with their base type's (domains) or their kind's (enums, arrays) btree opclass. */
    @Override
    public Optional<ProcEntry> btreeComparison(long type) {
        if (rangeSubtype(type) != 0) {
            return super.btreeComparison(org.lakepg.server.catalog.TypeOids.ANYRANGE);
        }
        if (multirangeRange(type) != 0) {
            return super.btreeComparison(org.lakepg.server.catalog.TypeOids.ANYMULTIRANGE);
        }
        if (type >= FIRST_USER_OID) {
            Optional<org.lakepg.server.catalog.TypeEntry> t = type(type);
            if (t.isPresent()) {
                var entry = t.get();
                if (entry.isDomain()) {
                    return btreeComparison(entry.baseType());
                }
                if (entry.kind() == org.lakepg.server.catalog.TypeEntry.KIND_ENUM) {
                    return super.btreeComparison(org.lakepg.server.catalog.TypeOids.ANYENUM);
                }
                if (entry.isArray()) {
                    return super.btreeComparison(org.lakepg.server.catalog.TypeOids.ANYARRAY);
                }
                if (entry.kind() == org.lakepg.server.catalog.TypeEntry.KIND_COMPOSITE) {
                    return super.btreeComparison(org.lakepg.server.catalog.TypeOids.RECORD);
                }
            }
        }
        return super.btreeComparison(type);
    }

    /** The user types the statement's snapshot sees. */
    org.lakepg.server.catalog.types.UserTypes userTypes() {
        BuiltinAnalyzerCatalog builtins = new BuiltinAnalyzerCatalog();
        // a domain may stand on a table's row type or its array: those resolve too, besides built-in types
        return new org.lakepg.server.catalog.types.UserTypes(objects.types().types(snapshot.get()),
                new org.lakepg.server.catalog.TypeCatalog() {
                    @Override
                    public Optional<org.lakepg.server.catalog.TypeEntry> type(long oid) {
                        Optional<org.lakepg.server.catalog.TypeEntry> b = builtins.type(oid);
                        return b.isPresent() || oid < FIRST_USER_OID ? b
                                : tableType(oid, builtins);
                    }

                    @Override
                    public Optional<org.lakepg.server.catalog.CastEntry> cast(long source, long target) {
                        return builtins.cast(source, target);
                    }
                });
    }

    /** A table's row type, or the array type over it. */
    private Optional<org.lakepg.server.catalog.TypeEntry> tableType(long oid, org.lakepg.server.catalog.TypeCatalog types) {
        Optional<org.lakepg.server.catalog.TypeEntry> row = tableRowType(oid).map(t ->
                org.lakepg.server.catalog.types.UserTypeEntries.entry(t, types));
        if (row.isPresent()) {
            return row;
        }
        Optional<org.lakepg.server.catalog.TypeEntry> viewArray = objects.views().views(snapshot.get()).stream()
                .filter(v -> v.arrayType() != 0 && v.arrayType() == oid).findFirst()
                .map(v -> org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(viewRowType(v), types));
        if (viewArray.isPresent()) {
            return viewArray;
        }
        return relations.catalog().tables(snapshot.get()).stream().filter(t -> t.arrayType() == oid).findFirst()
                .map(t -> org.lakepg.server.catalog.types.UserTypeEntries.arrayEntry(rowType(t), types));
    }
}
