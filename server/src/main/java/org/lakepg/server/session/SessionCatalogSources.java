package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lakepg.storage.ForkNumber;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.systemcatalog.CatalogSources;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import static org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

/** The system catalog's sources for one session: its database's compute, the cluster, its settings. */
final class SessionCatalogSources implements CatalogSources {
    /** The compute the session's statements run on now (its own, or a read-only time-travel one). */
    private final Supplier<org.lakepg.server.Compute> computes;
    private final org.lakepg.server.Cluster cluster;
    private final SessionSettings settings;
    private final FunctionContext session;
    private final Supplier<Snapshot> snapshot;
    private final ActiveSessions sessions;
    private java.util.function.LongFunction<org.lakepg.server.stats.RelationStatistics> ownMeasurements = r -> null;
    private java.util.function.Consumer<org.lakepg.wire.error.PgException> notices = n -> { };
    private org.lakepg.server.auth.SessionRoles roles;
    private java.util.function.LongSupplier tempNamespace = () -> 0;
    private String tempSchemaName = "pg_temp";

    /** Resolves the names of view queries being deparsed (the session's catalog). */
    private Supplier<org.lakepg.server.sql.analyzer.AnalyzerCatalog> analyzerCatalog =
            org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog::new;

    void setAnalyzerCatalog(Supplier<org.lakepg.server.sql.analyzer.AnalyzerCatalog> catalog) {
        this.analyzerCatalog = catalog;
    }

    void setNotices(java.util.function.Consumer<org.lakepg.wire.error.PgException> notices) {
        this.notices = notices;
    }

    private Supplier<List<PreparedStatementRow>> preparedStatements = List::of;
    private Supplier<List<CursorRow>> cursors = List::of;

    /** The session's prepared statements and open cursors (pg_prepared_statements, pg_cursors). */
    void setSessionStatements(Supplier<List<PreparedStatementRow>> prepared, Supplier<List<CursorRow>> open) {
        this.preparedStatements = prepared;
        this.cursors = open;
    }

    @Override
    public List<PreparedStatementRow> preparedStatements() {
        return preparedStatements.get();
    }

    @Override
    public List<CursorRow> cursors() {
        return cursors.get();
    }

    /** The cluster's roles (pg_authid) and the session's temporary namespace (0 while it has none). */
    void setSessionObjects(org.lakepg.server.auth.SessionRoles roles, java.util.function.LongSupplier tempNamespace,
                           String tempSchemaName) {
        this.roles = roles;
        this.tempNamespace = tempNamespace;
        this.tempSchemaName = tempSchemaName;
    }

    SessionCatalogSources(Supplier<org.lakepg.server.Compute> computes, org.lakepg.server.Cluster cluster,
                          SessionSettings settings, FunctionContext session, Supplier<Snapshot> snapshot,
                          ActiveSessions sessions) {
        this.computes = computes;
        this.cluster = cluster;
        this.settings = settings;
        this.session = session;
        this.snapshot = snapshot;
        this.sessions = sessions;
    }

    private org.lakepg.server.Compute compute() {
        return computes.get();
    }

    @Override
    public List<TableInfo> tables() {
        return compute().tables().tables(snapshot.get());
    }

    @Override
    public org.lakepg.server.table.Inheritance inheritance() {
        return compute().tables().inheritance(snapshot.get());
    }

    @Override
    public List<IndexInfo> indexes(long tableOid) {
        return compute().tables().indexes(snapshot.get(), tableOid);
    }

    @Override
    public List<String> databases() {
        List<String> out = new ArrayList<>(cluster.databaseNames());
        if (!out.contains(org.lakepg.server.Cluster.TEMPLATE0)) {
            out.add(org.lakepg.server.Cluster.TEMPLATE0);
        }
        return out;
    }

    @Override
    public String currentDatabase() {
        return session.currentDatabase();
    }

    @Override
    public String currentUser() {
        return session.currentUser();
    }

    @Override
    public String sessionUser() {
        return session.sessionUser();
    }

