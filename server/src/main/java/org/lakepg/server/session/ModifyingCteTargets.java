package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.MergeStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;

/**
 * The relations a statement writes, each with the privilege it needs: the statement's own target and the targets of
 * its data-modifying WITH items (which PostgreSQL allows only at the top level). PostgreSQL checks each range-table
 * entry for what is done to it; the access log records lookups in analysis order, so the targets are named here.
 */
final class ModifyingCteTargets {

    /** {@code privilege} is the aclitem letter of the change; {@code read} whether the target's rows are read too. */
    record Target(RangeVar relation, char privilege, boolean read) {
        List<String> names() {
            return relation.schemaname() == null ? List.of(relation.relname())
                    : List.of(relation.schemaname(), relation.relname());
        }
    }

    private ModifyingCteTargets() {
    }

    /** The statement's own target, or null for a query. */
    static Target ofStatement(Statement statement) {
        return switch (statement) {
            case InsertStmt i -> new Target(i.relation(), 'a', returns(i.returningList()));
            case UpdateStmt u -> new Target(u.relation(), 'w', u.whereClause() != null || returns(u.returningList()));
            case DeleteStmt d -> new Target(d.relation(), 'd', d.whereClause() != null || returns(d.returningList()));
            case MergeStmt m -> new Target(m.relation(), mergePrivilege(m), true);
            default -> null;
        };
    }

    /** The targets of the statement's data-modifying WITH items, in the order they are written. */
    static List<Target> ofWithItems(Statement statement) {
        WithClause with = switch (statement) {
            case SelectStmt s -> s.withClause();
            case InsertStmt i -> i.withClause();
            case UpdateStmt u -> u.withClause();
            case DeleteStmt d -> d.withClause();
            case MergeStmt m -> m.withClause();
            default -> null;
        };
        List<Target> targets = new ArrayList<>();
        if (with != null) {
            for (CommonTableExpr cte : with.ctes()) {
                Target t = ofStatement(cte.ctequery());
                if (t != null) {
                    targets.add(t);
                }
            }
        }
        return targets;
    }

    /** The privilege MERGE needs on its target: the one of its first writing action. */
    private static char mergePrivilege(MergeStmt merge) {
        for (var w : merge.mergeWhenClauses()) {
            switch (w.commandType()) {
                case UPDATE -> { return 'w'; }
                case DELETE -> { return 'd'; }
                case INSERT -> { return 'a'; }
                default -> { }
            }
        }
        return 'r';
    }

    private static boolean returns(List<ResTarget> returning) {
        return returning != null && !returning.isEmpty();
    }
}
