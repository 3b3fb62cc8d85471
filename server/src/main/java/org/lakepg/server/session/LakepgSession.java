package org.lakepg.server.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.auth.SessionRoles;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.RawStatement;
import org.lakepg.server.sql.parser.LiteralTemplate;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.ColumnDescription;
import org.lakepg.wire.protocol.EngineSession;
import org.lakepg.wire.protocol.Portal;
import org.lakepg.wire.protocol.PreparedStatement;
import org.lakepg.wire.protocol.ResultSink;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;

/**
 * One client session: parses and runs statements for the wire protocol, applying PostgreSQL's
 * transaction-block rules for simple and extended queries, and reporting setting changes.
 */
public final class LakepgSession implements EngineSession, FunctionContext, TransactionControl,
        org.lakepg.server.exec.ExecContext.SqlFunctionRunner, org.lakepg.server.exec.TableTriggers.Source,
        org.lakepg.server.exec.ExecContext.TempSpaceSource, org.lakepg.server.exec.ExecContext.TableAccessSource {
    private static final long MICROS_2000 = 946_684_800_000_000L;
    private static final String CANCELED = "canceling statement due to user request";

    private final String user;
    private final String database;
    private final int processId;
    private final SessionSettings settings;
    private final TransactionBlock block;
    private StatementExecutor executor;
    private ResultSink sink;
    private volatile ExecContext running;
    private TransactionModes modes = TransactionModes.DEFAULT;
    private long transactionStart;
    private long statementStart;

    /** The compute of the session's timeline; {@link #compute} is it or, during time travel, a read-only one. */
    private final org.lakepg.server.Compute primary;
    private org.lakepg.server.Compute compute;
    /** The time-travel settings the current transaction started with. */
    private String transactionReadPoint = "";
    /** Why the current transaction could not move to the requested read point (reported by its statements). */
    private PgException readPointError;
    private org.lakepg.server.txn.Transaction txn;
    private final org.lakepg.server.exec.TableAccess tableAccess;
    /** What the running transaction did to tables, for the pg_stat_* views at its end. */
    private final org.lakepg.server.stats.PendingActivity activity = new org.lakepg.server.stats.PendingActivity();
    /** The session's relations and sequences on its own compute (temporary tables live here) and on the current one. */
    private SessionRelations primaryRelations;
    private SessionSequences primarySequences;
    private SessionRelations relations;
    private SessionSequences sequences;
    /** Deferred constraint checks of the current transaction, run at its commit. */
    private final org.lakepg.server.exec.constraint.DeferredChecks deferred =
            new org.lakepg.server.exec.constraint.DeferredChecks();

    private final org.lakepg.server.Cluster cluster;
    /** SQL prepared statements and open cursors: the session's, whatever compute it reads. */
    private final PreparedStatements preparedStatements = new PreparedStatements();
    private final Cursors cursors = new Cursors();
    /** Plans of simple-protocol statements with their integer literals as parameters. */
    private final SimpleQueryCache simpleCache = new SimpleQueryCache();
    /** What the current simple-protocol statement's analysis depends on, read before its snapshot was taken. */
    private SimpleQueryCache.Validity planValidityAtSnapshot;
    /** True while a statement is analyzed a second time for the plan cache: its notices were already sent. */
    private boolean muteNotices;
    /** Notices raised so far (analysis-time ones make a statement uncacheable). */
    private long noticesSent;

    private final ActiveSessions sessions;
    private final SessionCatalogSources catalogSources;
    private AnalyzerCatalog analyzerCatalog;
    private final long backendStart = SessionClock.nowMicros();
    private volatile String lastQuery = "";
    private volatile long queryStart;
    private final RoleAccess roleAccess;
    /** Large object descriptors of the running transaction. */
    private final SessionLargeObjects largeObjects;
    /** The cluster's roles with this session's uncommitted role DDL (and ALTER DATABASE ... SET). */
    private final SessionRoles roles;
    /** Name resolution of the current compute (the session's own, or a time-travel one). */
    private SearchPath searchPath;
    private SearchPath primarySearchPath;

    LakepgSession(String user, String database, int processId, SessionSettings settings,
                  org.lakepg.server.Cluster cluster, org.lakepg.server.Compute compute, ActiveSessions sessions,
                  org.lakepg.server.auth.Roles roles) {
        this.sessions = sessions;
        this.roles = new SessionRoles(roles, () -> txn);
        this.roleAccess = new RoleAccess(this.roles, settings, user);
        this.largeObjects = new SessionLargeObjects(() -> this.compute.objects(), this::currentTransaction,
                () -> this.compute.tables().newOid(), roleAccess,
                () -> this.compute.readPoint() != null || "on".equals(setting("transaction_read_only")));
        this.catalogSources = new SessionCatalogSources(() -> this.compute, cluster, settings, this,
                this::catalogSnapshot, sessions);
        this.catalogSources.setNotices(this::notice);
        this.catalogSources.setSessionStatements(preparedStatements::rows, cursors::rows);
        this.catalogSources.setOwnMeasurements(activity::measured);
        this.catalogSources.setSessionObjects(this.roles, () -> primaryRelations == null ? 0 : primaryRelations.tempNamespace(),
                "pg_temp_" + processId);
        this.cluster = cluster;
        this.user = user;
        this.database = database;
        this.processId = processId;
        this.settings = settings;
        this.primary = compute;
        this.block = new TransactionBlock(this, this::notice);
        bind(compute);
        this.tableAccess = new org.lakepg.server.exec.TableAccess() {
            @Override
            public org.lakepg.server.txn.Transaction transaction() {
                return currentTransaction();
            }

            @Override
            public org.lakepg.server.access.heap.HeapRelation heap(org.lakepg.server.table.TableInfo table) {
                return LakepgSession.this.compute.tables().heap(table);
            }

            @Override
            public org.lakepg.server.table.TableCatalog catalog() {
                return LakepgSession.this.compute.tables();
            }

            @Override
            public org.lakepg.server.exec.constraint.DeferredChecks deferredChecks() {
                return deferred;
            }

            @Override
            public org.lakepg.server.stats.PendingActivity activity() {
                return activity;
            }
        };
    }

    /** Points the session's statements at a compute: its catalog and tables. */
    private void bind(org.lakepg.server.Compute target) {
        this.compute = target;
        if (target == primary) {
            if (primaryRelations == null) {
                primarySearchPath = newSearchPath(target);
                primaryRelations = new SessionRelations(target.tables(), primarySearchPath);
                primarySequences = new SessionSequences(primaryRelations, this::catalogSnapshot,
                        () -> "on".equals(setting("transaction_read_only")));
            }
            relations = primaryRelations;
            sequences = primarySequences;
            searchPath = primarySearchPath;
        } else {
            searchPath = newSearchPath(target);
            relations = new SessionRelations(target.tables(), searchPath);
            sequences = new SessionSequences(relations, this::catalogSnapshot, () -> true);
        }
        SessionCatalog catalog = new SessionCatalog(relations, target.objects(), searchPath, this::catalogSnapshot);
        this.analyzerCatalog = catalog;
        catalogSources.setAnalyzerCatalog(() -> catalog);
        if (target.readPoint() == null) {
            sessions.statistics().database(database).loadOnce(target::keptStatistics);
        }
        catalog.usePlanner(new SessionPlannerContext(oid -> {
            // the transaction's own ANALYZE first, as PostgreSQL's planner reads its uncommitted pg_statistic rows
            var own = activity.measured(oid);
            return own != null ? own : sessions.statistics().database(database).measured(oid);
        },
                relation -> target.access().cache().relationSize(relation, org.lakepg.storage.ForkNumber.MAIN),
                catalog::indexes, settings::get));
        this.executor = new StatementExecutor(catalog, WireTypeIO.INSTANCE, this, settings, block, this::notice,
                relations, this::currentTransaction, new DatabaseCommands(cluster, database, block, this::notice, roles),
                () -> sink, target.objects(), searchPath, roleAccess);
        executor.onMaintenance(new org.lakepg.server.stats.MaintenanceLog() {
            @Override
            public void vacuumed(long table, long liveRows) {
                sessions.statistics().database(database).vacuumed(table, liveRows, SessionClock.nowMicros());
            }

            @Override
            public void analyzed(long table) {
                sessions.statistics().database(database).analyzed(table, SessionClock.nowMicros());
            }

            @Override
            public void measured(long table, long[] columnTypes, org.lakepg.server.stats.RelationStatistics statistics) {
                activity.measured(table, statistics);
                // kept in the catalog too, so a restart plans alike; the commit invalidates cached plans
                target.objects().statistics().record(currentTransaction(), table, columnTypes, statistics);
            }

            @Override
            public void onlyTables(java.util.Set<Long> tables) {
                target.objects().statistics().forgetAllBut(currentTransaction(), tables);
            }
        });
        sequences.setAccessCheck(executor::checkSequenceAccess);
        executor.setSessionStatements(preparedStatements, cursors);
        var analytics = new org.lakepg.server.analytics.AnalyticsRouting(cluster.analytics(), () -> primary);
        executor.setAnalyticsRouting(analytics::route);
    }

    /** The name of the session's temporary schema, pg_temp_N as in PostgreSQL (N: the session's process id). */
    private String tempSchemaName() {
        return "pg_temp_" + processId;
    }

    private SearchPath newSearchPath(org.lakepg.server.Compute target) {
        return new SearchPath(target.objects(), target.tables(), () -> settings.get("search_path"),
                roleAccess::currentUser, tempSchemaName());
    }

    /**
     * The compute the next transaction runs on: the session's own, or the read-only one pinned at lakepg.read_lsn /
     * lakepg.read_time (time travel).
     */
    private org.lakepg.server.Compute wantedCompute() {
        String lsn = settings.get("lakepg.read_lsn");
        String time = settings.get("lakepg.read_time");
        if (lsn.isEmpty() && time.isEmpty()) {
            return settings.getBool("lakepg.replica") ? cluster.replicaCompute(database) : primary;
        }
        if (!lsn.isEmpty() && !time.isEmpty()) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "lakepg.read_lsn and lakepg.read_time cannot both be set");
        }
        org.lakepg.storage.Lsn at;
        if (!lsn.isEmpty()) {
            at = org.lakepg.storage.Lsn.parse(lsn);
        } else {
            long micros = org.lakepg.wire.types.TimestampTzType.INSTANCE.parseText(time,
                    org.lakepg.wire.types.FormatSettings.defaults().withTimeZone(settings.timeZone())
                            .withDateStyle(settings.get("DateStyle")));
            if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "lakepg.read_time cannot be infinite");
            }
            long epochMicros = micros + MICROS_2000;
            at = cluster.lsnAt(database, Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                    Math.floorMod(epochMicros, 1_000_000L) * 1000));
        }
        return cluster.computeAt(database, at);
    }

    private String readPointKey() {
        return settings.get("lakepg.read_lsn") + "|" + settings.get("lakepg.read_time");
    }

    private void followReadPoint() {
        try {
            org.lakepg.server.Compute wanted = wantedCompute();
            if (wanted != compute) {
                bind(wanted);
            }
        } catch (PgException e) {
            // reported by the statement when it runs, where SET/RESET can still repair it
        }
    }

    /**
     * Before a statement runs: a time-travel setting changed inside a transaction block cannot move the running
     * transaction, and read-only transactions refuse writes as PostgreSQL does.
     */
    private void checkStatement(org.lakepg.server.sql.ast.Statement statement) {
        boolean timeTravel = compute.readPoint() != null;
        boolean setting = statement instanceof org.lakepg.server.sql.ast.TransactionStmt
                || statement instanceof org.lakepg.server.sql.ast.VariableSetStmt
                || statement instanceof org.lakepg.server.sql.ast.VariableShowStmt;
        if (readPointError != null && !setting) {
            throw readPointError;
        }
        if (txn != null && !setting && !readPointKey().equals(transactionReadPoint)) {
            throw PgException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                    "lakepg.read_lsn and lakepg.read_time take effect at the start of a transaction")
                    .withHint("Set them outside a transaction block.");
        }
        if (timeTravel || settings.getBool("transaction_read_only")) {
            ReadOnlyCheck.check(statement, timeTravel);
        }
    }

    @Override
    public org.lakepg.server.function.SequenceAccess sequences() {
        return sequences;
    }

    @Override
    public org.lakepg.server.function.LargeObjectAccess largeObjects() {
        return largeObjects;
    }

    private org.lakepg.server.txn.Transaction currentTransaction() {
        if (txn == null) {
            throw new IllegalStateException("statement runs outside a transaction");
        }
        return txn;
    }

    /** The snapshot name lookups use: the running transaction's, or a fresh one (Parse outside a transaction). */
    private org.lakepg.server.txn.Snapshot catalogSnapshot() {
        if (txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            return txn.snapshot();
        }
        org.lakepg.server.txn.Transaction t = compute.transactions().begin();
        try {
            return t.snapshot();
        } finally {
            t.rollback();
        }
    }

    private void notice(PgException notice) {
        noticesSent++;
        if (sink != null && !muteNotices) {
            sink.notice(notice);
        }
    }

    @Override
    public Map<String, String> initialParameterStatus() {
        settings.drainReports();
        return settings.reportedValues();
    }

    @Override
    public char transactionStatus() {
        return block.status();
    }

    // ---- simple query ----

    @Override
    public void simpleQuery(String sql, ResultSink sink) {
        checkNotTerminated();
        this.sink = sink;
        lastQuery = sql;
        queryStart = SessionClock.nowMicros();
        refreshQueryFlags();
        LiteralTemplate template = simplePlanCache ? LiteralTemplate.of(sql) : null;
        if (!conformingStrings && escapeStringWarning && sql.indexOf('\\') >= 0) {
            // the scanner warns as it reads the text, before anything runs; such a text is never cached
            List<PgException> warnings = org.lakepg.server.sql.parser.Lexer.escapeStringWarnings(sql);
            warnings.forEach(this::notice);
            if (!warnings.isEmpty()) {
                template = null;
            }
        }
        if (template != null) {
            SimpleQueryCache.Hit hit = cachedPlan(template);
            if (hit != null) {
                // checked again once the snapshot is taken: the transaction's start may have moved to another
                // compute (a replica's replay, time travel) or a catalog change may have committed meanwhile
                runSimple(hit.statement(), false, () -> planValidityAtSnapshot.equals(hit.validity()) ? hit.command()
                        : executor.analyze(SqlParser.parse(sql, settings.getBool("standard_conforming_strings")).get(0),
                                sql, new int[0]), hit.parameters());
                finish(block::endOfQuery);
                return;
            }
        }
        List<RawStatement> statements;
        try {
            statements = SqlParser.parse(sql, conformingStrings);
        } catch (PgException e) {
            block.statementFailed();
            throw e;
        }
        if (statements.isEmpty()) {
            sink.emptyQuery();
            return;
        }
        boolean multi = statements.size() > 1;
        for (RawStatement raw : statements) {
            LiteralTemplate cacheable = multi ? null : template;
            runSimple(raw.statement(), multi, () -> analyzeSimple(raw, sql, cacheable), new Object[0]);
        }
        finish(block::endOfQuery);
    }

    // the settings every simple Query reads before it runs, looked up by name again only after a settings change
    private long queryFlagsVersion = -1;
    private boolean simplePlanCache;
    private boolean conformingStrings;
    private boolean escapeStringWarning;

    private void refreshQueryFlags() {
        if (queryFlagsVersion != settings.version()) {
            simplePlanCache = settings.getBool("lakepg.simple_plan_cache");
            conformingStrings = settings.getBool("standard_conforming_strings");
            escapeStringWarning = settings.getBool("escape_string_warning");
            queryFlagsVersion = settings.version();
        }
    }

    /** The session's cached plan for the template, if one is valid now (see SimpleQueryCache). */
    private SimpleQueryCache.Hit cachedPlan(LiteralTemplate template) {
        if (txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE && txn.changedCatalog()) {
            return null; // this transaction reads its own catalog
        }
        return simpleCache.lookup(template, planValidity());
    }

    /** How many simple-protocol statements ran from a cached plan (for tests). */
    long planCacheHits() {
        return simpleCache.hits();
    }

    private SimpleQueryCache.Validity planValidity() {
        return planValidity(compute.transactions().catalogVersion());
    }

    private SimpleQueryCache.Validity planValidity(long catalogVersion) {
        return new SimpleQueryCache.Validity(compute, catalogVersion, settings.version(),
                roleAccess.roles().version());
    }

    /**
     * Analyzes a statement of a simple Query; for a template seen before, also analyzes its parameterized form and
     * keeps that plan. Runs after the statement's snapshot was taken, so the plan's validity is read before it.
     */
    private Command analyzeSimple(RawStatement raw, String sql, LiteralTemplate template) {
        long noticesBefore = noticesSent;
        Command command = executor.analyze(raw, sql, new int[0]);
        // an analysis that warned (e.g. a precision reduced) must warn again next time: not cached
        if (template != null && txn != null && command instanceof Command.Query && noticesSent == noticesBefore
                && txn.isolation() == org.lakepg.server.txn.IsolationLevel.READ_COMMITTED && !txn.changedCatalog()
                && StatementExecutor.cacheable(raw.statement())
                && simpleCache.wanted(template, planValidityAtSnapshot)) {
            keepPlan(raw, template, planValidityAtSnapshot);
        }
        return command;
    }

    /** Analyzes the template with its value literals as parameters and keeps the plan (or that it has none). */
    private void keepPlan(RawStatement raw, LiteralTemplate template, SimpleQueryCache.Validity validity) {
        boolean[] parameter = new boolean[template.size()];
        long[] types = new long[0];
        Command.Query plan = null;
        boolean muted = muteNotices;
        muteNotices = true; // the statement's notices were sent by its own analysis
        try {
            java.util.Set<Integer> positional = org.lakepg.server.sql.analyzer.NonValueLiterals.of(raw.statement());
            for (int i = 0; i < parameter.length; i++) {
                parameter[i] = !positional.contains(template.starts()[i]) && !positional.contains(minusBefore(template, i));
            }
            types = SimpleQueryCache.types(template, parameter);
            String text = template.parameterized(parameter);
            List<RawStatement> parsed = SqlParser.parse(text, settings.getBool("standard_conforming_strings"));
            int[] declared = new int[types.length];
            for (int i = 0; i < types.length; i++) {
                declared[i] = (int) types[i];
            }
            if (parsed.size() == 1 && executor.analyze(parsed.get(0), text, declared) instanceof Command.Query q
                    && java.util.Arrays.equals(q.parameterTypes(), types)
                    && SimpleQueryCache.reusable(q.plan().root(), settings.get("lakepg.analytics"))) {
                plan = q;
            }
        } catch (RuntimeException | StackOverflowError notCacheable) {
            // analyzed differently with parameters (e.g. a literal where only a constant may be), or nested too
            // deeply for the walk over the syntax tree: never cached
        } finally {
            muteNotices = muted;
        }
        simpleCache.put(template, validity, plan, raw.statement(), parameter, types);
    }

    /** Where a folded minus sign of literal i would start (the parser puts a negative literal there), or -1. */
    private static int minusBefore(LiteralTemplate template, int i) {
        int k = template.starts()[i] - 1;
        while (k >= 0 && Character.isWhitespace(template.sql().charAt(k))) {
            k--;
        }
        return k >= 0 && template.sql().charAt(k) == '-' ? k : -1;
    }

    private void runSimple(org.lakepg.server.sql.ast.Statement statement, boolean multi,
                           java.util.function.Supplier<Command> analysis, Object[] parameters) {
        try {
            block.beforeStatement(multi, StatementExecutor.allowedInFailedBlock(statement));
            statementStart = nowMicros();
            // read before the snapshot: a catalog change committed after it makes a plan analyzed now stale
            planValidityAtSnapshot = planValidity();
            // the statement's snapshot first: its analysis must see what the statements before it did
            ExecContext context = newContext(parameters);
            Command command = analysis.get();
            checkStatement(statement);
            while (!executor.lockRelations(command)) {
                // a relation it uses changed after its snapshot (it waited for a DDL): analyzed again on the new
                // snapshot the locking took
                planValidityAtSnapshot = planValidity(txn.snapshotCatalogVersion());
                command = analysis.get();
            }
            context.newScanSnapshot(); // a lock that waited moved the statement's snapshot
            Execution execution = executor.start(command, context);
            if (execution.columns() != null) {
                sink.rowDescription(describe(execution));
            }
            long count = sendRows(execution, new RowEncoder(orEmpty(execution.columns()), execution.resultFormats(), this),
                    context, 0);
            sink.commandComplete(execution.tag().apply(count));
            block.afterStatement();
        } catch (RuntimeException | StackOverflowError e) {
            statementFailed();
            reportSettingChanges();
            throw asPgException(e);
        } finally {
            ExecContext ended = running;
            running = null;
            if (ended != null) {
                ended.closeTempFiles(); // the statement's spill files go with it, also after an error or cancel
            }
        }
        reportSettingChanges();
    }

    private List<OutputColumn> describedColumns;
    private List<ColumnDescription> description;

    /** The RowDescription of a simple Query's rows; a cached plan's columns (the same list each time) are described once. */
    private List<ColumnDescription> describe(Execution execution) {
        if (execution.resultFormats() != null) {
            return RowEncoder.describe(execution.columns(), execution.resultFormats());
        }
        if (execution.columns() != describedColumns) {
            description = RowEncoder.describe(execution.columns(), null);
            describedColumns = execution.columns();
        }
        return description;
    }

    private static List<OutputColumn> orEmpty(List<OutputColumn> columns) {
        return columns == null ? List.of() : columns;
    }

    /** Sends up to {@code limit} rows (0 = all); returns how many were sent. */
    private long sendRows(Execution execution, RowEncoder encoder, ExecContext context, long limit) {
        long sent = 0;
        boolean send = execution.columns() != null;
        while ((limit == 0 || sent < limit) && execution.rows().hasNext()) {
            context.checkCancelled();
            Object[] row = execution.rows().next();
            if (send) {
                sink.dataRow(encoder.encode(row));
            }
            sent++;
        }
        context.checkCancelled();
        return sent;
    }

    @Override
    public org.lakepg.server.exec.TableAccess tableAccess() {
        return tableAccess;
    }

    private ExecContext newContext(Object[] parameters) {
        if (txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            txn.startStatement();
        }
        ExecContext context = new ExecContext(this, parameters, tableAccess);
        StatementLimits.apply(context, sink, txn, settings);
        running = context;
        // index expressions calling user functions bind against this session's catalog and run in this statement
        org.lakepg.server.index.IndexExpressionSession.start(analyzerCatalog, context);
        return context;
    }

    private void reportSettingChanges() {
        settings.drainReports().forEach(sink::parameterStatus);
    }

    private void finish(Runnable action) {
        try {
            action.run();
        } catch (PgException e) {
            reportSettingChanges();
            throw e;
        } catch (RuntimeException e) {
            reportSettingChanges();
            throw StorageFailures.fatalOr(e);
        }
        reportSettingChanges();
    }

    /**
     * Aborts the statement's work after a failure. If the abort itself finds the store gone (a fenced compute
     * cannot even log the abort), that FATAL is what the client must see, not the statement's own error.
     */
    private void statementFailed() {
        try {
            block.statementFailed();
        } catch (RuntimeException abortFailed) {
            throw StorageFailures.fatalOr(abortFailed);
        }
    }

    private FormatSettings formatSettings;
    private long formatSettingsVersion = -1;

    /**
     * The output settings (DateStyle, TimeZone ...) for every row sent: made again only after a setting changed;
     * 'now' in parameter input reads the current transaction's start.
     */
    FormatSettings formatSettings() {
        if (formatSettings == null || formatSettingsVersion != settings.version()) {
            formatSettings = WireTypeIO.formatSettings(this);
            formatSettingsVersion = settings.version();
        }
        long start = transactionStartMicros();
        if (formatSettings.transactionStartMicros() == null || formatSettings.transactionStartMicros() != start) {
            formatSettings = formatSettings.withTransactionStart(start);
        }
        return formatSettings;
    }

    private static PgException asPgException(Throwable e) {
        if (e instanceof PgException p) {
            return p;
        }
        if (e instanceof StackOverflowError) {
            return PgException.stackDepthExceeded(); // recursion deeper than the thread's stack, e.g. nested types
        }
        PgException fatal = StorageFailures.fatalOrNull(e);
        if (fatal != null) {
            return fatal;
        }
        // a bug: the client sees XX000, the server log keeps where it happened
        INTERNAL_ERRORS.warn("internal error", e);
        return PgException.of(SqlState.INTERNAL_ERROR, "internal error: %s", String.valueOf(e)).withCause(e);
    }

    private static final org.slf4j.Logger INTERNAL_ERRORS = org.slf4j.LoggerFactory.getLogger(LakepgSession.class);

    // ---- extended query ----

    /**
     * A Parse'd statement. Like PostgreSQL's plan cache, a query's plan is made again when what it was analyzed
     * against changed (DDL, ANALYZE's statistics, settings, roles: see SimpleQueryCache.Validity) before an
     * execution; its parameter and result types stay those described at Parse.
     */
    private final class Prepared implements PreparedStatement {
        final RawStatement raw;
        final String sql;
        Command command;
        SimpleQueryCache.Validity validity;

        Prepared(RawStatement raw, String sql, Command command, SimpleQueryCache.Validity validity) {
            this.raw = raw;
            this.sql = sql;
            this.command = command;
            this.validity = validity;
        }

        /** The command to execute now: the one of Parse, or a new plan of the same query when that one is stale. */
        Command current() {
            if (!(command instanceof Command.Query)
                    || txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE
                    && txn.changedCatalog()) {
                return command;
            }
            SimpleQueryCache.Validity now = planValidity();
            if (now.equals(validity)) {
                return command;
            }
            Command replanned = executor.analyze(raw, sql, parameterTypeOids());
            if (!sameTypes(replanned.columns(), command.columns())) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cached plan must not change result type");
            }
            command = replanned;
            validity = now;
            return command;
        }

        private static boolean sameTypes(List<OutputColumn> a, List<OutputColumn> b) {
            if (a == null || b == null || a.size() != b.size()) {
                return a == b;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).type() != b.get(i).type() || a.get(i).typmod() != b.get(i).typmod()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int[] parameterTypeOids() {
            long[] types = command.parameterTypes();
            int[] out = new int[types.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) types[i];
            }
            return out;
        }

        @Override
        public List<ColumnDescription> resultColumns() {
            return describe(null);
        }

        private Command described;
        private short[] describedFormats;
        private List<ColumnDescription> description;

        /**
         * The result columns in these formats; every Bind and Describe of a prepared statement asks again, so the
         * last answer is kept until the plan or the formats change.
         */
        List<ColumnDescription> describe(short[] formats) {
            Command now = command;
            if (now.columns() == null) {
                return null;
            }
            if (now != described || !java.util.Arrays.equals(formats, describedFormats)) {
                description = List.copyOf(RowEncoder.describe(now.columns(), formats));
                describedFormats = formats == null ? null : formats.clone();
                described = now;
            }
            return description;
        }

        @Override
        public void close() {
        }
    }

    private final class BoundPortal implements Portal {
        final Prepared prepared;
        final Object[] parameters;
        final short[] resultFormats;
        Execution execution;
        RowEncoder encoder;
        ExecContext context;
        long sent;

        BoundPortal(Prepared prepared, Object[] parameters, short[] resultFormats) {
            this.prepared = prepared;
            this.parameters = parameters;
            this.resultFormats = resultFormats;
        }

        @Override
        public List<ColumnDescription> resultColumns() {
            return prepared.describe(resultFormats);
        }

        @Override
        public boolean execute(int maxRows, ResultSink sink) {
            LakepgSession.this.sink = sink;
            if (prepared.command instanceof Command.Empty) {
                sink.emptyQuery();
                return false;
            }
            try {
                if (execution == null) {
                    block.beforeExtendedStatement(StatementExecutor.allowedInFailedBlock(prepared.raw.statement()));
                    statementStart = nowMicros();
                    checkStatement(prepared.raw.statement());
                    context = newContext(parameters);
                    Command command = prepared.current();
                    while (!executor.lockRelations(command)) {
                        command = prepared.current(); // as in runSimple: the catalog moved, so it plans again
                    }
                    context.newScanSnapshot();
                    execution = executor.start(command, context);
                    encoder = new RowEncoder(orEmpty(execution.columns()), resultFormats, LakepgSession.this);
                } else {
                    running = context;
                }
                // Execute's row limit applies to portals that return rows; a command without any (MERGE, INSERT
                // without RETURNING) runs to completion, as in PostgreSQL
                sent += sendRows(execution, encoder, context, execution.columns() == null ? 0 : maxRows);
                if (execution.rows().hasNext()) {
                    return true;
                }
                context.closeTempFiles();
                sink.commandComplete(execution.tag().apply(sent));
                block.afterStatement();
                reportSettingChanges();
                return false;
            } catch (RuntimeException | StackOverflowError e) {
                if (context != null) {
                    context.closeTempFiles();
                }
                statementFailed();
                reportSettingChanges();
                throw asPgException(e);
            } finally {
                running = null;
            }
        }

        @Override
        public void close() {
            if (context != null) {
                context.closeTempFiles();
            }
        }
    }

    /**
     * Parse outside a transaction: PostgreSQL locks a query's relations while it analyzes it, so a Parse next to an
     * uncommitted ALTER TABLE waits and describes what it committed. Waits in a transaction of its own until the
     * query's locks could be taken; false when the analysis made at {@code analyzedAt} is stale by then.
     */
    private boolean awaitRelations(Command command, long analyzedAt, org.lakepg.server.txn.Deadline deadline) {
        if (!(command instanceof Command.Query q) || q.locks().isEmpty()) {
            return true;
        }
        var locks = compute.transactions().relationLocks();
        if (q.locks().stream().noneMatch(r -> locks.held(r.relation(), r.mode()))) {
            // nobody holds a conflicting lock: no need to wait in a transaction (the usual case, kept cheap)
            return q.locks().stream().noneMatch(r -> locks.changedSince(r.relation(), analyzedAt));
        }
        org.lakepg.server.txn.Transaction probe = compute.transactions().begin();
        parseProbe = probe;
        try {
            probe.setDeadline(deadline);
            return probe.lockRelations(backendPid(), q.locks(), analyzedAt);
        } finally {
            parseProbe = null;
            probe.rollback();
        }
    }

    /** The transaction a Parse outside a transaction waits for relation locks in (pg_locks shows it). */
    private volatile org.lakepg.server.txn.Transaction parseProbe;

    @Override
    public PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        checkNotTerminated();
        lastQuery = sql;
        queryStart = SessionClock.nowMicros();
        try {
            List<RawStatement> statements = SqlParser.parse(sql, settings.getBool("standard_conforming_strings"));
            if (statements.size() > 1) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
            }
            RawStatement raw = statements.isEmpty() ? null : statements.get(0);
            if (txn == null) {
                followReadPoint(); // Parse outside a transaction analyzes against what Execute will read
            }
            if (block.state() == TransactionBlock.State.FAILED
                    && (raw == null || !StatementExecutor.allowedInFailedBlock(raw.statement()))) {
                throw PgException.of(SqlState.IN_FAILED_SQL_TRANSACTION,
                        "current transaction is aborted, commands ignored until end of transaction block");
            }
            SimpleQueryCache.Validity validity = planValidity(); // read before analysis, as for the simple cache
            Command command = executor.analyze(raw, sql, parameterTypeOids);
            boolean inTransaction = txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE;
            // as PostgreSQL's parse analysis, take (or, outside a transaction, wait for) the query's relation locks
            while (inTransaction ? !executor.lockRelations(command)
                    : !awaitRelations(command, validity.catalogVersion(), new org.lakepg.server.txn.Deadline(
                            settings.statementTimeout(), settings.lockTimeout(), () -> sink != null && sink.isCancelled()))) {
                validity = inTransaction ? planValidity(txn.snapshotCatalogVersion()) : planValidity();
                command = executor.analyze(raw, sql, parameterTypeOids);
            }
            return new Prepared(raw, sql, command, validity);
        } catch (RuntimeException | StackOverflowError e) {
            statementFailed();
            throw asPgException(e);
        }
    }

    @Override
    public Portal bind(PreparedStatement statement, List<byte[]> values, short[] parameterFormats,
                       short[] resultFormats) {
        Prepared prepared = (Prepared) statement;
        try {
            long[] types = prepared.command.parameterTypes();
            if (values.size() != types.length) {
                throw PgException.of(SqlState.PROTOCOL_VIOLATION,
                        "bind message supplies %d parameters, but prepared statement \"\" requires %d",
                        values.size(), types.length);
            }
            short[] formats = RowEncoder.expandFormats(parameterFormats, types.length);
            FormatSettings format = formatSettings();
            Object[] parameters = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                byte[] v = values.get(i);
                if (v != null) {
                    PgType<?> codec = WireTypeIO.codec(types[i]);
                    parameters[i] = formats[i] == 1 ? codec.decodeBinary(v)
                            : codec.parseText(new String(v, StandardCharsets.UTF_8), format);
                }
            }
            // the result formats must fit the columns: checked now, as PostgreSQL does at Bind
            List<OutputColumn> columns = prepared.command.columns();
            RowEncoder.expandFormats(resultFormats, columns == null ? 0 : columns.size());
            return new BoundPortal(prepared, parameters, resultFormats);
        } catch (RuntimeException | StackOverflowError e) {
            statementFailed();
            throw asPgException(e);
        }
    }

    @Override
    public byte[] functionCall(int functionOid, List<byte[]> arguments, short[] argumentFormats, short resultFormat,
                               org.lakepg.wire.protocol.ResultSink client) {
        return FastPathCall.call(this, oid -> analyzerCatalog.function(oid), functionOid, arguments, argumentFormats,
                resultFormat, client);
    }

    /** Any error on this connection, also ones the protocol layer raised itself, aborts the transaction. */
    @Override
    public void errorReported(PgException error) {
        block.statementFailed();
    }

    @Override
    public void sync() {
        if (sink != null) {
            finish(block::endOfQuery);
        } else {
            try {
                block.endOfQuery();
            } catch (RuntimeException e) {
                throw StorageFailures.fatalOr(e);
            }
        }
    }

    private volatile boolean terminated;

    /**
     * pg_terminate_backend: the running statement stops now and the session ends at its next message
     * with FATAL 57P01, as PostgreSQL's terminated backends do.
     */
    void terminate() {
        terminated = true;
        ExecContext context = running;
        if (context != null) {
            context.cancel("terminating connection due to administrator command");
        }
    }

    private void checkNotTerminated() {
        if (terminated) {
            throw PgException.of(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command")
                    .withSeverity(PgException.Severity.FATAL);
        }
    }

    @Override
    public void cancel() {
        ExecContext context = running;
        if (context != null) {
            context.cancel(CANCELED);
        }
    }

    @Override
    public void close() {
        try {
            if (block.inTransaction()) {
                block.rollback(false);
            }
            executor.dropTemporaryObjects(primary.transactions());
            TempTables.dropAll(primaryRelations, primary.transactions());
        } finally {
            sessions.remove(processId);
            cluster.disconnect(database);
        }
    }

    // ---- TransactionControl: a storage transaction, plus the transaction-scoped settings ----

    @Override
    public void begin(TransactionModes m) {
        modes = m;
        transactionStart = nowMicros();
        settings.beginTransaction();
        transactionReadPoint = readPointKey();
        org.lakepg.server.Compute wanted;
        try {
            wanted = wantedCompute();
            readPointError = null;
        } catch (PgException e) {
            // a bad read point fails the statements that would read, not SET/RESET that can repair it
            wanted = primary;
            readPointError = e;
        }
        if (wanted != compute) {
            bind(wanted);
        }
        settings.set("transaction_read_only", wanted.readPoint() != null
                || settings.getBool("default_transaction_read_only") ? "on" : "off", true);
        applyModes(m);
        txn = compute.transactions().begin(isolation());
    }

    /** The isolation level BEGIN asked for, else default_transaction_isolation. */
    private org.lakepg.server.txn.IsolationLevel isolation() {
        String level = modes.isolation() != null ? modes.isolation().settingValue()
                : settings.get("default_transaction_isolation");
        return switch (level) {
            case "repeatable read" -> org.lakepg.server.txn.IsolationLevel.REPEATABLE_READ;
            case "serializable" -> org.lakepg.server.txn.IsolationLevel.SERIALIZABLE;
            default -> org.lakepg.server.txn.IsolationLevel.READ_COMMITTED;
        };
    }

    @Override
    public void setModes(TransactionModes m) {
        modes = m;
        applyModes(m);
        if (m.isolation() != null && txn != null && txn.isolation() != isolation()) {
            // BEGIN ISOLATION LEVEL inside an implicit block: nothing has run in it that matters yet
            txn.rollback();
            txn = compute.transactions().begin(isolation());
        }
    }

    private void applyModes(TransactionModes m) {
        if (m.isolation() != null) {
            settings.set("transaction_isolation", m.isolation().settingValue(), true);
        }
        if (m.readOnly() != null) {
            settings.set("transaction_read_only", m.readOnly() ? "on" : "off", true);
        }
        if (m.deferrable() != null) {
            settings.set("transaction_deferrable", m.deferrable() ? "on" : "off", true);
        }
    }

    @Override
    public TransactionModes currentModes() {
        return modes;
    }

    @Override
    public void commit() {
        endTransaction(true);
    }

    @Override
    public void rollback() {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        if (commit && (!deferred.isEmpty() || !relations.onCommit.isEmpty()) && txn != null
                && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            try {
                txn.commandCounterIncrement();
                deferred.runAll();
                TempTables.onCommit(relations, txn);
            } catch (RuntimeException failed) {
                endTransaction(false);
                throw failed;
            }
        }
        if (commit && !cursors.isEmpty() && txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            try {
                cursors.beforeCommit(); // WITH HOLD cursors read their rows while the transaction still can
            } catch (RuntimeException failed) {
                endTransaction(false);
                throw failed;
            }
        }
        if (commit && roles.hasChanges() && txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            try {
                // @global first: a role change that cannot be stored fails the COMMIT instead of being lost
                roles.commit();
            } catch (RuntimeException failed) {
                endTransaction(false);
                throw failed;
            }
        }
        deferred.clear();
        roles.discard();
        org.lakepg.server.txn.Transaction ending = txn;
        txn = null;
        boolean committed = false;
        try {
            if (ending != null && ending.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
                if (commit) {
                    ending.commit();
                    committed = true;
                } else {
                    ending.rollback();
                }
            } else {
                committed = commit && ending != null && ending.state() == org.lakepg.server.txn.Transaction.State.COMMITTED;
            }
        } finally {
            largeObjects.closeAll();
            cursors.afterTransaction(committed);
            if (ending != null) {
                activity.transactionEnded(sessions.statistics().database(database), committed);
            }
            if (commit) {
                settings.commit();
            } else {
                settings.rollback();
            }
        }
    }

    /** The failed statement's work is undone now; the block stays failed until ROLLBACK. */
    @Override
    public void abortForFailedBlock(boolean hasSavepoints) {
        if (!hasSavepoints && txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            txn.rollback();
        }
    }

    @Override
    public void savepoint(String name) {
        currentTransaction().savepoint(name);
    }

    @Override
    public void releaseSavepoint(String name) {
        currentTransaction().releaseSavepoint(name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        currentTransaction().rollbackToSavepoint(name);
    }

    // ---- FunctionContext ----

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 - MICROS_2000;
    }

    @Override
    public ZoneId timeZone() {
        return settings.timeZone();
    }

    @Override
    public String setConfig(String name, String value, boolean local) {
        if (value == null) {
            settings.reset(name, local);
        } else {
            settings.set(name, value, local);
        }
        return settings.get(name);
    }

    @Override
    public org.lakepg.server.exec.spill.TempFileSpace tempFileSpace() {
        return cluster == null ? org.lakepg.server.exec.spill.TempFileSpace.processDefault() : cluster.tempFileSpace();
    }

    @Override
    public String setting(String name) {
        try {
            return settings.get(name);
        } catch (PgException unknown) {
            return null;
        }
    }

    @Override
    public String currentUser() {
        return roleAccess.currentUser();
    }

    @Override
    public String sessionUser() {
        return roleAccess.sessionUser();
    }

    @Override
    public String currentDatabase() {
        return database;
    }

    @Override
    public Long replicaReplayLsn() {
        if (!settings.getBool("lakepg.replica")) {
            return null;
        }
        org.lakepg.storage.Lsn replayed = cluster.replicaReplayLsn(database);
        return replayed == null ? null : replayed.value();
    }

    @Override
    public org.lakepg.server.analytics.AnalyticsControl analytics() {
        return new org.lakepg.server.analytics.AnalyticsControl(cluster.analytics(), compute,
                lsn -> cluster.computeAt(database, lsn), cluster.objectLocation());
    }

    @Override
    public org.lakepg.server.branch.BranchControl branches() {
        String db = org.lakepg.server.branch.BranchNames.database(database);
        org.lakepg.server.Branches branches = cluster.branches();
        return new org.lakepg.server.branch.BranchControl() {
            @Override
            public org.lakepg.server.branch.BranchInfo create(String name, String fromBranch,
                                                              org.lakepg.storage.Lsn atLsn, Instant atTime) {
                return branches.create(db, name, fromBranch == null
                        ? org.lakepg.server.branch.BranchNames.branch(database) : fromBranch, atLsn, atTime);
            }

            @Override
            public void drop(String name) {
                branches.drop(db, name, database);
            }

            @Override
            public org.lakepg.server.branch.BranchInfo reset(String name) {
                return branches.reset(db, name, database);
            }

            @Override
            public List<org.lakepg.server.branch.BranchInfo> list() {
                return branches.list(db);
            }

            @Override
            public List<org.lakepg.server.branch.BranchDifference> diff(String a, String b) {
                return branches.diff(db, a, b);
            }

            @Override
            public org.lakepg.storage.Lsn currentLsn() {
                return cluster.insertLsn(database);
            }
        };
    }

    @Override
    public Object callSqlFunction(long function, Object[] arguments, ExecContext caller) {
        return executor.runSqlFunction(function, arguments, caller);
    }

    @Override
    public QueryRows runQuery(String sql, ExecContext caller) {
        return executor.runQuery(sql, caller);
    }

    @Override
    public org.lakepg.server.exec.TableTriggers triggers(org.lakepg.server.table.TableInfo table,
            org.lakepg.server.exec.TableTriggers.Event event, ExecContext context) {
        return executor.triggers(table, event, context);
    }

    @Override
    public java.util.BitSet visibleColumns(long table, boolean withWritten) {
        return executor.visibleColumns(catalogSnapshot(), table, withWritten);
    }

    @Override
    public Boolean hasPrivilege(Object role, String kind, Object object, String privileges) {
        if (kind.equals("function") && object instanceof String signature) {
            // a function named by its signature text, read as regprocedure input ('now()', 'f(int)')
            object = org.lakepg.server.systemcatalog.RegTypes.input(2202, signature, catalogView());
        }
        return executor.privilegeInquiry().hasPrivilege(catalogSnapshot(), role, kind, object, privileges);
    }

    @Override
    public List<String> searchPathSchemas(boolean implicit) {
        var snapshot = catalogSnapshot();
        var schemas = implicit ? searchPath.effectiveSchemas(snapshot) : searchPath.explicitSchemas(snapshot);
        return schemas.stream().map(org.lakepg.server.catalog.objects.SchemaInfo::name).toList();
    }

    @Override
    public int backendPid() {
        return processId;
    }

    @Override
    public long transactionStartMicros() {
        return block.inTransaction() ? transactionStart : statementStart;
    }

    @Override
    public long statementStartMicros() {
        return statementStart;
    }

    @Override
    public org.lakepg.server.systemcatalog.CatalogView catalogView() {
        return new org.lakepg.server.systemcatalog.CatalogView(catalogSources);
    }

    /**
     * The locks this session's transaction holds and waits for, as pg_locks shows them: its virtual transaction
     * id, its xid once it has one, and a ShareLock not granted on each xid it waits for (a row another transaction
     * changes or locks), and the relation lock of each table and index it used.
     */
    java.util.List<org.lakepg.server.systemcatalog.CatalogSources.LockRow> locks() {
        org.lakepg.server.txn.Transaction t = txn;
        if (t == null || t.state() != org.lakepg.server.txn.Transaction.State.ACTIVE) {
            t = parseProbe; // a Parse outside a transaction waiting for a relation lock (see awaitRelations)
            if (t == null) {
                return java.util.List.of();
            }
        }
        String vxid = processId + "/" + t.id();
        java.util.List<org.lakepg.server.systemcatalog.CatalogSources.LockRow> out = new java.util.ArrayList<>();
        out.add(new org.lakepg.server.systemcatalog.CatalogSources.LockRow("virtualxid", null, null, null, null, vxid,
                null, vxid, processId, "ExclusiveLock", true, true, null));
        if (t.topXid() != org.lakepg.server.txn.Xids.INVALID) {
            out.add(new org.lakepg.server.systemcatalog.CatalogSources.LockRow("transactionid", null, null, null, null,
                    null, t.topXid(), vxid, processId, "ExclusiveLock", true, false, null));
        }
        // the relations it used, locked as PostgreSQL's executor locks them (reads AccessShareLock, writes
        // RowExclusiveLock) until the transaction ends; the database is filled in by pg_locks from the pid
        activity.relationsUsed().forEach((relation, wrote) -> out.add(
                new org.lakepg.server.systemcatalog.CatalogSources.LockRow("relation", null, relation, null, null,
                        null, null, vxid, processId, wrote ? "RowExclusiveLock" : "AccessShareLock", true, true,
                        null)));
        // LOCK TABLE's locks, held and awaited, but one row per relation and mode as PostgreSQL shows them
        var used = activity.relationsUsed();
        for (var lock : compute.transactions().relationLocks().entries()) {
            Boolean wrote = used.get(lock.relation());
            boolean shownAlready = lock.granted() && wrote != null
                    && lock.modeName().equals(wrote ? "RowExclusiveLock" : "AccessShareLock");
            if (lock.owner() == t && !shownAlready) {
                out.add(new org.lakepg.server.systemcatalog.CatalogSources.LockRow("relation", null, lock.relation(),
                        null, null, null, null, vxid, processId, lock.modeName(), lock.granted(), false,
                        lock.granted() ? null : lock.sinceMicros()));
            }
        }
        for (long awaited : compute.transactions().awaitedXids(t)) {
            out.add(new org.lakepg.server.systemcatalog.CatalogSources.LockRow("transactionid", null, null, null, null,
                    null, awaited, vxid, processId, "ShareLock", false, false, null));
        }
        return out;
    }

    private java.net.InetSocketAddress clientAddress;
    private java.net.InetSocketAddress serverAddress;

    /** The connection's two ends (inet_client_addr, inet_server_port ...); null ends for in-process sessions. */
    void connectedFrom(java.net.InetSocketAddress client, java.net.InetSocketAddress server) {
        this.clientAddress = client;
        this.serverAddress = server;
    }

    public java.net.InetSocketAddress clientAddress() {
        return clientAddress;
    }

    public java.net.InetSocketAddress serverAddress() {
        return serverAddress;
    }

    /** This session as pg_stat_activity shows it. */
    org.lakepg.server.systemcatalog.CatalogSources.SessionActivity activity(
            org.lakepg.wire.protocol.SessionStartup startup) {
        String state = running != null ? "active" : switch (block.status()) {
            case 'T' -> "idle in transaction";
            case 'E' -> "idle in transaction (aborted)";
            default -> "idle";
        };
        var address = startup.remoteAddress();
        return new org.lakepg.server.systemcatalog.CatalogSources.SessionActivity(processId, database, user,
                setting("application_name"), address == null ? null : address.getAddress().getHostAddress(),
                address == null ? -1 : address.getPort(), backendStart,
                block.inTransaction() ? transactionStart : null, queryStart == 0 ? null : queryStart, state, lastQuery);
    }
}