    @Override
    public List<RoleInfo> roles() {
        if (roles == null) {
            return List.of(new RoleInfo(org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER, 10, true, true));
        }
        List<RoleInfo> out = new ArrayList<>();
        for (org.lakepg.server.auth.Role r : roles.all()) {
            if (r.oid() >= FIRST_USER_OID || r.oid() == org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID) {
                // the catalog adds the predefined pg_* roles itself
                out.add(new RoleInfo(r.name(), r.oid(), r.superuser(), r.login(), r.inherit(), r.createRole(),
                        r.createDb(), r.replication(), r.bypassRls(), r.connectionLimit()));
            }
        }
        return out;
    }

    @Override
    public long tableOwner(long tableOid) {
        return compute().objects().privileges().owner(snapshot.get(),
                org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, tableOid)
                .orElse(org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID);
    }

    @Override
    public List<String> acl(long classoid, long oid) {
        return compute().objects().privileges().aclItems(snapshot.get(), classoid, oid, this::roleName).orElse(null);
    }

    @Override
    public List<LargeObjectRow> largeObjects() {
        var store = compute().objects().largeObjects();
        return store.objects(snapshot.get()).stream()
                .map(lo -> new LargeObjectRow(lo.oid(), lo.owner(),
                        acl(org.lakepg.server.catalog.objects.CatalogClasses.PG_LARGEOBJECT, lo.oid()))).toList();
    }

    @Override
    public List<LargeObjectPageRow> largeObjectPages() {
        var store = compute().objects().largeObjects();
        return store.allPages(snapshot.get()).stream()
                .map(p -> new LargeObjectPageRow(p.loid(), p.pageno(), p.data())).toList();
    }

    @Override
    public List<DefaultAclRow> defaultAcls() {
        return compute().objects().defaultAcls().entries(snapshot.get()).stream()
                .map(e -> new DefaultAclRow(e.oid(), e.role(), e.namespace(), e.objtype(), e.acl().stream()
                        .map(i -> (i.grantee() == 0 ? "" : roleName(i.grantee())) + "=" + i.privileges() + "/"
                                + roleName(i.grantor())).toList()))
                .toList();
    }

    @Override
    public List<String> columnAcl(long table, int attnum) {
        return compute().objects().columnPrivileges().aclItems(snapshot.get(), table, attnum, this::roleName)
                .orElse(null);
    }

    /** A role's name in an aclitem; PostgreSQL prints a dropped role's OID as its number. */
    private String roleName(long oid) {
        if (oid == org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID && roles == null) {
            return org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER;
        }
        return roles == null ? Long.toString(oid)
                : roles.find(oid).map(org.lakepg.server.auth.Role::name).orElse(Long.toString(oid));
    }

    @Override
    public List<MembershipRow> roleMemberships() {
        if (roles == null) {
            return List.of();
        }
        return roles.memberships().stream()
                .map(m -> new MembershipRow(m.role(), m.member(), m.grantor(), m.adminOption())).toList();
    }

    @Override
    public long databaseOwner(String database) {
        return cluster.owner(database);
    }

    @Override
    public List<RoleSettingRow> roleSettings() {
        List<RoleSettingRow> out = new ArrayList<>();
        Map<String, Map<String, String>> databases = cluster.allSettings();
        if (roles != null) {
            for (var change : roles.pendingDatabaseSettings()) {
                Map<String, String> values = databases.computeIfAbsent(change.database(),
                        d -> new java.util.LinkedHashMap<>());
                org.lakepg.server.auth.RoleChange.applySetting(values, change.name(), change.value());
            }
        }
        databases.forEach((database, values) -> out.add(new RoleSettingRow(database, 0, config(values))));
        if (roles != null) {
            roles.allSettings().forEach((role, byDatabase) -> byDatabase.forEach((database, values) ->
                    out.add(new RoleSettingRow(database.isEmpty() ? null : database, role, config(values)))));
        }
        return out;
    }

