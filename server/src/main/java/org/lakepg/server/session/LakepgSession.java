package org.lakepg.server.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.RawStatement;
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
        org.lakepg.server.exec.ExecContext.SqlFunctionRunner {
    private static final long MICROS_2000 = 946_684_800_000_000L;
    private static final String CANCELED = "canceling statement due to user request";

    private final String user;
    private final String database;
    private final int processId;
    private final SessionSettings settings;
    private final TransactionBlock block;
    private final StatementExecutor executor;
    private ResultSink sink;
    private volatile ExecContext running;
    private TransactionModes modes = TransactionModes.DEFAULT;
    private long transactionStart;
    private long statementStart;

    private final org.lakepg.server.Compute compute;
    private org.lakepg.server.txn.Transaction txn;
    private final org.lakepg.server.exec.TableAccess tableAccess;

    private final org.lakepg.server.Cluster cluster;

    private final RoleAccess roleAccess;
    private final SearchPath searchPath;

    LakepgSession(String user, String database, int processId, SessionSettings settings,
                  org.lakepg.server.Cluster cluster, org.lakepg.server.Compute compute,
                  org.lakepg.server.auth.Roles roles) {
        this.cluster = cluster;
        this.user = user;
        this.database = database;
        this.processId = processId;
        this.settings = settings;
        this.compute = compute;
        this.block = new TransactionBlock(this, this::notice);
        this.roleAccess = new RoleAccess(roles, settings, user);
        this.searchPath = new SearchPath(compute.objects(), compute.tables(), () -> settings.get("search_path"),
                roleAccess::currentUser, "pg_temp_" + processId);
        AnalyzerCatalog catalog = new SessionCatalog(compute.tables(), compute.objects(), searchPath,
                this::catalogSnapshot);
        this.executor = new StatementExecutor(catalog, WireTypeIO.INSTANCE, this, settings, block, this::notice,
                compute.tables(), this::currentTransaction, new DatabaseCommands(cluster, database, block, this::notice),
                () -> sink, compute.objects(), searchPath, roleAccess);
        this.tableAccess = new org.lakepg.server.exec.TableAccess() {
            @Override
            public org.lakepg.server.txn.Transaction transaction() {
                return currentTransaction();
            }

            @Override
            public org.lakepg.server.access.heap.HeapRelation heap(org.lakepg.server.table.TableInfo table) {
                return compute.tables().heap(table);
            }

            @Override
            public org.lakepg.server.table.TableCatalog catalog() {
                return compute.tables();
            }
        };
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
        if (sink != null) {
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
        this.sink = sink;
        List<RawStatement> statements;
        try {
            statements = SqlParser.parse(sql, settings.getBool("standard_conforming_strings"));
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
            runSimple(raw, sql, multi);
        }
        finish(block::endOfQuery);
    }

    private void runSimple(RawStatement raw, String sql, boolean multi) {
        try {
            block.beforeStatement(multi, StatementExecutor.allowedInFailedBlock(raw.statement()));
            statementStart = nowMicros();
            // the statement's snapshot first: its analysis must see what the statements before it did
            ExecContext context = newContext(new Object[0]);
            Command command = executor.analyze(raw, sql, new int[0]);
            Execution execution = executor.start(command, context);
            if (execution.columns() != null) {
                sink.rowDescription(RowEncoder.describe(execution.columns(), null));
            }
            long count = sendRows(execution, new RowEncoder(orEmpty(execution.columns()), null, this), context, 0);
            sink.commandComplete(execution.tag().apply(count));
            block.afterStatement();
        } catch (RuntimeException e) {
            block.statementFailed();
            reportSettingChanges();
            throw asPgException(e);
        } finally {
            running = null;
        }
        reportSettingChanges();
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

    private ExecContext newContext(Object[] parameters) {
        if (txn != null && txn.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
            txn.startStatement();
        }
        ExecContext context = new ExecContext(this, parameters, tableAccess);
        running = context;
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
        }
        reportSettingChanges();
    }

    private static PgException asPgException(Throwable e) {
        if (e instanceof PgException p) {
            return p;
        }
        return PgException.of(SqlState.INTERNAL_ERROR, "internal error: %s", String.valueOf(e)).withCause(e);
    }

    // ---- extended query ----

    private final class Prepared implements PreparedStatement {
        final RawStatement raw;
        final Command command;

        Prepared(RawStatement raw, Command command) {
            this.raw = raw;
            this.command = command;
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
            return command.columns() == null ? null : RowEncoder.describe(command.columns(), null);
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
            List<OutputColumn> columns = prepared.command.columns();
            return columns == null ? null : RowEncoder.describe(columns, resultFormats);
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
                    block.beforeStatement(true, StatementExecutor.allowedInFailedBlock(prepared.raw.statement()));
                    statementStart = nowMicros();
                    context = newContext(parameters);
                    execution = executor.start(prepared.command, context);
                    encoder = new RowEncoder(orEmpty(execution.columns()), resultFormats, LakepgSession.this);
                } else {
                    running = context;
                }
                sent += sendRows(execution, encoder, context, maxRows);
                if (execution.rows().hasNext()) {
                    return true;
                }
                sink.commandComplete(execution.tag().apply(sent));
                block.afterStatement();
                reportSettingChanges();
                return false;
            } catch (RuntimeException e) {
                block.statementFailed();
                reportSettingChanges();
                throw asPgException(e);
            } finally {
                running = null;
            }
        }

        @Override
        public void close() {
        }
    }

    @Override
    public PreparedStatement prepare(String sql, int[] parameterTypeOids) {
        try {
            List<RawStatement> statements = SqlParser.parse(sql, settings.getBool("standard_conforming_strings"));
            if (statements.size() > 1) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
            }
            RawStatement raw = statements.isEmpty() ? null : statements.get(0);
            if (block.state() == TransactionBlock.State.FAILED
                    && (raw == null || !StatementExecutor.allowedInFailedBlock(raw.statement()))) {
                throw PgException.of(SqlState.IN_FAILED_SQL_TRANSACTION,
                        "current transaction is aborted, commands ignored until end of transaction block");
            }
            return new Prepared(raw, executor.analyze(raw, sql, parameterTypeOids));
        } catch (RuntimeException e) {
            block.statementFailed();
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
            FormatSettings format = WireTypeIO.formatSettings(this);
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
        } catch (RuntimeException e) {
            block.statementFailed();
            throw asPgException(e);
        }
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
            block.endOfQuery();
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
            executor.dropTemporaryObjects(compute.transactions());
        } finally {
            cluster.disconnect(database);
        }
    }

    // ---- TransactionControl: a storage transaction, plus the transaction-scoped settings ----

    @Override
    public void begin(TransactionModes m) {
        modes = m;
        transactionStart = nowMicros();
        settings.beginTransaction();
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
        org.lakepg.server.txn.Transaction ending = txn;
        txn = null;
        try {
            if (ending != null && ending.state() == org.lakepg.server.txn.Transaction.State.ACTIVE) {
                if (commit) {
                    ending.commit();
                } else {
                    ending.rollback();
                }
            }
        } finally {
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
    public Object callSqlFunction(long function, Object[] arguments, ExecContext caller) {
        return executor.runSqlFunction(function, arguments, caller);
    }

    @Override
    public Boolean hasPrivilege(Object role, String kind, Object object, String privileges) {
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
}
