package org.lakepg.server.exec.constraint;

import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.RowText;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** NOT NULL and CHECK constraints on a new row version, with PostgreSQL's messages (ExecConstraints). */
public final class RowChecks {
    private RowChecks() {}

    public static void notNull(TableInfo table, Object[] row) {
        notNull(table, row, null);
    }

    /** With the statement's context: the detail shows only the columns the user may see. */
    public static void notNull(TableInfo table, Object[] row, ExecContext context) {
        for (ColumnInfo c : table.columns()) {
            if (c.notNull() && row[c.number() - 1] == null) {
                throw PgException.of(SqlState.NOT_NULL_VIOLATION,
                        "null value in column \"%s\" of relation \"%s\" violates not-null constraint", c.name(),
                        table.name()).withDetail(failingRow(table, row, context));
            }
        }
    }

    /** The CHECK constraints (compiled in the same order as {@code checks}); NULL counts as passing. */
    public static void check(TableInfo table, List<ModifyNode.Check> checks, List<CompiledExpr> compiled, Object[] row,
                             ExecContext context) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).policyTable() != null) {
                if (!Boolean.TRUE.equals(compiled.get(i).eval(row, context))) {
                    throw checks.get(i).name() == null
                            ? PgException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                                    "new row violates row-level security policy for table \"%s\"",
                                    checks.get(i).policyTable())
                            : PgException.of(SqlState.INSUFFICIENT_PRIVILEGE,
                                    "new row violates row-level security policy \"%s\" for table \"%s\"",
                                    checks.get(i).name(), checks.get(i).policyTable());
                }
                continue;
            }
            if (checks.get(i).viewOption()) {
                if (!Boolean.TRUE.equals(compiled.get(i).eval(row, context))) {
                    throw PgException.of(SqlState.WITH_CHECK_OPTION_VIOLATION, "new row violates check option for view \"%s\"",
                            checks.get(i).name()).withDetail(failingRow(table, row, context));
                }
                continue;
            }
            if (Boolean.FALSE.equals(compiled.get(i).eval(row, context))) {
                throw PgException.of(SqlState.CHECK_VIOLATION, "new row for relation \"%s\" violates check constraint \"%s\"",
                        table.name(), checks.get(i).name()).withDetail(failingRow(table, row, context));
            }
        }
    }

    /** "Failing row contains (...)." of what the user may see (null: nothing, no detail). */
    public static String failingRow(TableInfo table, Object[] row, ExecContext context) {
        String shown = RowText.row(table, row, context == null ? null : context.visibleColumns(table.oid(), true));
        return shown == null ? null : "Failing row contains " + shown + ".";
    }
}
