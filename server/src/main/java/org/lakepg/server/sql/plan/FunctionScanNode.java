package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * Functions in FROM: each function's rows side by side (ROWS FROM runs them in lockstep, padding the
 * shorter ones with NULLs), then the row number when {@code ordinality}. A function that does not
 * return a set gives one row. {@code alias} names the item for EXPLAIN, {@code columnNames} its columns as the
 * query names them (the alias's column list, else OUT parameters or the function; empty when unknown).
 */
public record FunctionScanNode(List<Function> functions, boolean ordinality, String alias, List<String> columnNames)
        implements PlanNode {

    /**
     * One function: its call and how many columns each of its rows has; {@code spreadsRow} when the call gives
     * a row value (a composite type, or record with a column definition list) whose fields are the columns.
     */
    public record Function(BoundExpr call, boolean returnsSet, int columns, boolean spreadsRow) {
        public Function(BoundExpr call, boolean returnsSet, int columns) {
            this(call, returnsSet, columns, false);
        }
    }

    public FunctionScanNode {
        functions = List.copyOf(functions);
        columnNames = List.copyOf(columnNames);
    }

    public FunctionScanNode(List<Function> functions, boolean ordinality, String alias) {
        this(functions, ordinality, alias, List.of());
    }

    /** The name of column {@code i} as the query reads it; null when unknown. */
    public String columnName(int i) {
        return i < columnNames.size() ? columnNames.get(i) : null;
    }

    @Override
    public int width() {
        return functions.stream().mapToInt(Function::columns).sum() + (ordinality ? 1 : 0);
    }
}
