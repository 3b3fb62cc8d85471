package org.lakepg.server.exec;

import java.time.ZoneId;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One statement's run: its parameter values, the session it runs in, and cancellation (a
 * CancelRequest or statement_timeout makes {@link #checkCancelled()} throw 57014).
 */
public final class ExecContext implements FunctionContext {
    private final FunctionContext session;
    private final Object[] parameters;
    private final TableAccess tables;
    private volatile String cancelReason;
    // sized for the common statement that uses none of these: a short statement gets a new context per execution
    private Object[] outerParams = new Object[0];
    private final java.util.Map<org.lakepg.server.sql.plan.PlanNode, java.util.Map<Object, java.util.List<Object[]>>> hashTables =
            new java.util.IdentityHashMap<>(2);
    private java.util.Map<org.lakepg.server.sql.plan.PlanNode, org.lakepg.server.exec.explain.NodeStats> nodeStats;
    private final java.util.Map<org.lakepg.server.sql.plan.PlanNode, org.lakepg.server.exec.operator.CteBuffer> cteBuffers =
            new java.util.IdentityHashMap<>(2);
    private final java.util.Map<Integer, java.util.List<Object[]>> workTables = new java.util.HashMap<>();
    private java.util.function.Function<org.lakepg.server.sql.plan.PlanNode, java.util.Iterator<Object[]>> subplans;
    private final java.util.Map<org.lakepg.server.sql.plan.PlanNode, java.util.List<Object[]>> subplanRows =
            new java.util.IdentityHashMap<>(2);

    public ExecContext(FunctionContext session, Object[] parameters) {
        this(session, parameters, null);
    }

    public ExecContext(FunctionContext session, Object[] parameters, TableAccess tables) {
        this.session = session;
        this.parameters = parameters;
        this.tables = tables;
    }

    /**
     * The snapshot this statement's table scans read, taken at the first scan: as PostgreSQL's executor snapshot it
     * stays the same while the statement runs, so rows the statement itself writes stay invisible to its scans even
     * after a trigger made them visible to the queries it runs (CommandCounterIncrement), e.g. rows an UPDATE moved
     * into a partition scanned later.
     */
    public org.lakepg.server.txn.Snapshot scanSnapshot() {
        if (scanSnapshot == null) {
            scanSnapshot = tables().transaction().snapshot();
        }
        return scanSnapshot;
    }

    private org.lakepg.server.txn.Snapshot scanSnapshot;

    /** The next scan takes a new snapshot: a statement a rule added runs after the one before it, seeing its rows. */
    public void newScanSnapshot() {
        scanSnapshot = null;
    }

    /** Tables of the database; fails when the statement runs without storage. */
    public TableAccess tables() {
        if (tables == null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this statement has no access to tables");
        }
        return tables;
    }

    /** How this statement runs the plans of its subqueries (set by the executor). */
    public void setSubplanRunner(
            java.util.function.Function<org.lakepg.server.sql.plan.PlanNode, java.util.Iterator<Object[]>> runner) {
        this.subplans = runner;
    }

    /** The rows of an uncorrelated subquery, computed once per statement. */
    public java.util.List<Object[]> subplanRows(org.lakepg.server.sql.plan.PlanNode plan) {
        java.util.List<Object[]> rows = subplanRows.get(plan);
        if (rows == null) {
            rows = new java.util.ArrayList<>();
            subplans.apply(plan).forEachRemaining(rows::add);
            subplanRows.put(plan, rows);
        }
        return rows;
    }

    /** Runs a subplan afresh (a correlated one, after its parameters were set). */
    public java.util.Iterator<Object[]> runSubplan(org.lakepg.server.sql.plan.PlanNode plan) {
        return subplans.apply(plan);
    }

    /** Sets executor parameter {@code id} (a correlated subquery's or LATERAL item's outer value). */
    public void setOuterParam(int id, Object value) {
        if (id >= outerParams.length) {
            outerParams = java.util.Arrays.copyOf(outerParams, Math.max(id + 1, outerParams.length * 2));
        }
        outerParams[id] = value;
    }

    /** The value of executor parameter {@code id}, as last set. */
    public Object outerParam(int id) {
        return id < outerParams.length ? outerParams[id] : null;
    }

    /** The shared rows of a WITH item (its plan opened on first use). */
    public org.lakepg.server.exec.operator.CteBuffer cteBuffer(org.lakepg.server.sql.plan.PlanNode cte) {
        return cteBuffers.computeIfAbsent(cte, p -> new org.lakepg.server.exec.operator.CteBuffer(subplans.apply(p)));
    }

    private final java.util.Set<org.lakepg.server.sql.plan.PlanNode> lazyModifies =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(2));

    /** Makes this data-modifying WITH item's plan write its rows only as far as they are read. */
    public void runLazily(org.lakepg.server.sql.plan.PlanNode modify) {
        lazyModifies.add(modify);
    }

    /** Whether this ModifyTable plan writes row by row as it is read (a data-modifying WITH item). */
    public boolean runsLazily(org.lakepg.server.sql.plan.PlanNode modify) {
        return lazyModifies.contains(modify);
    }

    /**
     * Forgets the rows of these WITH items and uncorrelated subqueries, so they are computed again (a recursive term's
     * own WITH items per round, those reading a correlated subquery's or LATERAL item's parameters per run).
     */
    public void resetCtes(java.util.Set<org.lakepg.server.sql.plan.PlanNode> plans) {
        plans.forEach(cteBuffers::remove);
        plans.forEach(hashTables::remove);
        plans.forEach(subplanRows::remove);
    }

    private final java.util.Map<org.lakepg.server.sql.plan.PlanNode, Boolean> keptHashTables =
            new java.util.IdentityHashMap<>();

    /**
     * Whether a hash join's table may be kept for the statement's later runs of the join: its input gives the same
     * rows every run. One reading an enclosing loop's parameters or a recursive term's work table is built again at
     * every run (PostgreSQL rescans a hash whose parameters changed; the work table is one, wtParam).
     */
    public boolean keepsHashTable(org.lakepg.server.sql.plan.HashLookupNode lookup) {
        return keptHashTables.computeIfAbsent(lookup,
                l -> org.lakepg.server.sql.optimizer.HashLookups.sameRowsEveryRun(lookup));
    }

    /** The rows a recursive query's previous round produced. */
    public void setWorkTable(int id, java.util.List<Object[]> rows) {
        workTables.put(id, rows);
    }

    public java.util.List<Object[]> workTable(int id) {
        return workTables.getOrDefault(id, java.util.List.of());
    }

    /** Makes every operator count its rows and time (EXPLAIN ANALYZE); the map fills as plan nodes are opened. */
    public java.util.Map<org.lakepg.server.sql.plan.PlanNode, org.lakepg.server.exec.explain.NodeStats> instrument() {
        nodeStats = new java.util.IdentityHashMap<>();
        return nodeStats;
    }

    /** The measurements of a plan node when instrumented, else null. */
    public org.lakepg.server.exec.explain.NodeStats statsFor(org.lakepg.server.sql.plan.PlanNode plan) {
        return nodeStats == null ? null : nodeStats.computeIfAbsent(plan, p -> new org.lakepg.server.exec.explain.NodeStats());
    }

    /** The hash table of a hash lookup node, built once per statement. */
    public java.util.Map<Object, java.util.List<Object[]>> hashTable(org.lakepg.server.sql.plan.PlanNode node,
            java.util.function.Supplier<java.util.Map<Object, java.util.List<Object[]>>> build) {
        var table = hashTables.get(node);
        if (table == null) {
            table = build.get();
            hashTables.put(node, table);
        }
        return table;
    }

    /** A session that says where its statements spill (the data directory's pgsql_tmp). */
    public interface TempSpaceSource {
        org.lakepg.server.exec.spill.TempFileSpace tempFileSpace();
    }

    /** The context whose statement owns this one's spill files (EXECUTE's), or null. */
    private ExecContext tempFilesOwner;
    private org.lakepg.server.exec.spill.TempFiles tempFiles;
    private org.lakepg.server.exec.spill.MemoryLimits memoryLimits;

    /** The statement's spill files; functions and EXECUTE run inside their caller's statement and share its files. */
    public org.lakepg.server.exec.spill.TempFiles tempFiles() {
        if (tempFilesOwner != null) {
            return tempFilesOwner.tempFiles();
        }
        if (session instanceof ExecContext caller) {
            return caller.tempFiles();
        }
        if (tempFiles == null) {
            var space = session instanceof TempSpaceSource source ? source.tempFileSpace()
                    : org.lakepg.server.exec.spill.TempFileSpace.processDefault();
            tempFiles = new org.lakepg.server.exec.spill.TempFiles(space,
                    org.lakepg.server.exec.spill.MemoryLimits.kilobytes(setting("temp_file_limit"), -1));
        }
        return tempFiles;
    }

    /** Deletes the spill files the statement still has (it ended, failed or was cancelled), unless a cursor holds them. */
    public void closeTempFiles() {
        if (tempFiles != null && !tempFilesHeld) {
            tempFiles.close();
        }
    }

    /** Set when an open cursor reads this statement's rows after the statement ended (DECLARE). */
    private boolean tempFilesHeld;

    /** The statement's spill files outlive it: a cursor reads on and releases them when it closes. */
    public void holdTempFiles() {
        tempFilesHeld = true;
    }

    /** The cursor holding the spill files closed: they go now. */
    public void releaseTempFiles() {
        tempFilesHeld = false;
        closeTempFiles();
    }

    /** work_mem and hash_mem_multiplier as the statement started with them. */
    public org.lakepg.server.exec.spill.MemoryLimits memoryLimits() {
        if (memoryLimits == null) {
            memoryLimits = org.lakepg.server.exec.spill.MemoryLimits.of(this);
        }
        return memoryLimits;
    }

    /** The hash table a hash join built earlier in this statement for this node, or null. */
    public java.util.Map<Object, java.util.List<Object[]>> cachedHashTable(org.lakepg.server.sql.plan.PlanNode node) {
        return hashTables.get(node);
    }

    /** Keeps a hash join's table for the statement's later runs of the join (one that fit in hash_mem). */
    public void cacheHashTable(org.lakepg.server.sql.plan.PlanNode node, java.util.Map<Object, java.util.List<Object[]>> table) {
        hashTables.put(node, table);
    }

    /** Value of {@code $number} (1-based). */
    public Object parameter(int number) {
        return parameters[number - 1];
    }

    public void cancel(String reason) {
        cancelReason = reason;
    }

    /** The statement whose cancellation also stops this one (EXECUTE's, or the FETCH reading an open cursor). */
    private volatile ExecContext cancelledWith;

    /** The context of a statement run inside this one (EXECUTE of a prepared statement), with its own parameters. */
    public ExecContext nested(Object[] values) {
        ExecContext inner = new ExecContext(session, values, tables);
        inner.cancelledWith = this;
        inner.tempFilesOwner = this;
        return inner;
    }

    /** Makes this context (an open cursor's) stop when {@code reader}, the statement now reading from it, is cancelled. */
    public void cancelledWith(ExecContext reader) {
        this.cancelledWith = reader;
    }

    /** checkCancelled that also looks at the clock now (for functions that wait: pg_sleep). */
    @Override
    public void checkInterrupts() {
        rowsSinceDeadlineCheck = 4095;
        checkCancelled();
    }

    public void checkCancelled() {
        String reason = cancelReason;
        ExecContext outer = cancelledWith;
        if (reason == null && outer != null) {
            reason = outer.cancelReason;
        }
        if (reason != null) {
            throw PgException.of(SqlState.QUERY_CANCELED, "%s", reason);
        }
        java.util.function.BooleanSupplier gone = clientGone;
        if (gone != null && gone.getAsBoolean()) {
            // the client sent a CancelRequest or closed the connection: nobody will read what this computes
            throw PgException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        if (session instanceof ExecContext caller) {
            caller.checkCancelled(); // a function's statements stop with the statement that called it
        }
        if (++rowsSinceDeadlineCheck >= 4096) {
            rowsSinceDeadlineCheck = 0;
            // a session on a virtual thread (lakepg.session_io = virtual, TLS connections) computing for long (a join
            // of catalog relations) must let the others run, or new connections and cancel requests starve.
            // Thread.yield() would resume this thread first; a timed park hands the carrier to the waiting ones.
            // Platform session threads are scheduled by the kernel and need no pause.
            if (Thread.currentThread().isVirtual()) {
                java.util.concurrent.locks.LockSupport.parkNanos(1);
            }
            if (tables == null) {
                return;
            }
            // statement_timeout is kept by the transaction's deadline; operators that read no heap must honour it too
            org.lakepg.server.txn.Transaction txn;
            try {
                txn = tables.transaction();
            } catch (IllegalStateException noTransaction) {
                return;
            }
            txn.deadline().check();
        }
    }

    private int rowsSinceDeadlineCheck;
    /** The statement naming a parent table whose members are being written now, or null. */
    private ParentStatement parentStatement;

    public ParentStatement parentStatement() {
        return parentStatement;
    }

    public void parentStatement(ParentStatement statement) {
        parentStatement = statement;
    }
    /** The row (as its table stores it, after BEFORE ROW triggers) whose constraint check failed last, or null. */
    private Object[] failedRow;

    /** Notes the row a constraint check just rejected, so a routed write can show it in its target's columns. */
    public void constraintFailed(Object[] row) {
        failedRow = row;
    }

    /** The row the last failed constraint check rejected (then forgotten), or null. */
    public Object[] takeFailedRow() {
        Object[] row = failedRow;
        failedRow = null;
        return row;
    }
    /** A row whose BEFORE UPDATE row triggers ran already (PartitionRouting checks bounds after them), or null. */
    private Object[] beforeRowTriggered;

    /** The next UPDATE write of exactly this row (by identity) skips the BEFORE ROW triggers: they ran already. */
    public void beforeRowTriggersRan(Object[] row) {
        beforeRowTriggered = row;
    }

    /** Whether the BEFORE ROW triggers of this row ran already (asked once per row). */
    public boolean takeBeforeRowTriggersRan(Object[] row) {
        boolean ran = beforeRowTriggered != null && beforeRowTriggered == row;
        beforeRowTriggered = null;
        return ran;
    }

    private volatile java.util.function.BooleanSupplier clientGone;

    /** Stops the statement at its next check once {@code gone} says the client cancelled or disconnected. */
    public void stopWhen(java.util.function.BooleanSupplier gone) {
        this.clientGone = gone;
    }

    /** Whether a cancel (CancelRequest, pg_cancel_backend, lost connection) was asked for; for lock waits. */
    public boolean cancelRequested() {
        java.util.function.BooleanSupplier gone = clientGone;
        return cancelReason != null || gone != null && gone.getAsBoolean()
                || session instanceof ExecContext caller && caller.cancelRequested();
    }

    @Override
    public ZoneId timeZone() {
        return session.timeZone();
    }

    @Override
    public String setting(String name) {
        return session.setting(name);
    }

    @Override
    public String setConfig(String name, String value, boolean local) {
        return session.setConfig(name, value, local);
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
    public String currentDatabase() {
        return session.currentDatabase();
    }

    @Override
    public org.lakepg.server.analytics.AnalyticsControl analytics() {
        return session.analytics();
    }

    @Override
    public org.lakepg.server.branch.BranchControl branches() {
        return session.branches();
    }

    @Override
    public Object callSqlFunction(long function, Object[] arguments) {
        if (session instanceof SqlFunctionRunner runner) {
            return runner.callSqlFunction(function, arguments, this);
        }
        return session.callSqlFunction(function, arguments);
    }

    @Override
    public QueryRows runQuery(String sql) {
        if (session instanceof SqlFunctionRunner runner) {
            return runner.runQuery(sql, this);
        }
        return session.runQuery(sql);
    }

    /** The triggers a write to this table fires for this event, or null when it has none. */
    public TableTriggers triggers(org.lakepg.server.table.TableInfo table, TableTriggers.Event event) {
        return triggers(table, event, this);
    }

    private TableTriggers triggers(org.lakepg.server.table.TableInfo table, TableTriggers.Event event, ExecContext at) {
        if (session instanceof TableTriggers.Source source) {
            return source.triggers(table, event, at);
        }
        if (session instanceof ExecContext outer) {
            return outer.triggers(table, event, at);
        }
        return null;
    }

    /**
     * A context for evaluating a call while planning (an immutable function of constants): the session's tables when
     * it has them, so a PL/pgSQL body can run its expressions.
     */
    public static ExecContext planning(FunctionContext session) {
        return new ExecContext(session, new Object[0], session instanceof TableAccessSource s ? s.tableAccess() : null);
    }

    /** A session whose tables a call evaluated while planning may read. */
    public interface TableAccessSource {
        TableAccess tableAccess();
    }

    /** A session that runs SQL function bodies within the calling statement (its tables, its cancellation). */
    public interface SqlFunctionRunner {
        Object callSqlFunction(long function, Object[] arguments, ExecContext caller);

        /** A query run within the calling statement (its tables, its snapshot). */
        default QueryRows runQuery(String sql, ExecContext caller) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "running a query from this function is not supported here");
        }
    }

    @Override
    public Boolean hasPrivilege(Object role, String kind, Object object, String privileges) {
        return session.hasPrivilege(role, kind, object, privileges);
    }

    @Override
    public java.util.BitSet visibleColumns(long table, boolean withWritten) {
        return session.visibleColumns(table, withWritten);
    }

    @Override
    public java.util.List<String> searchPathSchemas(boolean implicit) {
        return session.searchPathSchemas(implicit);
    }

    @Override
    public int backendPid() {
        return session.backendPid();
    }

    @Override
    public java.net.InetSocketAddress clientAddress() {
        return session.clientAddress();
    }

    @Override
    public java.net.InetSocketAddress serverAddress() {
        return session.serverAddress();
    }

    @Override
    public Long replicaReplayLsn() {
        return session.replicaReplayLsn();
    }

    @Override
    public long transactionStartMicros() {
        return session.transactionStartMicros();
    }

    @Override
    public long statementStartMicros() {
        return session.statementStartMicros();
    }

    @Override
    public org.lakepg.server.function.SequenceAccess sequences() {
        return session.sequences();
    }

    @Override
    public org.lakepg.server.function.LargeObjectAccess largeObjects() {
        return session.largeObjects();
    }

    /** One view per statement, so a statement's catalog reads agree with each other. */
    private org.lakepg.server.systemcatalog.CatalogView catalogView;

    @Override
    public org.lakepg.server.systemcatalog.CatalogView catalogView() {
        if (catalogView == null) {
            catalogView = session.catalogView();
        }
        return catalogView;
    }
}
