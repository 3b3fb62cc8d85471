package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * FOR UPDATE/SHARE and WITH items (transformLockingClause): a clause without OF locks the query's tables and
 * subqueries but passes over references to WITH items, so a query reading only such items locks no rows, even when
 * an item is inlined as a subquery afterwards; naming an item after OF is an error.
 */
public final class CteRowMarks {
    private CteRowMarks() {}

    /**
     * Whether the query's locking clauses lock nothing because every FROM item is a WITH item of the query.
     *
     * @throws PgException when a clause names a WITH item after OF
     */
    public static boolean locksNothing(SelectStmt s) {
        if (s.withClause() == null || s.lockingClause() == null || s.op() != SelectStmt.SetOperation.NONE) {
            return false;
        }
        List<CommonTableExpr> items = s.withClause().ctes();
        boolean named = false;
        for (LockingClause c : s.lockingClause()) {
            for (RangeVar rv : c.lockedRels() == null ? List.<RangeVar>of() : c.lockedRels()) {
                named = true;
                if (rv.schemaname() == null && withItem(items, rv.relname()) && readsItem(s.fromClause(), rv.relname())) {
                    throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "%s cannot be applied to a WITH query",
                            "FOR " + c.strength().name().substring(4).replace('_', ' ')), rv.location());
                }
            }
        }
        return !named && s.fromClause() != null && !s.fromClause().isEmpty()
                && s.fromClause().stream().allMatch(f -> f instanceof RangeVar rv && rv.schemaname() == null
                        && withItem(items, rv.relname()));
    }

    private static boolean withItem(List<CommonTableExpr> items, String name) {
        return items.stream().anyMatch(c -> c.ctename().equals(name));
    }

    /** Whether a FROM item reads the WITH item under its own name (an alias names it otherwise). */
    private static boolean readsItem(List<FromItem> from, String name) {
        return from != null && from.stream().anyMatch(f -> f instanceof RangeVar rv && rv.schemaname() == null
                && rv.relname().equals(name) && rv.alias() == null);
    }
}
