package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.CommonTableExpr;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.MergeStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.WithClause;

/**
 * The relations a statement writes, each with the privilege it needs: the statement's own target and the targets of
 * its data-modifying WITH items (which PostgreSQL allows only at the top level). PostgreSQL checks each range-table
 * entry for what is done to it; the access log records lookups in analysis order, so the targets are named here.
 */
final class ModifyingCteTargets {

    /**
     * {@code writes} maps each aclitem letter the change needs to the columns it writes (PostgreSQL's insertedCols /
     * updatedCols; null: every column, as an INSERT without a column list; empty for DELETE, which is checked on the
     * table alone); {@code read} whether the target's rows are read too.
     */
    record Target(RangeVar relation, java.util.Map<Character, List<String>> writes, boolean read) {
        List<String> names() {
            return relation.schemaname() == null ? List.of(relation.relname())
                    : List.of(relation.schemaname(), relation.relname());
        }

        /** The privilege of the change (the first one MERGE needs), 'r' when nothing is written. */
        char privilege() {
            return writes.isEmpty() ? 'r' : writes.keySet().iterator().next();
        }
    }

    private ModifyingCteTargets() {
    }

    /** The statement's own target, or null for a query. */
    static Target ofStatement(Statement statement) {
        return switch (statement) {
            case InsertStmt i -> {
                var writes = new java.util.LinkedHashMap<Character, List<String>>();
                writes.put('a', columns(i.cols(), null));
                if (i.onConflictClause() != null && i.onConflictClause().targetList() != null
                        && !i.onConflictClause().targetList().isEmpty()) {
                    writes.put('w', columns(i.onConflictClause().targetList(), List.of()));
                }
                yield new Target(i.relation(), writes, returns(i.returningList()));
            }
            case UpdateStmt u -> new Target(u.relation(), java.util.Map.of('w', columns(u.targetList(), List.of())),
                    u.whereClause() != null || returns(u.returningList()));
            case DeleteStmt d -> new Target(d.relation(), java.util.Map.of('d', List.of()),
                    d.whereClause() != null || returns(d.returningList()));
            case MergeStmt m -> new Target(m.relation(), mergeWrites(m), true);
            default -> null;
        };
    }

    /** The columns a target list names (null or empty: {@code none}). */
    private static List<String> columns(List<ResTarget> targets, List<String> none) {
        if (targets == null || targets.isEmpty()) {
            return none;
        }
        return targets.stream().map(ResTarget::name).distinct().toList();
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

    /** What MERGE writes of its target: each action's privilege (in the order written) with its columns. */
    private static java.util.Map<Character, List<String>> mergeWrites(MergeStmt merge) {
        var writes = new java.util.LinkedHashMap<Character, List<String>>();
        for (var w : merge.mergeWhenClauses()) {
            switch (w.commandType()) {
                case UPDATE -> add(writes, 'w', columns(w.targetList(), List.of()));
                case DELETE -> add(writes, 'd', List.of());
                case INSERT -> add(writes, 'a', columns(w.targetList(), null));
                default -> { }
            }
        }
        return writes;
    }

    /** Adds the columns a privilege is needed on; null (every column) absorbs any list. */
    static void add(java.util.Map<Character, List<String>> writes, char privilege, List<String> columns) {
        if (!writes.containsKey(privilege)) {
            writes.put(privilege, columns);
        } else if (writes.get(privilege) != null) {
            if (columns == null) {
                writes.put(privilege, null);
            } else {
                var all = new java.util.LinkedHashSet<>(writes.get(privilege));
                all.addAll(columns);
                writes.put(privilege, List.copyOf(all));
            }
        }
    }

    private static boolean returns(List<ResTarget> returning) {
        // only what RETURNING reads of the row needs SELECT: constants alone read nothing (PostgreSQL marks per column)
        return returning != null && returning.stream().anyMatch(t -> !isConstant(t.val()));
    }

    private static boolean isConstant(Expr e) {
        return e instanceof AConst || e instanceof TypeCast c && isConstant(c.arg());
    }
}
