package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * MERGE's WHEN clauses. The MERGE node's input joins each source row to its matching target rows: the source's
 * {@code sourceWidth} columns, then the target's columns and the target row's tid (all NULL when nothing matched).
 * Conditions and new rows are bound over that joined row; the first clause whose condition holds acts.
 * {@code alias} is the target's alias, or null; {@code on} the join condition over the joined row, which READ
 * COMMITTED re-checks on the newest version of a target row changed concurrently.
 */
public record MergeActions(int sourceWidth, String alias, BoundExpr on, List<Action> matched, List<Action> notMatched) {

    public enum Kind { UPDATE, DELETE, INSERT, NOTHING }

    /** One WHEN clause: {@code condition} null = always; {@code row} the new row of UPDATE and INSERT. */
    public record Action(Kind kind, BoundExpr condition, List<BoundExpr> row) {
        public Action {
            row = row == null ? List.of() : List.copyOf(row);
        }
    }

    public MergeActions {
        matched = List.copyOf(matched);
        notMatched = List.copyOf(notMatched);
    }
}
