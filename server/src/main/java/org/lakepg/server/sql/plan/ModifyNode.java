package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.TableInfo;

/**
 * INSERT, UPDATE or DELETE of a table. The input gives, per row: for INSERT the new row (all
 * columns), for UPDATE the new row then the old tuple id, for DELETE the old row then its tuple id.
 * Output rows are the RETURNING expressions over the written (for DELETE: the old) row.
 */
public record ModifyNode(Kind kind, TableInfo table, PlanNode input, List<BoundExpr> returning) implements PlanNode {

    public enum Kind { INSERT, UPDATE, DELETE }

    public ModifyNode {
        returning = List.copyOf(returning);
    }

    @Override
    public int width() {
        return returning.size();
    }
}
