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
    private java.util.function.Function<org.lakepg.server.sql.plan.PlanNode, java.util.Iterator<Object[]>> subplans;
    private final java.util.Map<org.lakepg.server.sql.plan.PlanNode, java.util.List<Object[]>> subplanRows =
            new java.util.IdentityHashMap<>();

    public ExecContext(FunctionContext session, Object[] parameters) {
        this(session, parameters, null);
    }

    public ExecContext(FunctionContext session, Object[] parameters, TableAccess tables) {
        this.session = session;
        this.parameters = parameters;
        this.tables = tables;
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

    /** Value of {@code $number} (1-based). */
    public Object parameter(int number) {
        return parameters[number - 1];
    }

    public void cancel(String reason) {
        cancelReason = reason;
    }

    public void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) {
            throw PgException.of(SqlState.QUERY_CANCELED, "%s", reason);
        }
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
    public Object callSqlFunction(long function, Object[] arguments) {
        if (session instanceof SqlFunctionRunner runner) {
            return runner.callSqlFunction(function, arguments, this);
        }
        return session.callSqlFunction(function, arguments);
    }

    /** A session that runs SQL function bodies within the calling statement (its tables, its cancellation). */
    public interface SqlFunctionRunner {
        Object callSqlFunction(long function, Object[] arguments, ExecContext caller);
    }

    @Override
    public Boolean hasPrivilege(Object role, String kind, Object object, String privileges) {
        return session.hasPrivilege(role, kind, object, privileges);
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
    public long transactionStartMicros() {
        return session.transactionStartMicros();
    }

    @Override
    public long statementStartMicros() {
        return session.statementStartMicros();
    }
}
