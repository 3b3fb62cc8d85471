package org.lakepg.server.session;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;

/**
 * The relations SELECT ... FOR UPDATE/SHARE locks, which need UPDATE on the relation or one of its columns
 * (PostgreSQL's applyLockingClause marks them ACL_SELECT_FOR_UPDATE): the FROM items named by OF, or every one
 * without it, through subqueries in FROM and, for a view, every relation of its query (checked as its owner).
 * Relations only a WHERE subquery reads are not locked.
 */
final class LockedRelations {
    private LockedRelations() {
    }

    /** The accesses (by identity) the statement locks, the analysis's lookups at their view-nesting depths. */
    static Set<RelationAccessLog.Access> of(SelectStmt select, List<RelationAccessLog.Access> accesses,
                                            List<Integer> depths) {
        Set<String> names = new java.util.HashSet<>();
        for (LockingClause c : select.lockingClause()) {
            if (c.lockedRels() == null || c.lockedRels().isEmpty()) {
                from(select, null, names);
            } else {
                Set<String> of = new java.util.HashSet<>();
                c.lockedRels().forEach(r -> of.add(r.relname()));
                from(select, of, names);
            }
        }
        Set<RelationAccessLog.Access> locked = Collections.newSetFromMap(new IdentityHashMap<>());
        int viewDepth = -1; // inside a locked view's query: everything deeper is locked too
        for (int i = 0; i < accesses.size() && i < depths.size(); i++) {
            RelationAccessLog.Access a = accesses.get(i);
            int depth = depths.get(i);
            if (viewDepth >= 0 && depth <= viewDepth) {
                viewDepth = -1;
            }
            if (viewDepth >= 0 || depth == 0 && names.contains(a.name())) {
                locked.add(a);
                if (a.view() && viewDepth < 0) {
                    viewDepth = depth;
                }
            }
        }
        return locked;
    }

    /** The relation names of the query's FROM items named in {@code of} (by alias or name; null: all). */
    private static void from(SelectStmt select, Set<String> of, Set<String> names) {
        if (select.fromClause() == null) {
            return;
        }
        for (FromItem item : select.fromClause()) {
            item(item, of, names);
        }
    }

    private static void item(Object item, Set<String> of, Set<String> names) {
        switch (item) {
            case RangeVar r -> {
                String name = r.alias() != null ? r.alias().aliasname() : r.relname();
                if (of == null || of.contains(name)) {
                    names.add(r.relname());
                }
            }
            case JoinExpr j -> {
                item(j.larg(), of, names);
                item(j.rarg(), of, names);
            }
            case RangeSubselect s when s.subquery() != null -> {
                if (of == null || s.alias() != null && of.contains(s.alias().aliasname())) {
                    from(s.subquery(), null, names);
                }
            }
            default -> { }
        }
    }
}
