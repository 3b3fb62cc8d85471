package org.lakepg.server.session;

import java.util.Iterator;
import java.util.function.Consumer;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.Executor;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.analyzer.QueryAnalyzer;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TransactionStmt;
import org.lakepg.server.sql.ast.VariableSetStmt;
import org.lakepg.server.sql.ast.VariableShowStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Analyzes statements into commands and starts them; the session drives transactions and the wire. */
final class StatementExecutor {
    private final AnalyzerCatalog catalog;
    private final TypeIO io;
    private final FunctionContext session;
    private final Consumer<PgException> notices;
    private final SettingCommands settingCommands;
    private final TransactionCommands transactionCommands;
    private final SessionSettings settings;
    private final Executor executor;

    private final DdlCommands ddl;
    private final SessionRelations relations;
    private final SchemaCommands schemas;
    private final ViewCommands views;
    private final ObjectCommands objectNames;
    private final FunctionCommands functions;
    private final AggregateCommands aggregates;
    private final FunctionCalls functionCalls;
    private final RoleCommands roleCommands;
    private final java.util.Map<Long, Long> definerOwners = new java.util.HashMap<>();
    private org.lakepg.server.txn.Snapshot definerOwnersSnapshot;
    private final Privileges privileges;
    private final PrivilegeCommands privilegeCommands;
    private final CommentCommands comments;
    private final RelationAccessLog accessLog;
    private final RoleAccess roles;
    private final org.lakepg.server.catalog.objects.ObjectCatalog objects;
    private final SearchPath searchPath;
    private final org.lakepg.server.table.TableCatalog tables;
    private final UpdatableViews updatableViews;
    private final TransactionBlock block;
    private final DatabaseCommands databases;
    private final CopyCommand copy;
    private final java.util.function.Supplier<org.lakepg.server.txn.Transaction> transaction;
    private PreparedCommands prepared = new PreparedCommands(new PreparedStatements());
    private CursorCommands cursors;

    /** Where VACUUM and ANALYZE report the tables they processed (pg_stat_all_tables). */
    void onMaintenance(org.lakepg.server.stats.MaintenanceLog log) {
        ddl.onMaintenance(log);
    }
    private final TypeCommands types;
    private final DomainCommands domains;
    private final PlpgsqlCalls plpgsql;
    private final SessionTriggers triggers;
    private final RenamedViews renamedViews;
    private final TriggerCommands triggerCommands;
    private final EventTriggerCommands eventTriggerCommands;
    private final EventTriggerFiring eventTriggers;
    private final SessionRules rules;
    private final RuleCommands ruleCommands;
    private final OperatorCommands operatorCommands;
    /** Set while the statements a rule rewrite made are analyzed: their rules were applied already. */
    private boolean rulesApplied;
    private final PolicyCommands policies;
    private final ColumnPrivileges columnPrivileges;
    private final RelationAccessCheck accessCheck;
    /** The columns the last checked statement writes (error details also show the user those). */
    private java.util.Map<Character, java.util.List<String>> lastWrites = java.util.Map.of();

    StatementExecutor(AnalyzerCatalog catalog, TypeIO io, FunctionContext session, SessionSettings settings,
                      TransactionBlock block, Consumer<PgException> notices, SessionRelations relations,
                      java.util.function.Supplier<org.lakepg.server.txn.Transaction> transaction,
                      DatabaseCommands databases, java.util.function.Supplier<org.lakepg.wire.protocol.ResultSink> sink,
                      org.lakepg.server.catalog.objects.ObjectCatalog objects, SearchPath searchPath, RoleAccess roles) {
        this.databases = databases;
        this.tables = relations.catalog();
        this.relations = relations;
        this.privileges = new Privileges(objects, roles);
        this.columnPrivileges = new ColumnPrivileges(objects, relations.catalog(), privileges);
        this.accessCheck = new RelationAccessCheck(privileges, columnPrivileges);
        if (catalog instanceof SessionCatalog c) {
            c.useRowSecurity(new RowSecurityRules(objects, roles, privileges, settings, c::snapshot)::applying);
        }
        var defaultPrivileges = new DefaultPrivilegeCommands(objects, roles, tables::newOid);
        this.schemas = new SchemaCommands(objects, tables, roles, notices, privileges, session::currentDatabase,
                defaultPrivileges);
        RelationAccessLog log = catalog instanceof SessionCatalog c ? c.accessLog() : new RelationAccessLog();
        this.views = new ViewCommands(objects, tables, searchPath, roles, notices, log, defaultPrivileges);
        views.setStaleTempSchemaDrop(schemas::dropWithContents);
        this.objectNames = new ObjectCommands(objects, tables, searchPath, roles, notices, schemas, defaultPrivileges);
        this.functions = new FunctionCommands(objects, tables, searchPath, roles, notices, catalog, settings,
                defaultPrivileges);
        this.aggregates = new AggregateCommands(objects, tables, searchPath, roles, notices, catalog);
        objectNames.setFunctions(functions);
        this.functionCalls = new FunctionCalls(roles, catalog, privileges);
        this.roleCommands = new RoleCommands(roles, objects, tables, notices, set -> {
            // a value the session's SET would refuse is refused here too; nothing changes in this session
            var probe = new SessionSettings(new SettingsRegistry(), java.util.Map.of());
            probe.set(set.name(), SettingCommands.flatten(set.name(), set.args()), false);
        }, databases::requireExists, databases::ownedBy);
        this.privilegeCommands = new PrivilegeCommands(objects, tables, searchPath, roles, privileges, functions,
                session::currentDatabase);
        this.accessLog = log;
        this.roles = roles;
        this.objects = objects;
        this.searchPath = searchPath;
        this.updatableViews = new UpdatableViews(catalog, oid -> objects.schemas()
                .find(((SessionCatalog) catalog).snapshot(), oid).map(s -> s.name()).orElse(null));
        searchPath.setCreateCheck(privileges::requireCreate);
        searchPath.setUsageCheck((snapshot, schema) -> privileges.holds(snapshot, roles.currentRoleOid(),
                org.lakepg.server.catalog.objects.CatalogClasses.PG_NAMESPACE, schema.oid(), schema.owner(), 'U'));
        this.copy = new CopyCommand(relations.catalog(), sink);
        this.catalog = catalog;
        this.ddl = new DdlCommands(relations, notices);
        this.block = block;
        this.transaction = transaction;
        this.io = io;
        this.session = session;
        this.settings = settings;
        this.notices = notices;
        this.settingCommands = new SettingCommands(settings, block, notices);
        this.transactionCommands = new TransactionCommands(block);
        this.executor = new Executor(new ExprCompiler(FunctionRegistry.builtins(), io), FunctionRegistry.builtins());
        this.plpgsql = new PlpgsqlCalls(this, catalog, transaction, notices);
        functionCalls.setPlpgsql(plpgsql);
        this.triggers = new SessionTriggers(objects, catalog, transaction, plpgsql);
        this.renamedViews = new RenamedViews(objects, tables, searchPath, catalog, session, triggers::schemaName);
        this.triggerCommands = new TriggerCommands(objects, relations, catalog, notices);
        this.eventTriggerCommands = new EventTriggerCommands(objects, catalog, roles, relations, notices);
        this.eventTriggers = new EventTriggerFiring(objects, catalog, transaction, plpgsql, settings);
        this.rules = new SessionRules(objects, catalog, catalog instanceof SessionCatalog c ? c::snapshot
                : () -> transaction.get().snapshot());
        this.ruleCommands = new RuleCommands(objects, catalog, relations, rules, notices);
        this.operatorCommands = new OperatorCommands(objects, catalog, searchPath, roles, notices, relations.catalog());
        this.policies = new PolicyCommands(objects, relations, roles, privileges, notices);
        this.types = new TypeCommands(objects, tables, searchPath, roles, notices, catalog);
        this.comments = new CommentCommands(objects, tables, searchPath, roles, privileges, functions,
                session::currentDatabase, this.types::commentTarget);
        this.domains = new DomainCommands(objects, tables, roles, notices, types,
                new DomainValidation(tables, session));
    }

    /** The session's prepared statements and cursors, which outlive this executor (time travel makes a new one). */
    void setSessionStatements(PreparedStatements statements, Cursors open) {
        this.prepared = new PreparedCommands(statements);
        this.cursors = new CursorCommands(open, block);
    }

    /** Where scan-heavy queries go: the columnar engine (lakepg.analytics) or, by default until set, the row engine. */
    private Routing analytics = (plan, context) -> plan;

