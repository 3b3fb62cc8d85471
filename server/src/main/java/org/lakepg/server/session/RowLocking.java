package org.lakepg.server.session;

import java.util.List;
import java.util.function.Function;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.plan.LockRowsNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.txn.LockMode;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [NOWAIT | SKIP LOCKED] over one table: the query is
 * planned without its locking clause, its scan made to carry each row's tid (as an updatable cursor's), and a
 * LockRows node locks the rows as they are returned.
 */
final class RowLocking {
    private RowLocking() {
    }

    static boolean locks(SelectStmt s) {
        return s.lockingClause() != null && !s.lockingClause().isEmpty();
    }

    static QueryPlan plan(SelectStmt s, Function<SelectStmt, QueryPlan> planner) {
        if (org.lakepg.server.sql.analyzer.CteRowMarks.locksNothing(s)) {
            // only WITH items are read: no row is locked, and an inlined item plans as the plain query
            QueryPlan plain = planner.apply(withLocking(s, List.of()));
            checkLockable(s, plain);
            return plain;
        }
        QueryPlan plan = planner.apply(withoutLocking(s));
        UpdatableCursor scan = UpdatableCursor.of(plan.root(), true);
        if (scan == null) {
            checkLockable(s, plan);
            // several FROM items (or one the cursor machinery cannot see through): the analyzer locks the rows
            return planner.apply(s);
        }
        LockMode mode = LockMode.KEY_SHARE;
        WaitPolicy policy = WaitPolicy.BLOCK;
        for (LockingClause c : s.lockingClause()) {
            mode = LockMode.strongest(mode, org.lakepg.server.sql.analyzer.LockedRows.mode(c));
            policy = org.lakepg.server.sql.analyzer.LockedRows.stronger(policy,
                    org.lakepg.server.sql.analyzer.LockedRows.policy(c));
        }
        var root = new LockRowsNode(scan.plan(), scan.table(), scan.plan().width() - 1, mode, policy);
        return new QueryPlan(root, plan.columns(), plan.parameterTypes(), plan.tag(), plan.rangeTableSize());
    }

    /** CheckSelectLocking: the query shapes whose rows cannot be locked. */
    private static void checkLockable(SelectStmt s, QueryPlan plan) {
        LockingClause first = s.lockingClause().get(0);
        String clause = "FOR " + first.strength().name().substring(4).replace('_', ' ');
        if (s.op() != SelectStmt.SetOperation.NONE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not allowed with UNION/INTERSECT/EXCEPT",
                    clause);
        }
        if (aggregates(plan.root())) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not allowed with aggregate functions", clause);
        }
        if (s.distinctClause() != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not allowed with DISTINCT clause", clause);
        }
        if (s.groupClause() != null && !s.groupClause().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not allowed with GROUP BY clause", clause);
        }
    }

    static boolean aggregates(org.lakepg.server.sql.plan.PlanNode plan) {
        return plan instanceof org.lakepg.server.sql.plan.AggregateNode
                || org.lakepg.server.sql.optimizer.MinMaxAggregates.computes(plan)
                || org.lakepg.server.sql.plan.PlanNodes.children(plan).stream().anyMatch(RowLocking::aggregates);
    }

    /** The query without its locking clause; null there (not an empty list) tells the planner the rows get locked. */
    static SelectStmt withoutLocking(SelectStmt s) {
        return withLocking(s, null);
    }

    private static SelectStmt withLocking(SelectStmt s, List<LockingClause> clauses) {
        return new SelectStmt(s.distinctClause(), s.intoClause(), s.targetList(), s.fromClause(), s.whereClause(),
                s.groupClause(), s.groupDistinct(), s.havingClause(), s.windowClause(), s.valuesLists(), s.sortClause(),
                s.limitOffset(), s.limitCount(), s.limitOption(), clauses, s.withClause(), s.op(), s.all(), s.larg(),
                s.rarg());
    }
}
