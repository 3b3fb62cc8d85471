package org.lakepg.server.plpgsql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.Scope;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The embedded SQL of one call: expressions evaluated as {@code SELECT expr}, statements run, with the analysis
 * of each cached on its {@link PlSql} while the plan epoch and the variables' types stay the same.
 */
final class PlStatements {

    record Value(Object value, long type, int typmod) {}

    /** What a statement did: the rows kept, its columns, and how many rows it returned or wrote. */
    record Result(List<Object[]> rows, List<OutputColumn> columns, boolean modifies, boolean setsFound, long rowCount) {}

    private record Analysis(PlHost.Prepared prepared, List<PlBinder.Binding> bindings, Object epoch) {}

    private final PlHost host;
    private final PlFrame frame;
    private final PlFunction function;
    private long rowCount;

    PlStatements(PlHost host, PlFrame frame, PlFunction function) {
        this.host = host;
        this.frame = frame;
        this.function = function;
    }

    long rowCount() {
        return rowCount;
    }

    void setRowCount(long count) {
        rowCount = count;
    }

    private Analysis analysis(PlSql sql, boolean expression) {
        Object epoch = host.planEpoch();
        if (sql.cached() instanceof Analysis a && a.epoch() == epoch && PlBinder.stillValid(a.bindings(), frame)) {
            return a;
        }
        PlBinder binder = new PlBinder(sql.names(), frame, function.inputs(), host::compositeFields);
        String text = expression ? "SELECT " + sql.text() : sql.text();
        PlHost.Prepared prepared = host.prepare(text, binder.argumentRefs(), binder);
        Analysis a = new Analysis(prepared, List.copyOf(binder.bindings()), epoch);
        sql.cache(a);
        return a;
    }

    /** The value of an expression: one column, at most one row (none: NULL). */
    Value expression(PlSql sql) {
        Analysis a = analysis(sql, true);
        List<OutputColumn> columns = a.prepared().columns();
        if (columns == null || columns.size() != 1) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "query \"SELECT %s\" returned %d columns", sql.text(),
                    columns == null ? 0 : columns.size());
        }
        Iterator<Object[]> rows = host.run(a.prepared(), PlBinder.values(a.bindings(), frame));
        Object value = null;
        if (rows.hasNext()) {
            value = rows.next()[0];
            if (rows.hasNext()) {
                throw PgException.of(SqlState.CARDINALITY_VIOLATION, "query \"SELECT %s\" returned more than one row",
                        sql.text());
            }
        }
        return new Value(value, columns.get(0).type(), columns.get(0).typmod());
    }

    /** An IF/WHILE/EXIT WHEN condition: NULL counts as false. */
    boolean condition(PlSql sql) {
        Value v = expression(sql);
        if (v.value() == null) {
            return false;
        }
        Object b = v.type() == TypeOids.BOOL ? v.value() : host.coerce(v.value(), v.type(), TypeOids.BOOL, -1);
        return Boolean.TRUE.equals(b);
    }

    /** A FOR loop bound: an integer, never NULL. */
    Integer integer(PlSql sql, String nullMessage) {
        Value v = expression(sql);
        if (v.value() == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "%s", nullMessage);
        }
        return (Integer) (v.type() == TypeOids.INT4 ? v.value() : host.coerce(v.value(), v.type(), TypeOids.INT4, -1));
    }

    /** PERFORM query: run as a SELECT, its rows counted and discarded. */
    Result perform(PlSql sql) {
        Analysis a = analysis(sql, true);
        return execute(a.prepared(), PlBinder.values(a.bindings(), frame), 0);
    }

    /**
     * A statement of the body. {@code withoutInto}: a SELECT must then have an INTO (PostgreSQL's "no destination");
     * {@code keep}: how many rows to keep (-1 all).
     */
    Result run(PlSql sql, boolean withoutInto, int keep) {
        Analysis a = analysis(sql, false);
        if (withoutInto && !a.prepared().modifies() && !a.prepared().utility() && a.prepared().columns() != null
                && !a.prepared().columns().isEmpty()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "query has no destination for result data").withHint(
                    "If you want to discard the results of a SELECT, use PERFORM instead.");
        }
        return execute(a.prepared(), PlBinder.values(a.bindings(), frame), keep);
    }

    /** EXECUTE: the command string analyzed now, the USING values as $1..$n. */
    Result runDynamic(PlSql command, List<PlSql> using, int keep) {
        Value text = expression(command);
        if (text.value() == null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "query string argument of EXECUTE is null");
        }
        String query = text.type() == TypeOids.TEXT || text.type() == TypeOids.VARCHAR || text.type() == TypeOids.UNKNOWN
                ? text.value().toString() : host.text(text.value(), text.type());
        List<BoundExpr> arguments = new ArrayList<>();
        Object[] values = new Object[using.size()];
        for (int i = 0; i < using.size(); i++) {
            Value v = expression(using.get(i));
            long type = v.type();
            Object value = v.value();
            if (type == TypeOids.UNKNOWN) {
                type = TypeOids.TEXT;
                value = value == null ? null : value.toString();
            }
            arguments.add(new ParamRef(i + 1, type, v.typmod()));
            values[i] = value;
        }
        PlHost.Prepared prepared = host.prepare(query, arguments, Scope.EMPTY);
        return execute(prepared, values, keep);
    }

    private Result execute(PlHost.Prepared prepared, Object[] parameters, int keep) {
        Iterator<Object[]> rows = host.run(prepared, parameters);
        List<Object[]> kept = new ArrayList<>();
        long count = 0;
        while (rows.hasNext()) {
            Object[] row = rows.next();
            if (keep < 0 || count < keep) {
                kept.add(row);
            }
            count++;
            if (keep >= 0 && count > keep && !prepared.modifies() && keep > 0) {
                break; // enough to tell one row from several
            }
        }
        boolean utility = prepared.utility();
        rowCount = utility ? 0 : count;
        host.commandCounterIncrement();
        return new Result(kept, prepared.columns(), prepared.modifies(), !utility, count);
    }
}
