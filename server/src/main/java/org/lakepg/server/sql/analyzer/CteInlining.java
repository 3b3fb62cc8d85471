package org.lakepg.server.sql.analyzer;

import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;
import org.lakepg.server.sql.optimizer.VolatileCalls;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.rewrite.SyntaxTrees;

/**
 * Which WITH items are planned as subqueries where they are read instead of once for all readers (PostgreSQL 12+'s
 * SS_process_ctes): a non-recursive SELECT read once (or any number of times when NOT MATERIALIZED) that has no
 * volatile call and locks no rows. Such an item is analyzed again at its reference, as a FROM subquery would be, so
 * its conditions and joins are planned with the query that reads it.
 */
final class CteInlining {
    private CteInlining() {}

    /**
     * @param statement the query whose WITH clause defines the item (its references are counted there)
     * @param body the item's analyzed plan
     * @param readsOuterWorkTable the item reads the working table of a recursion it is in
     */
    static boolean inlined(CommonTableExpr item, SelectStmt query, Object statement, PlanNode body,
                           boolean readsOuterWorkTable) {
        if (item.ctematerialized() == CommonTableExpr.Materialized.ALWAYS) {
            return false;
        }
        if (statement instanceof SelectStmt s && s.lockingClause() != null && !s.lockingClause().isEmpty()) {
            return false; // FOR UPDATE of the query does not lock an item's rows (PostgreSQL pushes no row marks in)
        }
        if (item.ctematerialized() == CommonTableExpr.Materialized.DEFAULT
                && references(statement, item.ctename()) > 1) {
            return false;
        }
        if (readsOuterWorkTable && references(statement, item.ctename()) > 1) {
            return false; // contain_outer_selfref: the working table may be read only once
        }
        return !SyntaxTrees.any(query, n -> n instanceof SelectStmt s && s.lockingClause() != null
                && !s.lockingClause().isEmpty()) && !VolatileCalls.calledIn(body);
    }

    /** PostgreSQL's cterefcount, from the syntax: unqualified FROM names of the item not hidden by an inner WITH. */
    static int references(Object statement, String name) {
        int[] count = {0};
        SyntaxTrees.map(statement, n -> {
            if (n instanceof CommonTableExpr c && c.ctename().equals(name)) {
                return n; // the item itself (a name in its body is a table's) or an inner item hiding it
            }
            if (n != statement && defines(n, name)) {
                return n;
            }
            if (n instanceof RangeVar r && r.schemaname() == null && r.relname().equals(name)) {
                count[0]++;
                return n;
            }
            return null;
        });
        return count[0];
    }

    private static boolean defines(Object n, String name) {
        WithClause with = switch (n) {
            case SelectStmt s -> s.withClause();
            case InsertStmt i -> i.withClause();
            case UpdateStmt u -> u.withClause();
            case DeleteStmt d -> d.withClause();
            default -> null;
        };
        return with != null && with.ctes().stream().anyMatch(c -> c.ctename().equals(name));
    }
}