    /** Chooses the engine of each query's subtrees at Execute (settings and table sizes as they are then). */
    interface Routing {
        org.lakepg.server.sql.plan.PlanNode route(org.lakepg.server.sql.plan.PlanNode plan, ExecContext context);
    }

    void setAnalyticsRouting(Routing routing) {
        this.analytics = routing;
    }

    /** The session ends: its temporary schema and what is in it go, in a transaction of their own. */
    void dropTemporaryObjects(org.lakepg.server.txn.TransactionManager transactions) {
        if (!searchPath.tempSchemaUsed()) {
            return;
        }
        var txn = transactions.begin();
        try {
            searchPath.tempSchema(txn.snapshot()).ifPresent(schema -> schemas.dropWithContents(txn, schema));
            txn.commit();
        } catch (RuntimeException e) {
            txn.rollback();
            throw e;
        }
    }

    /** A user SQL function called from a running statement (not inlined). */
    Object runSqlFunction(long oid, Object[] arguments, ExecContext caller) {
        var proc = catalog.function(oid).orElse(null);
        if (proc != null && proc.language() == org.lakepg.server.catalog.ProcEntry.LANGUAGE_PLPGSQL) {
            return plpgsql.call(proc, arguments, caller);
        }
        if (proc == null) {
            return functionCalls.invoke(oid, arguments, caller, transaction.get(), this::queries, executor, this::runUtility);
        }
        return withSecurityOf(proc, () -> functionCalls.invoke(oid, arguments, caller, transaction.get(), this::queries,
                executor, this::runUtility));
    }

    /** A utility statement of a SQL function's body (CREATE TABLE AS), run as a command of its own. */
    private void runUtility(Statement statement, ExecContext context) {
        Command command = analyze(new RawStatement(statement, 0, 0), new int[0]);
        start(command, context).rows().forEachRemaining(row -> { });
        newPlanEpoch();
    }

    /** A query run from a function (ts_rewrite, ts_stat) within the calling statement, as SPI runs it. */
    org.lakepg.server.function.FunctionContext.QueryRows runQuery(String sql, ExecContext caller) {
        var host = plpgsql.host(caller);
        var prepared = host.prepare(sql, java.util.List.of(), org.lakepg.server.sql.analyzer.Scope.EMPTY);
        if (prepared.columns() == null) {
            host.run(prepared, new Object[0]);
            return new org.lakepg.server.function.FunctionContext.QueryRows(new long[0],
                    java.util.Collections.emptyIterator());
        }
        long[] types = prepared.columns().stream().mapToLong(org.lakepg.server.sql.plan.OutputColumn::type).toArray();
        return new org.lakepg.server.function.FunctionContext.QueryRows(types, host.run(prepared, new Object[0]));
    }

    /** nextval and friends: the current role needs one of the privileges (aclitem letters) on the sequence. */
    void checkSequenceAccess(org.lakepg.server.table.SequenceInfo sequence, String anyOf) {
        if (roles.superuser()) {
            return;
        }
        var snapshot = ((SessionCatalog) catalog).snapshot();
        long owner = privileges.tableOwner(snapshot, sequence.oid());
        for (char privilege : anyOf.toCharArray()) {
            if (privileges.holds(snapshot, roles.currentRoleOid(),
                    org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, sequence.oid(), owner, privilege)) {
                return;
            }
        }
        throw PgException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for sequence %s", sequence.name());
    }

    /** has_table_privilege and friends, answered from this session's catalogs. */
    /** See {@link org.lakepg.server.function.FunctionContext#visibleColumns}. */
    java.util.BitSet visibleColumns(org.lakepg.server.txn.Snapshot snapshot, long table, boolean withWritten) {
        long role = roles.currentRoleOid();
        long owner = privileges.tableOwner(snapshot, table);
        if (roles.superuser() || privileges.holds(snapshot, role,
                org.lakepg.server.catalog.objects.CatalogClasses.PG_CLASS, table, owner, 'r')) {
            return null;
        }
        java.util.BitSet visible = new java.util.BitSet();
        for (ColumnPrivileges.Column c : columnPrivileges.columns(snapshot, table)) {
            boolean written = withWritten && lastWrites.values().stream().anyMatch(cols -> cols == null
                    || cols.contains(c.name()));
            if (written || columnPrivileges.granted(snapshot, role, table, c.attnum(), 'r', false)) {
                visible.set(c.position());
            }
        }
        return visible;
    }

    PrivilegeInquiry privilegeInquiry() {
        return new PrivilegeInquiry(objects, searchPath, roles, privileges, functions, columnPrivileges);
    }

    /**
     * Statements whose plan the simple-protocol cache may keep: queries and DML, which analyze into a plan and
     * change nothing before they run (not SELECT INTO, which creates a table, nor WHERE CURRENT OF, which names a
     * cursor of the moment).
     */
    static boolean cacheable(Statement statement) {
        return switch (statement) {
            case SelectStmt s -> s.intoClause() == null;
            case org.lakepg.server.sql.ast.InsertStmt i -> true;
            case org.lakepg.server.sql.ast.UpdateStmt u -> !(u.whereClause() instanceof org.lakepg.server.sql.ast.CurrentOfExpr);
            case org.lakepg.server.sql.ast.DeleteStmt d -> !(d.whereClause() instanceof org.lakepg.server.sql.ast.CurrentOfExpr);
            default -> false;
        };
    }

    /** Statements a failed transaction block still runs. */
    static boolean allowedInFailedBlock(Statement statement) {
        return statement instanceof TransactionStmt t && TransactionCommands.allowedInFailedBlock(t);
    }

    Command analyze(RawStatement raw, int[] parameterTypes) {
        return analyze(raw, null, parameterTypes);
    }

