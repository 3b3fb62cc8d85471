package org.lakepg.server.sql.rewrite;

import java.util.List;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;

/**
 * An UPDATE or DELETE rule action's unqualified names of its own target's columns, qualified by the target's name.
 * PostgreSQL binds them when the rule is created, so the relations the triggering statement adds to the action (OLD,
 * its FROM items) never make them ambiguous; lakepg rewrites syntax trees, so it pins them before adding those.
 */
final class ActionColumns {
    private ActionColumns() {}

    static Statement qualify(Statement action, RuleTarget.Lookup lookup) {
        return switch (action) {
            case UpdateStmt u -> {
                RuleTarget target = lookup.find(u.relation());
                if (target == null) {
                    yield u;
                }
                String name = nameOf(u.relation());
                yield new UpdateStmt(u.relation(), qualify(u.targetList(), target, name),
                        qualify(u.whereClause(), target, name), u.fromClause(), qualify(u.returningList(), target, name),
                        u.withClause());
            }
            case DeleteStmt d -> {
                RuleTarget target = lookup.find(d.relation());
                if (target == null) {
                    yield d;
                }
                String name = nameOf(d.relation());
                yield new DeleteStmt(d.relation(), d.usingClause(), qualify(d.whereClause(), target, name),
                        qualify(d.returningList(), target, name), d.withClause());
            }
            default -> action;
        };
    }

    private static String nameOf(RangeVar relation) {
        return relation.alias() != null ? relation.alias().aliasname() : relation.relname();
    }

    private static <T> T qualify(T tree, RuleTarget target, String name) {
        return SyntaxTrees.map(tree, n -> {
            if (n instanceof ColumnRef c) {
                List<String> f = c.fields();
                if (f.size() == 1 && !c.star() && target.columns().contains(f.get(0))) {
                    return new ColumnRef(List.of(name, f.get(0)), false, c.location());
                }
                return c;
            }
            return n instanceof SelectStmt ? n : null; // a subquery's names are its own
        });
    }
}
