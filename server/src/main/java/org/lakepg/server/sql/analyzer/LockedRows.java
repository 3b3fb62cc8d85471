package org.lakepg.server.sql.analyzer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.plan.LockRowsNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.txn.LockMode;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [OF t, ...] over several FROM items (PostgreSQL's
 * transformLockingClause and LockRows): the scans of the locked tables carry their rows' tids, and the joined rows
 * that pass WHERE lock each locked table's row, the strongest mode and wait policy named for it winning.
 */
public final class LockedRows {
    private LockedRows() {}

    private record Lock(FromScope.Entry entry, LockMode mode, WaitPolicy policy) {}

    static PlanNode lock(AnalyzerCatalog catalog, PlanNode plan, FromScope scope, List<LockingClause> clauses,
                         List<FromItem> from) {
        Map<String, Lock> locks = new LinkedHashMap<>();
        for (LockingClause c : clauses) {
            LockMode mode = mode(c);
            WaitPolicy policy = policy(c);
            String clause = "FOR " + c.strength().name().substring(4).replace('_', ' ');
            if (c.lockedRels() == null || c.lockedRels().isEmpty()) {
                for (FromScope.Entry e : scope.entries()) {
                    if (e.tidColumn() && e.alias() != null) {
                        add(locks, new Lock(e, mode, policy));
                    }
                }
                continue;
            }
            for (RangeVar rv : c.lockedRels()) {
                String name = rv.relname();
                var entry = scope.entry(name);
                if (entry.isPresent() && entry.get().tidColumn()) {
                    add(locks, new Lock(entry.get(), mode, policy));
                    continue;
                }
                if (entry.isPresent() && joinNamed(from, name)) {
                    throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s cannot be applied to a join",
                            clause), rv.location());
                }
                if (entry.isPresent()) {
                    throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s of this query is not supported yet",
                            clause), rv.location());
                }
                throw Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                        "relation \"%s\" in %s clause not found in FROM clause", name, clause), rv.location());
            }
        }
        for (Lock l : locks.values()) {
            var table = catalog.tableByOid(l.entry().tableOid()).orElseThrow();
            FromScope.Entry e = l.entry();
            // an inheritance tree's rows say which member they come from in their tableoid column
            plan = new LockRowsNode(plan, table, e.tidIndex(), l.mode(), l.policy(), true,
                    e.tableOidColumn() ? e.offset() + e.columns().size() : -1,
                    e.tableOidColumn() ? InheritedScans.members(catalog, table, true) : List.of());
        }
        return plan;
    }

    private static void add(Map<String, Lock> locks, Lock lock) {
        Lock before = locks.get(lock.entry().alias());
        if (before == null) {
            locks.put(lock.entry().alias(), lock);
            return;
        }
        // several clauses on one table: the strongest mode; NOWAIT over SKIP LOCKED over waiting
        locks.put(lock.entry().alias(), new Lock(before.entry(), LockMode.strongest(before.mode(), lock.mode()),
                stronger(before.policy(), lock.policy())));
    }

    /** The row lock a clause asks for. */
    public static LockMode mode(LockingClause c) {
        return switch (c.strength()) {
            case FOR_KEY_SHARE -> LockMode.KEY_SHARE;
            case FOR_SHARE -> LockMode.SHARE;
            case FOR_NO_KEY_UPDATE -> LockMode.NO_KEY_UPDATE;
            case FOR_UPDATE -> LockMode.UPDATE;
        };
    }

    /** What a clause does with a row another transaction locked. */
    public static WaitPolicy policy(LockingClause c) {
        return switch (c.waitPolicy()) {
            case BLOCK -> WaitPolicy.BLOCK;
            case SKIP -> WaitPolicy.SKIP_LOCKED;
            case ERROR -> WaitPolicy.NOWAIT;
        };
    }

    /** Of two clauses on one table: NOWAIT if either says so, else SKIP LOCKED if either does (PostgreSQL's rule). */
    public static WaitPolicy stronger(WaitPolicy a, WaitPolicy b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(WaitPolicy p) {
        return switch (p) {
            case BLOCK -> 0;
            case SKIP_LOCKED -> 1;
            case NOWAIT -> 2;
        };
    }

    /** Whether a JOIN of the FROM list (at any depth) carries the name, as its alias or its USING ... AS alias. */
    private static boolean joinNamed(List<FromItem> items, String name) {
        for (FromItem item : items) {
            if (item instanceof JoinExpr j && (j.alias() != null && j.alias().aliasname().equals(name)
                    || j.joinUsingAlias() != null && j.joinUsingAlias().aliasname().equals(name)
                    || joinNamed(List.of(j.larg(), j.rarg()), name))) {
                return true;
            }
        }
        return false;
    }
}