    /** @param sql the query string the statement came from (definitions keep their text), or null */
    Command analyze(RawStatement raw, String sql, int[] parameterTypes) {
        if (raw == null) {
            return new Command.Empty();
        }
        Statement statement = raw.statement();
        String text = sql == null ? null : sql.substring(raw.location(), raw.location() + raw.length());
        if (!rulesApplied && RuleActionPlans.mayBeRewritten(statement) && rules.any()) {
            statement = rules.rewriter().withItemsRewritten(statement);
            raw = new RawStatement(statement, raw.location(), raw.length());
        }
        if (!rulesApplied && RuleActionPlans.writes(statement) && rules.any()) {
            var rewritten = rules.rewriter().rewrite(statement);
            if (rewritten != null) {
                return analyzeRewritten(rewritten, statement, raw, sql, parameterTypes);
            }
        }
        return switch (statement) {
            case org.lakepg.server.sql.ast.RuleStmt r -> new Command.Definition(r, text, raw.location());
            case org.lakepg.server.sql.ast.ViewStmt v -> new Command.Definition(v, text, raw.location());
            case org.lakepg.server.sql.ast.CreateTableAsStmt m
                    when m.objtype().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.MATVIEW ->
                    new Command.Definition(m, text, raw.location());
            case org.lakepg.server.sql.ast.RefreshMatViewStmt r -> new Command.Utility(r, null);
            case org.lakepg.server.sql.ast.CreateFunctionStmt f -> new Command.Definition(f, text, raw.location());
            case org.lakepg.server.sql.ast.CallStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.DoStmt d -> new Command.Utility(d, null);
            case org.lakepg.server.sql.ast.CreateTrigStmt t -> new Command.Definition(t, text, raw.location());
            case org.lakepg.server.sql.ast.CreateSchemaStmt c when c.schemaElts() != null && !c.schemaElts().isEmpty() ->
                    new Command.Definition(c, text, raw.location());
            case org.lakepg.server.sql.ast.CreateSchemaStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.RenameStmt r -> new Command.Utility(r, null);
            case org.lakepg.server.sql.ast.AlterOwnerStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.AlterFunctionStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.AlterObjectSchemaStmt a -> new Command.Utility(a, null);
            case SelectStmt select when RowLocking.locks(select) -> checked(select, java.util.List.of(), null,
                    () -> new Command.Query(RowLocking.plan(select, queries(new ParameterTypes(parameterTypes))::select)));
            case SelectStmt select -> checked(select, java.util.List.of(), null,
                    () -> new Command.Query(queries(new ParameterTypes(parameterTypes)).select(select)));
            case org.lakepg.server.sql.ast.InsertStmt original -> {
                var insert = updatableViews.rewrite(original);
                if (insert != original && !rulesApplied && rules.any()) {
                    var rewritten = rules.rewriter().rewrite(insert); // the rules of the table under the view
                    if (rewritten != null) {
                        yield analyzeRewritten(rewritten, original, raw, sql, parameterTypes);
                    }
                }
                yield checked(insert, updatableViews.lastChain(), updatableViews.lastLevels(),
                        () -> new Command.Query(modifier(parameterTypes)
                            .withViewChecks(updatableViews.lastCheckOptions()).insert(insert)));
            }
            case org.lakepg.server.sql.ast.UpdateStmt original -> {
                refuseCurrentOfView(original.relation(), original.whereClause());
                var update = updatableViews.rewrite(original);
                if (update != original && !rulesApplied && rules.any()) {
                    var rewritten = rules.rewriter().rewrite(update); // the rules of the table under the view
                    if (rewritten != null) {
                        yield analyzeRewritten(rewritten, original, raw, sql, parameterTypes);
                    }
                }
                yield checked(update, updatableViews.lastChain(), updatableViews.lastLevels(),
                        () -> new Command.Query(modifier(parameterTypes)
                                .withViewChecks(updatableViews.lastCheckOptions()).update(update)));
            }
            case org.lakepg.server.sql.ast.DeleteStmt original -> {
                refuseCurrentOfView(original.relation(), original.whereClause());
                var delete = updatableViews.rewrite(original);
                if (delete != original && !rulesApplied && rules.any()) {
                    var rewritten = rules.rewriter().rewrite(delete); // the rules of the table under the view
                    if (rewritten != null) {
                        yield analyzeRewritten(rewritten, original, raw, sql, parameterTypes);
                    }
                }
                yield checked(delete, updatableViews.lastChain(), updatableViews.lastLevels(),
                        () -> new Command.Query(modifier(parameterTypes).delete(delete)));
            }
            case org.lakepg.server.sql.ast.MergeStmt merge -> checked(merge, java.util.List.of(), null,
                    () -> new Command.Query(modifier(parameterTypes).merge(merge)));
            case org.lakepg.server.sql.ast.CreateRoleStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.AlterRoleStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.DropRoleStmt d -> new Command.Utility(d, null);
            case org.lakepg.server.sql.ast.GrantRoleStmt g -> new Command.Utility(g, null);
            case org.lakepg.server.sql.ast.GrantStmt g -> new Command.Utility(g, null);
            case org.lakepg.server.sql.ast.AlterDefaultPrivilegesStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.DropOwnedStmt d -> new Command.Utility(d, null);
            case org.lakepg.server.sql.ast.ReassignOwnedStmt r -> new Command.Utility(r, null);
            case org.lakepg.server.sql.ast.CommentStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.CreateStmt create -> new Command.Utility(create, null);
            case org.lakepg.server.sql.ast.DropStmt drop -> new Command.Utility(drop, null);
            case org.lakepg.server.sql.ast.CreatedbStmt create -> new Command.Utility(create, null);
            case org.lakepg.server.sql.ast.CreateTableAsStmt ctas -> new Command.Utility(ctas, null);
            case org.lakepg.server.sql.ast.CopyStmt c -> {
                org.lakepg.server.sql.analyzer.SelectIntoPlaces.checkCopyQuery(c.query());
                yield new Command.Utility(c, null);
            }
            case org.lakepg.server.sql.ast.TruncateStmt t -> new Command.Utility(t, null);
            case org.lakepg.server.sql.ast.LockStmt l -> new Command.Utility(l, null);
            case org.lakepg.server.sql.ast.VacuumStmt v -> new Command.Utility(v, null);
            case org.lakepg.server.sql.ast.IndexStmt i -> new Command.Utility(i, null);
            case org.lakepg.server.sql.ast.ReindexStmt r -> new Command.Utility(r, null);
            case org.lakepg.server.sql.ast.AlterTableStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.CreatePolicyStmt p -> new Command.Definition(p, text, raw.location());
            case org.lakepg.server.sql.ast.AlterPolicyStmt p -> new Command.Definition(p, text, raw.location());
            case org.lakepg.server.sql.ast.CreateSeqStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.AlterSeqStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.ConstraintsSetStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.DropdbStmt drop -> new Command.Utility(drop, null);
            case org.lakepg.server.sql.ast.AlterDatabaseStmt alter -> new Command.Utility(alter, null);
            case VariableShowStmt show -> new Command.Utility(show, SettingCommands.showColumns(show, settings));
            case VariableSetStmt set -> new Command.Utility(set, null);
            case TransactionStmt t -> new Command.Utility(t, null);
            case org.lakepg.server.sql.ast.PrepareStmt p -> new Command.Definition(p, sql == null ? "" : sql, 0);
            case org.lakepg.server.sql.ast.ExecuteStmt e -> new Command.Utility(e, prepared.columns(e, this::analyzeInner),
                    executeArgumentTypes(e, parameterTypes));
            case org.lakepg.server.sql.ast.DeallocateStmt d -> new Command.Utility(d, null);
            case org.lakepg.server.sql.ast.DeclareCursorStmt d -> {
                org.lakepg.server.sql.analyzer.SelectIntoPlaces.checkCursorQuery(d.query());
                yield new Command.Definition(d, sql == null ? "" : sql, 0);
            }
            case org.lakepg.server.sql.ast.FetchStmt f -> new Command.Utility(f, cursors.columns(f));
            case org.lakepg.server.sql.ast.ClosePortalStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.DiscardStmt d when d.target() == org.lakepg.server.sql.ast.DiscardStmt.Target.ALL
                    || d.target() == org.lakepg.server.sql.ast.DiscardStmt.Target.PLANS -> new Command.Utility(d, null);
            case org.lakepg.server.sql.ast.CreateEnumStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.DefineStmt d when d.kind().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.TYPE
                    || d.kind().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.AGGREGATE
                    || d.kind().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.OPERATOR -> new Command.Utility(d, null);
            case org.lakepg.server.sql.ast.CreateCastStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.CreateOpClassStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.CreateRangeStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.CompositeTypeStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.AlterEnumStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.CreateDomainStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.AlterDomainStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.CreateEventTrigStmt c -> new Command.Utility(c, null);
            case org.lakepg.server.sql.ast.AlterEventTrigStmt a -> new Command.Utility(a, null);
            case org.lakepg.server.sql.ast.ExplainStmt e -> {
                ExplainCommand.options(e);
                analyze(new RawStatement(e.query(), raw.location(), raw.length()), parameterTypes); // errors now, as PostgreSQL
                yield new Command.Utility(e, ExplainCommand.COLUMNS);
            }
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet",
                    describe(statement));
        };
    }

    /** The statements a rule rewrite made, analyzed each (without applying rules again) and run as one. */
    private Command analyzeRewritten(org.lakepg.server.sql.rewrite.RewrittenStatement rewritten, Statement original,
                                     RawStatement raw, String sql, int[] parameterTypes) {
        java.util.List<Command.Query> steps = new java.util.ArrayList<>();
        java.util.List<Boolean> setsResult = new java.util.ArrayList<>();
        boolean outer = rulesApplied;
        rulesApplied = true;
        try {
            for (var step : rewritten.steps()) {
                if (step.statement() instanceof org.lakepg.server.sql.ast.NotifyStmt) {
                    continue; // notifications are not delivered by lakepg yet
                }
                Command c = analyze(new RawStatement(step.statement(), raw.location(), raw.length()), sql,
                        parameterTypes);
                if (c instanceof Command.Query q) {
                    steps.add(q);
                    setsResult.add(step.setsResult());
                }
            }
        } finally {
            rulesApplied = outer;
        }
        var locks = new java.util.LinkedHashMap<Long, org.lakepg.server.txn.RelationLocks.Request>();
        for (Command.Query step : steps) {
            step.locks().forEach(l -> locks.merge(l.relation(), l, (x, y) -> x.mode() >= y.mode() ? x : y));
        }
        return new Command.Query(RuleActionPlans.plan(steps, setsResult, original), java.util.List.copyOf(locks.values()));
    }

    /**
     * Analyzes a query noting the relations it names, then checks the current role may use them: the statement's
     * target and its data-modifying WITH items' targets for their commands' privileges ({@link ModifyingCteTargets}),
     * and SELECT on what is read.
     */
    private Command checked(Statement statement, java.util.List<org.lakepg.server.catalog.objects.ViewInfo> views,
                            java.util.List<RelationAccessCheck.Level> levels,
                            java.util.function.Supplier<Command> analysis) {
        accessLog.start();
        Command command;
        java.util.List<RelationAccessLog.Access> accesses;
        java.util.List<RelationAccessLog.Access> calls;
        RelationAccessLog.ColumnReads reads;
        java.util.List<Integer> depths;
        try {
            command = analysis.get();
        } finally {
            calls = accessLog.functions();
            depths = accessLog.depths();
            reads = accessLog.columnReads();
            accesses = accessLog.finish();
        }
        command = withRelationLocks(command, statement, accesses, views);
        if (!roles.superuser() && !calls.isEmpty()) {
            privileges.checkExecute(catalogSnapshot(), calls);
        }
        if (!roles.superuser() && !accesses.isEmpty()) {
            org.lakepg.server.txn.Snapshot snapshot = catalogSnapshot();
            var target = ModifyingCteTargets.ofStatement(statement);
            accesses = new java.util.ArrayList<>(accesses);
            var locked = statement instanceof SelectStmt select && RowLocking.locks(select)
                    ? LockedRelations.of(select, accesses, depths) : java.util.Set.<RelationAccessLog.Access>of();
            var withItemTargets = takeWithItemTargets(statement, accesses);
            if (views.isEmpty() && target != null) {
                RelationAccessLog.Access access = takeAccessTo(accesses, target);
                if (access != null) {
                    accesses.add(0, access); // its WITH items' lookups may come before it
                }
            }
            if (views.isEmpty()) {
                accessCheck.check(snapshot, accesses, target, reads, 1, null, locked);
            } else {
                // through an updatable view: the view is checked for the current role, what it stands on for its owner
                java.util.List<RelationAccessLog.Access> chained = new java.util.ArrayList<>();
                for (int i = 0; i < views.size(); i++) {
                    var v = views.get(i);
                    chained.add(new RelationAccessLog.Access(v.oid(), v.name(), true, i == 0 ? -1 : views.get(i - 1).owner()));
                }
                var base = accesses.get(0);
                chained.add(new RelationAccessLog.Access(base.oid(), base.name(), base.view(),
                        views.get(views.size() - 1).owner()));
                chained.addAll(accesses.subList(1, accesses.size()));
                accessCheck.check(snapshot, chained, target, reads, views.size() + 1, levels,
                        java.util.Set.of());
            }
            // then each data-modifying WITH item's target for its own command (PostgreSQL checks the main query's
            // range table entries first)
            for (TakenTarget item : withItemTargets) {
                accessCheck.check(snapshot, java.util.List.of(item.access()), item.target(), reads, 1, null, java.util.Set.of());
            }
        }
        var written = new java.util.ArrayList<ModifyingCteTargets.Target>(ModifyingCteTargets.ofWithItems(statement));
        if (ModifyingCteTargets.ofStatement(statement) != null) {
            written.add(ModifyingCteTargets.ofStatement(statement));
        }
        if (!written.isEmpty()) {
            // only a statement that writes replaces them: a trigger's PL/pgSQL expressions (queries) analyzed while
            // the statement runs must not make its failing rows' details forget what it writes; a data-modifying
            // WITH item's columns count too (its failing row is shown with them)
            var writes = new java.util.LinkedHashMap<Character, java.util.List<String>>();
            for (var t : written) {
                t.writes().forEach((privilege, columns) -> ModifyingCteTargets.add(writes, privilege, columns));
            }
            lastWrites = writes;
        }
        return command;
    }

    /**
     * A query's relation locks, as PostgreSQL's executor takes them from the range table: ROW EXCLUSIVE on what it
     * writes (the target, data-modifying WITH items' targets, the views written through and the table under them),
     * ROW SHARE on what SELECT ... FOR UPDATE/SHARE reads, ACCESS SHARE on everything else it reads.
     */
    private Command withRelationLocks(Command command, Statement statement,
                                      java.util.List<RelationAccessLog.Access> accesses,
                                      java.util.List<org.lakepg.server.catalog.objects.ViewInfo> views) {
        if (!(command instanceof Command.Query q) || accesses.isEmpty()) {
            return command;
        }
        java.util.Set<Long> written = new java.util.HashSet<>();
        var targets = new java.util.ArrayList<ModifyingCteTargets.Target>(ModifyingCteTargets.ofWithItems(statement));
        if (ModifyingCteTargets.ofStatement(statement) != null) {
            targets.add(ModifyingCteTargets.ofStatement(statement));
        }
        for (var target : targets) {
            if (target.privilege() != 'r') {
                relationOid(target.names()).ifPresent(written::add);
            }
        }
        if (!views.isEmpty()) {
            views.forEach(v -> written.add(v.oid()));
            written.add(accesses.get(0).oid()); // the table under the views (see checked)
        }
        int readMode = statement instanceof SelectStmt select && RowLocking.locks(select)
                ? org.lakepg.server.txn.RelationLocks.ROW_SHARE : org.lakepg.server.txn.RelationLocks.ACCESS_SHARE;
        var locks = new java.util.LinkedHashMap<Long, org.lakepg.server.txn.RelationLocks.Request>();
        for (var a : accesses) {
            int mode = written.contains(a.oid()) ? org.lakepg.server.txn.RelationLocks.ROW_EXCLUSIVE : readMode;
            locks.merge(a.oid(), new org.lakepg.server.txn.RelationLocks.Request(a.oid(), mode, a.name()),
                    (x, y) -> x.mode() >= y.mode() ? x : y);
        }
        return q.withLocks(java.util.List.copyOf(locks.values()));
    }

    /** A table's or view's OID by its name, empty when there is none (the command reports that itself). */
    private java.util.Optional<Long> relationOid(java.util.List<String> names) {
        try {
            return catalog.table(names).map(org.lakepg.server.table.TableInfo::oid)
                    .or(() -> catalog.view(names).map(org.lakepg.server.catalog.objects.ViewInfo::oid));
        } catch (PgException e) {
            return java.util.Optional.empty();
        }
    }

    /** The table of the index DROP INDEX names (found by its last name part, as the drop itself finds it). */
    private java.util.Optional<Long> indexTable(org.lakepg.server.txn.Transaction txn, java.util.List<String> names) {
        return tables.findIndex(txn.snapshot(), names.get(names.size() - 1))
                .map(org.lakepg.server.table.IndexInfo::tableOid);
    }

    /**
     * Takes the relation locks a command needs before it runs (a query's from its analysis, a utility statement's by
     * {@link UtilityLocks}); false when a relation it uses was changed after the statement's snapshot: READ
     * COMMITTED then starts the statement over with a new snapshot (see Transaction#lockRelations).
     */
    boolean lockRelations(Command command) {
        org.lakepg.server.txn.Transaction txn = transaction.get();
        if (txn == null || txn.state() != org.lakepg.server.txn.Transaction.State.ACTIVE) {
            return true;
        }
        java.util.List<org.lakepg.server.txn.RelationLocks.Request> requests = switch (command) {
            case Command.Query q -> q.locks();
            case Command.Utility u -> UtilityLocks.of(u.statement(), this::relationOid, names -> indexTable(txn, names));
            case Command.Definition d -> UtilityLocks.of(d.statement(), this::relationOid, names -> indexTable(txn, names));
            case Command.Empty e -> java.util.List.of();
        };
        return requests.isEmpty() || txn.lockRelations(session.backendPid(), requests);
    }


    /** ALTER TABLE of nothing but ENABLE / DISABLE / [NO] FORCE ROW LEVEL SECURITY (see PolicyCommands). */
    private static boolean rowSecurityOnly(org.lakepg.server.sql.ast.AlterTableStmt a) {
        return !a.cmds().isEmpty() && a.cmds().stream().allMatch(c -> switch (c.subtype().kind()) {
            case ENABLE_ROW_SECURITY, DISABLE_ROW_SECURITY, FORCE_ROW_SECURITY, NO_FORCE_ROW_SECURITY -> true;
            default -> false;
        });
    }

    /** A relation the statement writes and the lookup of it the access log holds. */
    private record TakenTarget(ModifyingCteTargets.Target target, RelationAccessLog.Access access) {}

    /**
     * Takes each data-modifying WITH item's target out of {@code accesses}: a lookup of an item's target is not a read
     * (unless the item reads its rows, which its own check covers), whatever its place in the log.
     */
    private java.util.List<TakenTarget> takeWithItemTargets(Statement statement,
                                                            java.util.List<RelationAccessLog.Access> accesses) {
        java.util.List<TakenTarget> taken = new java.util.ArrayList<>();
        for (var target : ModifyingCteTargets.ofWithItems(statement)) {
            RelationAccessLog.Access access = takeAccessTo(accesses, target);
            if (access != null) {
                taken.add(new TakenTarget(target, access));
            }
        }
        return taken;
    }

    /** Removes and returns the first access to the relation {@code target} names (null when it was not looked up). */
    private RelationAccessLog.Access takeAccessTo(java.util.List<RelationAccessLog.Access> accesses,
                                                  ModifyingCteTargets.Target target) {
        long oid = catalog.table(target.names()).map(t -> t.oid())
                .or(() -> catalog.view(target.names()).map(v -> v.oid())).orElse(-1L);
        for (int i = 0; i < accesses.size(); i++) {
            if (accesses.get(i).oid() == oid) {
                return accesses.remove(i);
            }
        }
        return null;
    }

    /**
     * A function's body as its caller, or as its owner when it is SECURITY DEFINER, under its SET clauses (put back
     * when it returns or fails, as fmgr_security_definer does).
     */
    <T> T withSecurityOf(org.lakepg.server.catalog.ProcEntry proc, java.util.function.Supplier<T> call) {
        java.util.function.Supplier<T> body = proc.config().isEmpty() ? call : () -> {
            Runnable restore = settings.applyForCall(proc.config());
            try {
                return call.get();
            } finally {
                restore.run();
            }
        };
        if (!proc.securityDefiner()) {
            return body.get();
        }
        return roles.asDefiner(roles.nameOf(definerOwner(proc.oid())), body);
    }

    /** The owner of a SECURITY DEFINER function, looked up once per catalog snapshot (a call per row stays cheap). */
    private long definerOwner(long function) {
        var snapshot = catalogSnapshot();
        if (definerOwnersSnapshot != snapshot) {
            definerOwners.clear();
            definerOwnersSnapshot = snapshot;
        }
        return definerOwners.computeIfAbsent(function, oid -> objects.functions().find(snapshot, oid)
                .map(org.lakepg.server.catalog.objects.FunctionCatalog.UserFunction::owner)
                .orElse(org.lakepg.server.auth.Roles.BOOTSTRAP_SUPERUSER_OID));
    }

    /** The snapshot catalog lookups of the statement being analyzed use. */
    private org.lakepg.server.txn.Snapshot catalogSnapshot() {
        return ((SessionCatalog) catalog).snapshot();
    }

    private org.lakepg.server.sql.analyzer.ModifyAnalyzer modifier(int[] parameterTypes) {
        ParameterTypes parameters = new ParameterTypes(parameterTypes);
        QueryAnalyzer queries = queries(parameters);
        return new org.lakepg.server.sql.analyzer.ModifyAnalyzer(queries.expressions(), queries, parameters, catalog)
                .withCursors(this::currentOf);
    }

    private void refuseCurrentOfView(org.lakepg.server.sql.ast.RangeVar target, org.lakepg.server.sql.ast.Expr where) {
        if (where instanceof org.lakepg.server.sql.ast.CurrentOfExpr && catalog.view(target.schemaname() == null
                ? java.util.List.of(target.relname()) : java.util.List.of(target.schemaname(), target.relname())).isPresent()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "WHERE CURRENT OF on a view is not implemented");
        }
    }

    /** WHERE CURRENT OF: the newest version (this transaction may have updated it since) of the cursor's row. */
    private org.lakepg.server.access.heap.Tid currentOf(String cursor, org.lakepg.server.table.TableInfo table) {
        var tid = cursors.currentOf(cursor, table);
        return tables.heap(table).fetchThroughChain(transaction.get().snapshot(), tid)
                .map(org.lakepg.server.access.heap.HeapTuple::tid).orElse(tid);
    }

    /** The analyzers of one statement, sharing its parameter types. */
    private QueryAnalyzer queries(ParameterTypes parameters) {
        ExpressionAnalyzer expressions = new ExpressionAnalyzer(catalog, io, session, parameters, notices);
        if (analysisOnly) {
            expressions.deferPlanningErrors();
        }
        if (plVariables != null) {
            expressions.useVariables(plArguments, plVariables);
        }
        return new QueryAnalyzer(expressions, parameters, catalog);
    }

    // ---- PL/pgSQL's embedded statements (see PlpgsqlHost) ----

    private java.util.List<org.lakepg.server.sql.plan.expr.BoundExpr> plArguments;
    private org.lakepg.server.sql.analyzer.Scope plVariables;
    private Object planEpoch = new Object();
    private org.lakepg.server.txn.Transaction planEpochTransaction;

    /** Analyzes a statement of a PL/pgSQL body: $n are {@code arguments}, names not found are {@code variables}. */
    Command analyzeWithVariables(RawStatement raw, String sql, int[] parameterTypes,
                                 java.util.List<org.lakepg.server.sql.plan.expr.BoundExpr> arguments,
                                 org.lakepg.server.sql.analyzer.Scope variables) {
        var outerArguments = plArguments;
        var outerVariables = plVariables;
        plArguments = arguments;
        plVariables = variables;
        try {
            return analyze(raw, sql, parameterTypes);
        } finally {
            plArguments = outerArguments;
            plVariables = outerVariables;
        }
    }

    Iterator<Object[]> open(Command.Query q, ExecContext context) {
        return executor.open(q.plan().root(), context);
    }

    ExpressionAnalyzer expressionAnalyzer() {
        return queries(new ParameterTypes(new int[0])).expressions();
    }

    org.lakepg.server.exec.expr.CompiledExpr compile(org.lakepg.server.sql.plan.expr.BoundExpr e) {
        return new ExprCompiler(FunctionRegistry.builtins(), io).compile(e);
    }

    /** The triggers a write to a table fires, or null (see TableOperators.modify). */
    org.lakepg.server.exec.TableTriggers triggers(org.lakepg.server.table.TableInfo table,
            org.lakepg.server.exec.TableTriggers.Event event, ExecContext context) {
        return org.lakepg.server.trigger.TableTriggerRun.of(triggers, table, event, context);
    }

    /** Cached PL/pgSQL analyses are good while this stays the same object: same transaction, no DDL since. */
    Object planEpoch() {
        var txn = transaction.get();
        if (txn != planEpochTransaction) {
            planEpochTransaction = txn;
            planEpoch = new Object();
        }
        return planEpoch;
    }

    void newPlanEpoch() {
        planEpoch = new Object();
    }

    Execution start(Command command, ExecContext context) {
        if (command instanceof Command.Utility u) {
            return eventTriggers.around(u.statement(), context, () -> startCommand(command, context));
        }
        if (command instanceof Command.Definition d) {
            return eventTriggers.around(d.statement(), context, () -> startCommand(command, context));
        }
        return startCommand(command, context);
    }

    private Execution startCommand(Command command, ExecContext context) {
        if (!(command instanceof Command.Query)) {
            newPlanEpoch();
        }
        return switch (command) {
            case Command.Query q -> {
                Iterator<Object[]> rows = executor.open(analytics.route(q.plan().root(), context), context);
                yield new Execution(q.columns(), rows, q.plan().tag()::format);
            }
            case Command.Utility u -> switch (u.statement()) {
                case VariableShowStmt show -> settingCommands.show(show);
                case VariableSetStmt set -> {
                    if (RoleCommands.setsIdentity(set)) {
                        roleCommands.checkSet(set, roles.authenticatedUser());
                    }
                    Execution done = settingCommands.set(set);
                    if (RoleCommands.setsIdentity(set)) {
                        if (set.name().equals("session_authorization")) {
                            settings.set("role", "none", set.isLocal());
                        }
                        settings.setInternal("is_superuser", roles.superuser() ? "on" : "off", set.isLocal());
                    }
                    yield done;
                }
                case org.lakepg.server.sql.ast.CreateRoleStmt c -> roleCommands.create(c);
                case org.lakepg.server.sql.ast.AlterRoleStmt a -> roleCommands.alter(a);
                case org.lakepg.server.sql.ast.DropRoleStmt d -> roleCommands.drop(d, transaction.get());
                case org.lakepg.server.sql.ast.GrantRoleStmt g -> roleCommands.grantMembership(g);
                case org.lakepg.server.sql.ast.GrantStmt g -> privilegeCommands.run(g, transaction.get());
                case org.lakepg.server.sql.ast.AlterDefaultPrivilegesStmt a -> objectNames.defaults().run(a,
                        transaction.get());
                case org.lakepg.server.sql.ast.DropOwnedStmt d -> new OwnedObjectCommands(objects, tables, roles, privileges)
                        .drop(d, transaction.get());
                case org.lakepg.server.sql.ast.ReassignOwnedStmt r -> new OwnedObjectCommands(objects, tables, roles,
                        privileges).reassign(r, transaction.get());
                case org.lakepg.server.sql.ast.CommentStmt c -> comments.run(c, transaction.get());
                case TransactionStmt t -> transactionCommands.run(t);
                case org.lakepg.server.sql.ast.CreateStmt create -> objectNames.recordOwner(create.relation(),
                        transaction.get(), () -> ddl.create.create(create, ddlContext(context)));
                case org.lakepg.server.sql.ast.DropStmt drop when drop.removeType().kind()
                        == org.lakepg.server.sql.ast.ObjectType.Kind.TYPE || drop.removeType().kind()
                        == org.lakepg.server.sql.ast.ObjectType.Kind.DOMAIN -> types.drop(drop, transaction.get());
                case org.lakepg.server.sql.ast.CreateEnumStmt c -> types.createEnum(c, transaction.get());
                case org.lakepg.server.sql.ast.DefineStmt d when d.kind().kind()
                        == org.lakepg.server.sql.ast.ObjectType.Kind.TYPE -> types.defineBase(d, transaction.get());
                case org.lakepg.server.sql.ast.DefineStmt d when d.kind().kind()
                        == org.lakepg.server.sql.ast.ObjectType.Kind.OPERATOR -> operatorCommands.create(d, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.DefineStmt d when d.kind().kind()
                        == org.lakepg.server.sql.ast.ObjectType.Kind.AGGREGATE -> aggregates.define(d, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.CreateCastStmt c -> types.createCast(c, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.CreateRangeStmt c -> types.createRange(c, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.CompositeTypeStmt c -> types.createComposite(c, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.AlterEnumStmt a -> types.alterEnum(a, transaction.get());
                case org.lakepg.server.sql.ast.CreateDomainStmt c -> domains.create(c, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.AlterDomainStmt a -> domains.alter(a, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.DropStmt drop
                        when drop.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.OPERATOR ->
                        operatorCommands.drop(drop, transaction.get(), queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.CreateOpClassStmt c -> operatorCommands.createClass(c, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.DropStmt drop
                        when drop.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.OPCLASS ->
                        operatorCommands.dropClass(drop, transaction.get());
                case org.lakepg.server.sql.ast.DropStmt drop
                        when drop.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.RULE ->
                        ruleCommands.drop(drop, transaction.get());
                case org.lakepg.server.sql.ast.CreateEventTrigStmt c -> eventTriggerCommands.create(c, transaction.get());
                case org.lakepg.server.sql.ast.AlterEventTrigStmt a -> eventTriggerCommands.alter(a, transaction.get());
                case org.lakepg.server.sql.ast.DropStmt drop
                        when drop.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.EVENT_TRIGGER ->
                        eventTriggerCommands.drop(drop, transaction.get());
                case org.lakepg.server.sql.ast.RenameStmt r
                        when r.renameType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.EVENT_TRIGGER ->
                        eventTriggerCommands.rename(r, transaction.get());
                case org.lakepg.server.sql.ast.AlterOwnerStmt a
                        when a.objectType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.EVENT_TRIGGER ->
                        eventTriggerCommands.owner(a, transaction.get());
                case org.lakepg.server.sql.ast.DropStmt drop
                        when drop.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.POLICY ->
                        policies.drop(drop, transaction.get());
                case org.lakepg.server.sql.ast.DropStmt drop
                        when drop.removeType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.TRIGGER -> {
                    triggers.changed();
                    yield triggerCommands.drop(drop, transaction.get());
                }
                case org.lakepg.server.sql.ast.DropStmt drop -> objectNames.drop(drop, transaction.get(), views,
                        privileges, () -> ddl.drop.drop(drop, transaction.get()));
                case org.lakepg.server.sql.ast.CreateSeqStmt c -> objectNames.recordOwner(c.sequence(), transaction.get(),
                        () -> ddl.sequences.create(c, transaction.get(), queries(new ParameterTypes(new int[0])).expressions()));
                case org.lakepg.server.sql.ast.AlterSeqStmt a -> ddl.sequences.alter(a, transaction.get(),
                        queries(new ParameterTypes(new int[0])).expressions());
                case org.lakepg.server.sql.ast.ConstraintsSetStmt c -> SetConstraintsCommand.run(c, transaction.get(),
                        relations, context.tables().deferredChecks(), block.inExplicitBlock(), notices);
                case org.lakepg.server.sql.ast.CreateSchemaStmt c -> schemas.create(c, transaction.get());
                case org.lakepg.server.sql.ast.RefreshMatViewStmt r -> views.refresh(r, transaction.get(),
                        queries(new ParameterTypes(new int[0])), plan -> executor.open(plan.root(), context));
                case org.lakepg.server.sql.ast.DoStmt d -> plpgsql.doBlock(d, context);
                case org.lakepg.server.sql.ast.CallStmt c -> functionCalls.call(c, transaction.get(), context, this::queries,
                        executor);
                case org.lakepg.server.sql.ast.RenameStmt r
                        when r.renameType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.RULE ->
                        ruleCommands.rename(r, transaction.get());
                case org.lakepg.server.sql.ast.RenameStmt r
                        when r.renameType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.POLICY ->
                        policies.rename(r, transaction.get());
                case org.lakepg.server.sql.ast.RenameStmt r
                        when r.renameType().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.TRIGGER -> {
                    triggers.changed();
                    yield triggerCommands.rename(r, transaction.get());
                }
                case org.lakepg.server.sql.ast.RenameStmt r -> r.renameType().kind()
                        == org.lakepg.server.sql.ast.ObjectType.Kind.ROLE
                        ? roleCommands.rename(roles.nameOf(roles.oidOf((org.lakepg.server.sql.ast.RoleSpec) r.object())),
                                r.newname())
                        : renamedViews.around(r, transaction.get(), () -> objectNames.rename(r, transaction.get(),
                                () -> ddl.alter.rename(r, ddlContext(context))));
                case org.lakepg.server.sql.ast.AlterOwnerStmt a -> objectNames.alterOwner(a, transaction.get());
                case org.lakepg.server.sql.ast.AlterFunctionStmt a -> functions.alter(a, transaction.get());
                case org.lakepg.server.sql.ast.AlterObjectSchemaStmt a -> renamedViews.around(a, transaction.get(),
                        () -> objectNames.setSchema(a, transaction.get()));
                case org.lakepg.server.sql.ast.CreatedbStmt create -> databases.create(create, roles.currentRole());
                case org.lakepg.server.sql.ast.CopyStmt c when c.query() instanceof SelectStmt select -> {
                    var plan = queries(new ParameterTypes(new int[0])).select(select);
                    yield copy.runQuery(c, plan, () -> executor.open(plan.root(), context), context);
                }
                case org.lakepg.server.sql.ast.CopyStmt c -> {
                    if (c.relation() != null) {
                        objectNames.requireTablePrivilege(c.relation(), transaction.get(), privileges,
                                c.isFrom() ? 'a' : 'r');
                        var copied = relations.table(transaction.get().snapshot(), c.relation());
                        if (c.isFrom() && copied.isPresent() && catalog.rowSecurity(copied.get()) != null) {
                            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                    "COPY FROM not supported with row-level security")
                                    .withHint("Use INSERT statements instead.");
                        }
                    }
                    yield copy.run(c, transaction.get(), context, relations, () -> ddlContext(context));
                }
                case org.lakepg.server.sql.ast.LockStmt l -> LockTableCommand.run(l, block, transaction.get(),
                        objectNames, roles, privileges, session.backendPid());
                case org.lakepg.server.sql.ast.TruncateStmt t -> {
                    objectNames.requireTruncate(t, transaction.get(), privileges);
                    // BEFORE / AFTER TRUNCATE statement triggers of the tables named
                    java.util.List<org.lakepg.server.exec.TableTriggers> fired = new java.util.ArrayList<>();
                    for (var r : t.relations()) {
                        relations.table(transaction.get().snapshot(), r).map(table -> triggers(table,
                                org.lakepg.server.exec.TableTriggers.Event.TRUNCATE, context)).ifPresent(fired::add);
                    }
                    fired.forEach(org.lakepg.server.exec.TableTriggers::beforeStatement);
                    Execution truncated = ddl.truncate(t, transaction.get());
                    fired.forEach(org.lakepg.server.exec.TableTriggers::afterStatement);
                    yield truncated;
                }
                case org.lakepg.server.sql.ast.VacuumStmt v -> ddl.vacuum(v, block, transaction.get(), session.backendPid());
                case org.lakepg.server.sql.ast.IndexStmt i -> {
                    objectNames.requireTableOwner(i.relation(), transaction.get(), privileges);
                    yield ddl.createIndex(i, ddlContext(context));
                }
                case org.lakepg.server.sql.ast.ReindexStmt r -> IndexCommands.reindex(r, relations, block,
                        transaction.get(), session.currentDatabase(), notices);
                case org.lakepg.server.sql.ast.AlterTableStmt a when rowSecurityOnly(a) -> {
                    objectNames.requireTableOwner(a.relation(), transaction.get(), privileges);
                    var table = relations.requireTable(transaction.get().snapshot(), a.relation());
                    a.cmds().forEach(c -> policies.alterTable(transaction.get(), table, c.subtype().kind()));
                    yield Execution.done("ALTER TABLE");
                }
                case org.lakepg.server.sql.ast.AlterTableStmt a -> {
                    if (TriggerCommands.onlyTriggerStates(a)) {
                        triggers.changed();
                        yield triggerCommands.enable(a, transaction.get());
                    }
                    triggerCommands.checkColumnDrops(a, transaction.get());
                    triggers.changed();
                    if (ObjectCommands.onlyChangesOwner(a)) {
                        Execution skipped = objectNames.skipMissingOwnerTarget(a, transaction.get());
                        if (skipped != null) {
                            yield skipped;
                        }
                        yield objectNames.alterOwner(new org.lakepg.server.sql.ast.AlterOwnerStmt(a.objtype(),
                                a.relation(), null, a.cmds().get(0).newowner()), transaction.get());
                    }
                    objectNames.requireTableOwner(a.relation(), transaction.get(), privileges);
                    Execution altered = ddl.alter.alter(a, ddlContext(context));
                    // a dropped column's grants go with it
                    relations.table(transaction.get().snapshot(), a.relation()).ifPresent(t ->
                            columnPrivileges.forgetDropped(transaction.get(), t.oid()));
                    yield altered;
                }
                case org.lakepg.server.sql.ast.CreateTableAsStmt ctas -> {
                    if (ctas.query() instanceof org.lakepg.server.sql.ast.ExecuteStmt e) {
                        if (ddl.createTableAsSkipped(ctas, transaction.get())) { // before the statement is planned
                            yield Execution.done("CREATE TABLE AS");
                        }
                        var bound = prepared.bind(e, queries(new ParameterTypes(new int[0])).expressions(), catalog,
                                new ExprCompiler(FunctionRegistry.builtins(), io), context, this::analyzeInner);
                        if (!(bound.command() instanceof Command.Query q)) {
                            throw new IllegalStateException("a prepared statement is a query");
                        }
                        ExecContext inner = context.nested(bound.parameters());
                        yield ddl.createTableAs(ctas, transaction.get(), q.plan(), null,
                                () -> executor.open(q.plan().root(), inner));
                    }
                    if (!(ctas.query() instanceof SelectStmt select)) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "CREATE TABLE AS EXECUTE is not supported yet");
                    }
                    // analyzed first, planned (constants folded) only once the table is known not to exist
                    QueryAnalyzer analyzer = queries(new ParameterTypes(new int[0]));
                    analyzer.expressions().deferPlanningErrors();
                    var plan = analyzer.select(select);
                    yield ddl.createTableAs(ctas, transaction.get(), plan, analyzer.expressions().deferredFoldingError(),
                            () -> executor.open(plan.root(), context));
                }
                case org.lakepg.server.sql.ast.ExplainStmt e
                        when e.query() instanceof org.lakepg.server.sql.ast.CreateTableAsStmt ctas
                        && ctas.objtype().kind() == org.lakepg.server.sql.ast.ObjectType.Kind.TABLE ->
                        explainCreateTableAs(e, ctas, context);
                case org.lakepg.server.sql.ast.ExplainStmt e when e.query() instanceof org.lakepg.server.sql.ast.ExecuteStmt x -> {
                    // EXPLAIN EXECUTE: the prepared statement's plan, run with the given values under ANALYZE
                    long planning = System.nanoTime();
                    var bound = prepared.bind(x, queries(new ParameterTypes(new int[0])).expressions(), catalog,
                            new ExprCompiler(FunctionRegistry.builtins(), io), context, this::analyzeInner);
                    if (!(bound.command() instanceof Command.Query q)) {
                        throw new IllegalStateException("a prepared statement is a query");
                    }
                    yield ExplainCommand.run(e, q.plan(), System.nanoTime() - planning, executor,
                            context.nested(bound.parameters()), catalog, io, session);
                }
                case org.lakepg.server.sql.ast.ExplainStmt e
                        when e.query() instanceof org.lakepg.server.sql.ast.DeclareCursorStmt d -> {
                    long planning = System.nanoTime();
                    if (!(analyzeInner(d.query(), new int[0]) instanceof Command.Query q)) {
                        throw new IllegalStateException("a cursor's query is a SELECT");
                    }
                    yield ExplainCommand.run(e, q.plan(), System.nanoTime() - planning, executor, context, catalog, io,
                            session);
                }
                case org.lakepg.server.sql.ast.ExplainStmt e -> {
                    long planning = System.nanoTime();
                    if (!(analyze(new RawStatement(e.query(), 0, 0), new int[0]) instanceof Command.Query q)) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN of this statement is not supported yet");
                    }
                    var routed = new org.lakepg.server.sql.plan.QueryPlan(analytics.route(q.plan().root(), context),
                            q.plan().columns(), q.plan().parameterTypes(), q.plan().tag(), q.plan().rangeTableSize());
                    yield ExplainCommand.run(e, routed, System.nanoTime() - planning, executor, context, catalog, io,
                            session);
                }
                case org.lakepg.server.sql.ast.DropdbStmt drop -> databases.drop(drop, roles.currentRole());
                case org.lakepg.server.sql.ast.AlterDatabaseStmt alter -> databases.alter(alter, roles.currentRole());
                case org.lakepg.server.sql.ast.ExecuteStmt e -> {
                    var bound = prepared.bind(e, queries(new ParameterTypes(PreparedCommands.ints(u.parameterTypes())))
                                    .expressions(), catalog,
                            new ExprCompiler(FunctionRegistry.builtins(), io), context, this::analyzeInner);
                    lockRelations(bound.command()); // analyzed at PREPARE or just now: a stale plan is not redone here
                    yield start(bound.command(), context.nested(bound.parameters()));
                }
                case org.lakepg.server.sql.ast.DeallocateStmt d -> prepared.deallocate(d);
                case org.lakepg.server.sql.ast.FetchStmt f -> cursors.fetch(f, context);
                case org.lakepg.server.sql.ast.ClosePortalStmt c -> cursors.close(c);
                case org.lakepg.server.sql.ast.DiscardStmt d -> discard(d);
                default -> throw new IllegalStateException("not a utility: " + u.statement());
            };
            case Command.Definition d -> switch (d.statement()) {
                case org.lakepg.server.sql.ast.CreatePolicyStmt p -> policies.create(p, d.text(),
                        transaction.get(), (table, e) -> org.lakepg.server.sql.analyzer.RowSecurity.validate(
                                queries(new ParameterTypes(new int[0])).expressions(), table, e));
                case org.lakepg.server.sql.ast.AlterPolicyStmt p -> policies.alter(p, d.text(),
                        transaction.get(), (table, e) -> org.lakepg.server.sql.analyzer.RowSecurity.validate(
                                queries(new ParameterTypes(new int[0])).expressions(), table, e));
                case org.lakepg.server.sql.ast.ViewStmt v -> views.create(v, d.text(), transaction.get(),
                        analysisOnly(queries(new ParameterTypes(new int[0]))));
                case org.lakepg.server.sql.ast.CreateFunctionStmt f -> functions.create(f, d.text(), d.offset(),
                        transaction.get(), this::queries);
                case org.lakepg.server.sql.ast.RuleStmt r -> ruleCommands.create(r, d.text(), transaction.get());
                case org.lakepg.server.sql.ast.CreateTrigStmt t -> {
                    triggers.changed();
                    yield triggerCommands.create(t, d.text(), transaction.get());
                }
                case org.lakepg.server.sql.ast.CreateSchemaStmt c -> createSchemaWithElements(c, d.text(), context);
                case org.lakepg.server.sql.ast.CreateTableAsStmt m -> views.createMaterialized(m, d.text(),
                        transaction.get(), queries(new ParameterTypes(new int[0])),
                        plan -> executor.open(plan.root(), context));
                case org.lakepg.server.sql.ast.PrepareStmt p -> prepared.prepare(p, d.text(),
                        queries(new ParameterTypes(new int[0])).expressions(), this::analyzeOnly);
                case org.lakepg.server.sql.ast.DeclareCursorStmt c -> cursors.declare(c, d.text(), context,
                        new CursorCommands.Planner() {
                            @Override
                            public org.lakepg.server.sql.plan.QueryPlan plan(Statement query) {
                                if (!(analyzeInner(query, new int[0]) instanceof Command.Query q)) {
                                    throw new IllegalStateException("a cursor's query is a SELECT");
                                }
                                return q.plan();
                            }

                            @Override
                            public Iterator<Object[]> open(org.lakepg.server.sql.plan.QueryPlan plan, ExecContext ctx) {
                                return executor.open(plan.root(), ctx);
                            }
                        });
                default -> throw new IllegalStateException("not a definition: " + d.statement());
            };
            case Command.Empty e -> throw new IllegalStateException("empty query has nothing to start");
        };
    }

    /** The analyzers and evaluation context a DDL statement binds and checks its expressions with. */
    private DdlContext ddlContext(ExecContext context) {
        ParameterTypes none = new ParameterTypes(new int[0]);
        QueryAnalyzer queries = queries(none);
        return new DdlContext(transaction.get(), queries.expressions(), new org.lakepg.server.sql.analyzer.ModifyAnalyzer(
                queries.expressions(), queries, none, catalog), new ExprCompiler(FunctionRegistry.builtins(), io), context,
                catalog);
    }

    /**
     * CREATE SCHEMA with embedded statements: the schema, then each statement run with the new schema first in
     * the search path (as PostgreSQL does), so what they create lands in it.
     */
    private Execution createSchemaWithElements(org.lakepg.server.sql.ast.CreateSchemaStmt c, String text,
                                               ExecContext context) {
        java.util.List<String> texts = text == null ? null : SchemaElements.texts(text, c.schemaElts().size());
        if (texts == null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this CREATE SCHEMA with schema elements is not supported yet");
        }
        var txn = transaction.get();
        boolean existed = c.schemaname() != null && objects.schemas().find(txn.snapshot(), c.schemaname()).isPresent();
        schemas.create(new org.lakepg.server.sql.ast.CreateSchemaStmt(c.schemaname(), c.authrole(), java.util.List.of(),
                c.ifNotExists()), txn);
        if (existed) {
            return Execution.done("CREATE SCHEMA"); // IF NOT EXISTS skipped it, elements included
        }
        String name = c.schemaname() != null ? c.schemaname() : roles.nameOf(roles.oidOf(c.authrole()));
        var schema = objects.schemas().find(txn.snapshot(), name).orElseThrow();
        java.util.List<Long> path = new java.util.ArrayList<>(java.util.List.of(schema.oid()));
        searchPath.explicitSchemas(txn.snapshot()).forEach(s -> path.add(s.oid()));
        for (int i = 0; i < c.schemaElts().size(); i++) {
            Statement element = c.schemaElts().get(i);
            String elementSchema = switch (element) {
                case org.lakepg.server.sql.ast.CreateStmt t -> t.relation().schemaname();
                case org.lakepg.server.sql.ast.ViewStmt v -> v.view().schemaname();
                case org.lakepg.server.sql.ast.IndexStmt x -> x.relation().schemaname();
                default -> null;
            };
            if (elementSchema != null && !elementSchema.equals(name)) {
                throw PgException.of(SqlState.INVALID_SCHEMA_DEFINITION,
                        "CREATE specifies a schema (%s) different from the one being created (%s)", elementSchema, name);
            }
            String elementText = texts.get(i);
            searchPath.withPath(path, () -> {
                Command command = analyze(new RawStatement(element, 0, elementText.length()), elementText, new int[0]);
                Execution done = start(command, context);
                done.rows().forEachRemaining(row -> { });
                return done;
            });
            txn.commandCounterIncrement();
        }
        return Execution.done("CREATE SCHEMA");
    }

    /**
     * DISCARD PLANS (lakepg caches no plans) and DISCARD ALL: cursors, prepared statements and settings of the
     * session go back to how a new session starts.
     */
    private Execution discard(org.lakepg.server.sql.ast.DiscardStmt d) {
        if (d.target() == org.lakepg.server.sql.ast.DiscardStmt.Target.PLANS) {
            return Execution.done("DISCARD PLANS");
        }
        if (block.inExplicitBlock() || block.state() == TransactionBlock.State.IMPLICIT) {
            throw PgException.of(SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
        }
        cursors.close(new org.lakepg.server.sql.ast.ClosePortalStmt(null));
        prepared.deallocate(new org.lakepg.server.sql.ast.DeallocateStmt(null));
        settingCommands.set(new VariableSetStmt(VariableSetStmt.Kind.RESET_ALL, null, java.util.List.of(), false));
        return Execution.done("DISCARD ALL");
    }

    private long[] executeArgumentTypes(org.lakepg.server.sql.ast.ExecuteStmt e, int[] parameterTypes) {
        ParameterTypes parameters = new ParameterTypes(parameterTypes);
        return prepared.argumentTypes(e, queries(parameters).expressions(), parameters, catalog);
    }

    /** A statement inside PREPARE, EXECUTE or DECLARE, analyzed with its own parameter types. */
    private Command analyzeInner(Statement statement, int[] parameterTypes) {
        return analyze(new RawStatement(statement, 0, 0), null, parameterTypes);
    }

    /**
     * EXPLAIN CREATE TABLE AS / SELECT INTO (ExplainOneUtility): nothing when IF NOT EXISTS finds the table, else the
     * query's plan; under ANALYZE the table is created and filled by the run the plan's figures come from (WITH NO
     * DATA: created, the plan never executed).
     */
    private Execution explainCreateTableAs(org.lakepg.server.sql.ast.ExplainStmt e,
                                           org.lakepg.server.sql.ast.CreateTableAsStmt ctas, ExecContext context) {
        boolean analyze = ExplainCommand.options(e).analyze();
        if (ddl.createTableAsSkipped(ctas, transaction.get())) {
            return Execution.rows(ExplainCommand.COLUMNS, java.util.List.of(), "EXPLAIN");
        }
        org.lakepg.server.sql.plan.QueryPlan plan;
        ExecContext run = context;
        long planning = System.nanoTime();
        if (ctas.query() instanceof org.lakepg.server.sql.ast.ExecuteStmt x) {
            var bound = prepared.bind(x, queries(new ParameterTypes(new int[0])).expressions(), catalog,
                    new ExprCompiler(FunctionRegistry.builtins(), io), context, this::analyzeInner);
            if (!(bound.command() instanceof Command.Query q)) {
                throw new IllegalStateException("a prepared statement is a query");
            }
            plan = q.plan();
            run = context.nested(bound.parameters());
        } else if (ctas.query() instanceof SelectStmt select) {
            plan = queries(new ParameterTypes(new int[0])).select(select);
        } else {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN of this statement is not supported yet");
        }
        long planningNanos = System.nanoTime() - planning;
        if (!analyze) {
            return ExplainCommand.run(e, plan, planningNanos, executor, run, catalog, io, session);
        }
        var finalPlan = plan;
        return ExplainCommand.run(e, plan, planningNanos, executor, run, catalog, io, session,
                rows -> ddl.createTableAs(ctas, transaction.get(), finalPlan, null, rows));
    }

    /** Set while a statement is analyzed but not planned (PREPARE): see {@link #analyzeOnly}. */
    private boolean analysisOnly;

    /**
     * Parse analysis without planning, as PREPARE does in PostgreSQL: what constant folding would fail on
     * (`1/0`) fails when the statement is executed, not here.
     */
    private Command analyzeOnly(Statement statement, int[] parameterTypes) {
        boolean outer = analysisOnly;
        analysisOnly = true;
        try {
            return analyzeInner(statement, parameterTypes);
        } finally {
            analysisOnly = outer;
        }
    }

    private static QueryAnalyzer analysisOnly(QueryAnalyzer queries) {
        queries.expressions().deferPlanningErrors();
        return queries;
    }

    /** "CREATE TABLE" for CreateStmt and so on: the statement's name for messages. */
    static String describe(Statement statement) {
        String name = statement.getClass().getSimpleName().replaceAll("Stmt$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
