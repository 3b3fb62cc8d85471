package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.TableInfo;

/**
 * INSERT, UPDATE or DELETE of a table. The input gives, per row: for INSERT the new row (all
 * columns), for UPDATE the new row then the old tuple id, for DELETE the old row then its tuple id.
 * Output rows are the RETURNING expressions over the written (for DELETE: the old) row. {@code checks} are the
 * table's CHECK constraints over the new row, in the order PostgreSQL evaluates them (by name). {@code onConflict}
 * is an INSERT's ON CONFLICT clause, or null; {@code merge} MERGE's WHEN clauses (kind MERGE), else null.
 */
public record ModifyNode(Kind kind, TableInfo table, PlanNode input, List<BoundExpr> returning, List<Check> checks,
                         OnConflict onConflict, MergeActions merge) implements PlanNode {

    public enum Kind { INSERT, UPDATE, DELETE, MERGE }

    /**
     * A CHECK constraint: violated when the condition is false (NULL passes); or, with {@code viewOption}, the
     * condition of view {@code name} WITH CHECK OPTION, violated unless true.
     */
    public record Check(String name, BoundExpr condition, boolean viewOption, String policyTable) {
        public Check(String name, BoundExpr condition) {
            this(name, condition, false);
        }

        public Check(String name, BoundExpr condition, boolean viewOption) {
            this(name, condition, viewOption, null);
        }

        /**
         * A row-level security WITH CHECK of table {@code table}, violated unless true: of the policy {@code name}
         * (a restrictive one), or of the table's permissive policies together when {@code name} is null.
         */
        public static Check policy(String name, BoundExpr condition, String table) {
            return new Check(name, condition, false, table);
        }
    }

    public ModifyNode {
        returning = List.copyOf(returning);
        checks = List.copyOf(checks);
    }

    public ModifyNode(Kind kind, TableInfo table, PlanNode input, List<BoundExpr> returning) {
        this(kind, table, input, returning, List.of(), null, null);
    }

    public ModifyNode(Kind kind, TableInfo table, PlanNode input, List<BoundExpr> returning, List<Check> checks) {
        this(kind, table, input, returning, checks, null, null);
    }

    public ModifyNode(Kind kind, TableInfo table, PlanNode input, List<BoundExpr> returning, List<Check> checks,
                      OnConflict onConflict) {
        this(kind, table, input, returning, checks, onConflict, null);
    }

    @Override
    public int width() {
        return returning.size();
    }
}