    private static List<String> config(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    @Override
    public List<SessionActivity> sessions() {
        return sessions.list();
    }

    /** The running transaction's own VACUUM/ANALYZE measurements, seen before they commit. */
    void setOwnMeasurements(java.util.function.LongFunction<org.lakepg.server.stats.RelationStatistics> own) {
        this.ownMeasurements = own;
    }

    @Override
    public org.lakepg.server.stats.RelationStatistics measured(long relation) {
        var own = ownMeasurements.apply(relation);
        if (own != null) {
            return own;
        }
        return sessions.statistics().database(session.currentDatabase()).measured(relation);
    }

    @Override
    public org.lakepg.server.stats.TableStatistics tableStatistics(long relation) {
        return sessions.statistics().database(session.currentDatabase()).relation(relation);
    }

    @Override
    public org.lakepg.server.stats.DatabaseStatistics databaseStatistics(String database) {
        return sessions.statistics().database(database).database();
    }

    @Override
    public List<LockRow> locks() {
        return sessions.locks();
    }

    @Override
    public List<SettingInfo> settings() {
        List<SettingInfo> out = new ArrayList<>();
        for (SettingDefinition d : settings.definitions()) {
            String value = settings.get(d.name());
            String boot = d.bootValue();
            if (d.kind() == SettingDefinition.Kind.INTEGER) {
                value = baseUnits(d, value);
                boot = baseUnits(d, boot);
            }
            boolean numeric = d.kind() == SettingDefinition.Kind.INTEGER || d.kind() == SettingDefinition.Kind.REAL;
            out.add(new SettingInfo(d.name(), value, d.unit().sqlName(), d.category(), d.description(),
                    d.context().sqlName(), d.kind().name().toLowerCase(java.util.Locale.ROOT),
                    value.equals(boot) ? "default" : "session", numeric ? Long.toString(d.min()) : null,
                    numeric ? Long.toString(d.max()) : null,
                    d.kind() == SettingDefinition.Kind.ENUM ? d.enumValues() : null, boot, value));
        }
        return out;
    }

    private static String baseUnits(SettingDefinition d, String value) {
        try {
            return Long.toString(SettingValues.parseInteger(d, d.name(), value));
        } catch (RuntimeException e) {
            return value;
        }
    }

    @Override
    public long relationBlocks(int relation) {
        return compute().access().cache().relationSize(relation, ForkNumber.MAIN);
    }

    @Override
    public long currentWalLsn() {
        var writer = compute().access().writer();
        return writer.wal().insertLsn(writer.timeline()).value();
    }

    @Override
    public long serverStartMicros() {
        return sessions.startMicros();
    }

    @Override
    public boolean cancelBackend(int pid) {
        checkMaySignal(pid, false);
        return sessions.cancel(pid);
    }

    @Override
    public boolean terminateBackend(int pid) {
        checkMaySignal(pid, true);
        return sessions.terminate(pid);
    }

    /**
     * PostgreSQL's pg_signal_backend checks: a superuser's session only by a superuser; any other by a role with the
     * privileges of the session's user or of pg_signal_backend. The current user is the function owner inside a
     * SECURITY DEFINER function, so such a function owned by pg_signal_backend cannot end a superuser's session.
     */
    private void checkMaySignal(int pid, boolean terminate) {
        CatalogSources.SessionActivity target = sessions.activity(pid);
        if (target == null || roles == null) {
            return; // no such session: the caller warns, as PostgreSQL does
        }
        var current = roles.find(session.currentUser()).orElse(null);
        boolean superuser = current != null && current.superuser();
        var targetRole = roles.find(target.user()).orElse(null);
        if (targetRole != null && targetRole.superuser() && !superuser) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, terminate
                    ? "must be a superuser to terminate superuser process"
                    : "must be a superuser to cancel superuser query");
        }
        if (superuser) {
            return;
        }
        boolean mayAct = current != null && (targetRole != null && roles.hasPrivilegesOf(current.oid(), targetRole.oid())
                || roles.hasPrivilegesOf(current.oid(), SIGNAL_BACKEND_ROLE));
        if (!mayAct) {
            throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, terminate
                    ? "must be a member of the role whose process is being terminated or member of pg_signal_backend"
                    : "must be a member of the role whose query is being canceled or member of pg_signal_backend");
        }
    }

    /** pg_signal_backend's OID. */
    private static final long SIGNAL_BACKEND_ROLE = 4200;

    @Override
    public void notice(org.lakepg.wire.error.PgException notice) {
        notices.accept(notice);
    }

    @Override
    public String setting(String name) {
        return session.setting(name);
    }

    @Override
    public List<String> searchPath(boolean implicit) {
        return session.searchPathSchemas(implicit);
    }

    // ---- what ddl's table catalog and the object catalog record ----

    @Override
    public List<NamespaceInfo> userNamespaces() {
        List<NamespaceInfo> out = new ArrayList<>();
        for (var schema : compute().objects().schemas().schemas(snapshot.get())) {
            if (!schema.builtIn()) {
                out.add(new NamespaceInfo(schema.oid(), schema.name(), schema.owner()));
            }
        }
        long temp = tempNamespace.getAsLong();
        if (temp != 0) {
            out.add(new NamespaceInfo(temp, tempSchemaName, org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID));
        }
        return out;
    }

    @Override
    public List<Description> descriptions() {
        List<Description> out = new ArrayList<>();
        for (var c : compute().objects().comments().comments(snapshot.get())) {
            out.add(new Description(c.objoid(), c.classoid(), c.objsubid(), c.description()));
        }
        return out;
    }

    @Override
    public List<ConstraintRow> constraints() {
        Snapshot s = snapshot.get();
        List<ConstraintRow> out = new ArrayList<>();
        for (org.lakepg.server.table.ConstraintInfo c : compute().tables().constraints(s)) {
            java.util.Optional<TableInfo> table = compute().tables().findByOid(s, c.tableOid());
            long namespace = table.map(TableInfo::namespace)
                    .orElse(org.lakepg.server.table.TableCatalog.PUBLIC_NAMESPACE);
            // a CHECK constraint's columns are the ones its expression reads (conkey)
            List<Short> columns = c.type() == 'c' && c.columns().isEmpty() && table.isPresent()
                    ? org.lakepg.server.systemcatalog.CatalogSources.checkColumns(c.checkExpr(), table.get().columns())
                    : c.columns();
            out.add(new ConstraintRow(c.oid(), c.name(), namespace, c.tableOid(), c.type(), columns, c.checkExpr(),
                    c.refTable(), c.refColumns(), c.onUpdate(), c.onDelete(), c.matchType(), c.deferrable(),
                    c.initiallyDeferred(), c.indexOid()));
        }
        return out;
    }

    @Override
    public List<DefaultRow> columnDefaults() {
        List<DefaultRow> out = new ArrayList<>();
        List<org.lakepg.server.table.SequenceInfo> owned = null;
        for (TableInfo t : tables()) {
            for (org.lakepg.server.table.ColumnInfo c : t.columns()) {
                if (c.defaultExpr() == null) {
                    continue;
                }
                String expression = DefaultExpressionDisplay.of(c.defaultExpr(), c);
                if (expression.startsWith("nextval(")) {
                    owned = owned != null ? owned : compute().tables().sequences(snapshot.get());
                    expression = owned.stream().filter(q -> q.ownedByTable() == t.oid() && q.ownedByColumn() == c.number())
                            .findFirst().map(q -> "nextval(" + org.lakepg.server.table.ExpressionText.literal(
                                    visibleName(q.namespace(), q.name())) + "::regclass)").orElse(expression);
                }
                // lakepg keeps no pg_attrdef OIDs: one derived from the column stands in, stable and distinct
                out.add(new DefaultRow(t.oid() * 1601 + c.number(), t.oid(), c.number(), expression));
            }
        }
        return out;
    }

    /** A relation's name as regclass output shows it: qualified unless its schema is on the search path. */
    private String visibleName(long namespace, String name) {
        String schema = namespace == org.lakepg.server.table.TableCatalog.PUBLIC_NAMESPACE ? "public"
                : userNamespaces().stream().filter(n -> n.oid() == namespace).map(NamespaceInfo::name).findFirst()
                        .orElse(null);
        return schema == null || searchPath(true).contains(schema) ? name : schema + "." + name;
    }

    @Override
    public List<SequenceRow> sequences() {
        Snapshot s = snapshot.get();
        List<SequenceRow> out = new ArrayList<>();
        for (org.lakepg.server.table.SequenceInfo q : compute().tables().sequences(s)) {
            boolean identity = q.ownedByTable() != 0 && compute().tables().findByOid(s, q.ownedByTable())
                    .flatMap(t -> t.columns().stream().filter(c -> c.number() == q.ownedByColumn()).findFirst())
                    .map(org.lakepg.server.table.ColumnInfo::isIdentity).orElse(false);
            Long last = null;
            try {
                var sequence = compute().tables().sequence(q);
                last = sequence.isCalled() ? sequence.lastValue() : null;
            } catch (RuntimeException e) {
                // a sequence being created or dropped by another transaction: no value to show
            }
            var o = q.options();
            out.add(new SequenceRow(q.oid(), q.name(), q.namespace(), q.relation(), q.type(), o.start(), o.increment(),
                    o.max(), o.min(), q.cache(), o.cycle(), q.ownedByTable(), q.ownedByColumn(), identity, last));
        }
        return out;
    }

    @Override
    public List<ViewRow> views() {
        List<ViewRow> out = new ArrayList<>();
        for (var v : compute().objects().views().views(snapshot.get())) {
            var catalog = analyzerCatalog.get();
            String[] memo = new String[1];
            java.util.function.Supplier<String> definition = () -> {
                if (memo[0] == null) {
                    memo[0] = org.lakepg.server.sql.deparse.ViewDeparser.deparse(v.statement(), v.columns(),
                            v.searchPath(), catalog, this::schemaName, session)
                            .orElseGet(() -> viewDefinition(v.statement()));
                }
                return memo[0];
            };
            out.add(new ViewRow(v.oid(), v.name(), v.namespace(), definition, v.columns(), v.owner(),
                    v.materialized(), v.arrayType(), v.dependsOn()));
        }
        return out;
    }

    private String schemaName(long namespace) {
        if (namespace == org.lakepg.server.table.TableCatalog.PUBLIC_NAMESPACE) {
            return "public";
        }
        if (namespace == tempNamespace.getAsLong()) {
            return tempSchemaName;
        }
        String name = schemaQualifier(namespace);
        return name != null ? name : "pg_catalog";
    }

    private String schemaQualifier(long namespace) {
        if (namespace == org.lakepg.server.table.TableCatalog.PUBLIC_NAMESPACE) {
            return null;
        }
        for (var schema : compute().objects().schemas().schemas(snapshot.get())) {
            if (schema.oid() == namespace) {
                return schema.name();
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern VIEW_QUERY = java.util.regex.Pattern.compile(
            "(?is)\\bAS\\s+(\\(?\\s*(?:SELECT|WITH|VALUES|TABLE)\\b.*)");
    private static final java.util.regex.Pattern VIEW_TRAILER = java.util.regex.Pattern.compile(
            "(?is)\\s+WITH\\s+(?:(?:CASCADED|LOCAL)\\s+CHECK\\s+OPTION|NO\\s+DATA|DATA)\\s*;?\\s*$");

    /**
     * pg_get_viewdef's text. lakepg keeps the CREATE statement as written, not a deparsed query: the query part of
     * it is shown, started as PostgreSQL starts it (" SELECT ...").
     */
    private static String viewDefinition(String statement) {
        java.util.regex.Matcher m = VIEW_QUERY.matcher(statement);
        String text = m.find() ? m.group(1) : statement;
        text = VIEW_TRAILER.matcher(text).replaceFirst("").strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return " " + text + ";";
    }

    @Override
    public List<org.lakepg.server.catalog.objects.OperatorCatalog.UserOperator> userOperators() {
        return compute().objects().operators().operators(snapshot.get());
    }

    @Override
    public Map<Long, Long> userFunctionOwners() {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (var f : compute().objects().functions().functions(snapshot.get())) {
            out.put(f.proc().oid(), f.owner());
        }
        return out;
    }

    @Override
    public List<org.lakepg.server.catalog.ProcEntry> userFunctions() {
        List<org.lakepg.server.catalog.ProcEntry> out = new ArrayList<>();
        for (var f : compute().objects().functions().functions(snapshot.get())) {
            out.add(f.proc());
        }
        // a range type's constructors and its multirange's are pg_proc rows too (DefineRange makes them)
        for (var t : userTypes()) {
            if (t instanceof org.lakepg.server.catalog.types.UserType.Range r && r.firstConstructorOid() != 0) {
                out.addAll(org.lakepg.server.catalog.types.RangeConstructors.of(r));
            }
        }
        return out;
    }

    @Override
    public java.util.Optional<String> deparsedCheck(String condition, long tableOid, long domainOid, boolean pretty) {
        if (domainOid != 0) {
            return userTypes().stream().filter(t -> t.oid() == domainOid
                            && t instanceof org.lakepg.server.catalog.types.UserType.Domain)
                    .map(t -> (org.lakepg.server.catalog.types.UserType.Domain) t).findFirst()
                    .flatMap(d -> org.lakepg.server.sql.deparse.RowExpressions.overDomainValue(condition, d.baseType(),
                            d.baseTypmod(), analyzerCatalog.get(), session, pretty));
        }
        return compute().tables().findByOid(snapshot.get(), tableOid).flatMap(t ->
                org.lakepg.server.sql.deparse.RowExpressions.overTable(condition, t.oid(), t.columns(),
                        analyzerCatalog.get(), session, pretty));
    }

    @Override
    public List<org.lakepg.server.catalog.types.UserType> userTypes() {
        return compute().objects().types().types(snapshot.get());
    }

    @Override
    public java.util.Optional<List<Boolean>> updatableViewColumns(long viewOid) {
        return compute().objects().views().views(snapshot.get()).stream().filter(v -> v.oid() == viewOid).findFirst()
                .flatMap(v -> new UpdatableViews(analyzerCatalog.get(), this::schemaName).updatableColumns(v));
    }

    @Override
    public java.util.OptionalLong otherDatabaseSize(String name) {
        return java.util.OptionalLong.of(cluster.databaseSize(name));
    }

    @Override
    public List<org.lakepg.server.catalog.objects.EventTriggerCatalog.EventTrigger> eventTriggers() {
        return compute().objects().eventTriggers().all(snapshot.get());
    }

    @Override
    public List<org.lakepg.server.catalog.objects.PolicyCatalog.Policy> policies() {
        return compute().objects().policies().all(snapshot.get());
    }

    @Override
    public org.lakepg.server.catalog.objects.PolicyCatalog.Switches rowSecurity(long table) {
        return compute().objects().policies().switches(snapshot.get(), table);
    }

    @Override
    public List<org.lakepg.server.catalog.objects.RuleCatalog.RuleInfo> rules() {
        return compute().objects().rules().rules(snapshot.get());
    }

    @Override
    public String ruleDefinition(long oid, boolean pretty) {
        var rule = rules().stream().filter(r -> r.oid() == oid).findFirst().orElse(null);
        if (rule == null) {
            return null;
        }
        var table = compute().tables().tables(snapshot.get()).stream().filter(t -> t.oid() == rule.relid()).findFirst();
        var view = compute().objects().views().views(snapshot.get()).stream().filter(v -> v.oid() == rule.relid())
                .findFirst();
        if (table.isEmpty() && view.isEmpty()) {
            return null;
        }
        try {
            var statement = (org.lakepg.server.sql.ast.RuleStmt) org.lakepg.server.sql.parser.SqlParser
                    .parse(rule.definition()).get(0).statement();
            var catalog = analyzerCatalog.get();
            var deparser = new org.lakepg.server.sql.deparse.QueryDeparser(catalog,
                    org.lakepg.server.exec.expr.WireTypeIO.INSTANCE, session, this::schemaName);
            long namespace = table.isPresent() ? table.get().namespace() : view.get().namespace();
            // the rule's names resolve along the session's path and then its table's schema and public (the rule
            // keeps no path of its own), and are qualified unless the session's path finds them: pg_dump's restore
            // runs under an empty search_path
            List<Long> sessionPath = catalog.searchPathSchemas();
            List<Long> rulePath = new java.util.ArrayList<>(sessionPath);
            for (long schema : List.of(namespace, org.lakepg.server.table.TableCatalog.PUBLIC_NAMESPACE)) {
                if (!rulePath.contains(schema)) {
                    rulePath.add(schema);
                }
            }
            return catalog.withSearchPath(rulePath, () -> deparser.shownAlong(sessionPath).rule(statement,
                    rule.relid(), table.isPresent() ? table.get().name() : view.get().name(), namespace,
                    table.isPresent() ? table.get().columns() : view.get().columns(), pretty));
        } catch (RuntimeException e) {
            // a rule whose action this deparser cannot print shows as it was written
            String text = rule.definition().strip();
            return text.endsWith(";") ? text : text + ";";
        }
    }

    @Override
    public List<org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo> triggers() {
        // triggers of dropped tables stay in the catalog until then unseen: a trigger lives as long as its table
        var triggers = compute().objects().triggers().triggers(snapshot.get());
        if (triggers.isEmpty()) {
            return triggers;
        }
        java.util.Set<Long> tables = new java.util.HashSet<>();
        compute().tables().tables(snapshot.get()).forEach(t -> tables.add(t.oid()));
        return triggers.stream().filter(t -> tables.contains(t.relid())).toList();
    }
}
