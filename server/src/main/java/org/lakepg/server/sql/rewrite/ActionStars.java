package org.lakepg.server.sql.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;

/**
 * A bare {@code *} in a rule's SELECT action means the action's own FROM items only: PostgreSQL expands it when the
 * rule is created, before the triggering statement's rows are joined in. lakepg joins them into the syntax tree, so
 * the star is qualified by each of the action's own items first.
 */
final class ActionStars {
    private ActionStars() {}

    /** The targets with a bare star replaced by one {@code item.*} per FROM item (unchanged if an item has no name). */
    static List<ResTarget> qualified(List<ResTarget> targets, List<FromItem> ownFrom) {
        if (targets == null || targets.stream().noneMatch(ActionStars::bareStar)) {
            return targets;
        }
        List<List<String>> names = new ArrayList<>();
        for (FromItem item : ownFrom == null ? List.<FromItem>of() : ownFrom) {
            List<String> name = switch (item) {
                case RangeVar r when r.alias() != null -> List.of(r.alias().aliasname());
                case RangeVar r when r.schemaname() != null -> List.of(r.schemaname(), r.relname());
                case RangeVar r -> List.of(r.relname());
                case RangeSubselect s when s.alias() != null -> List.of(s.alias().aliasname());
                default -> null;
            };
            if (name == null) {
                return targets;
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            return targets;
        }
        List<ResTarget> out = new ArrayList<>();
        for (ResTarget t : targets) {
            if (!bareStar(t)) {
                out.add(t);
                continue;
            }
            for (List<String> name : names) {
                out.add(new ResTarget(null, List.of(), new ColumnRef(name, true, t.location()), t.location()));
            }
        }
        return out;
    }

    private static boolean bareStar(ResTarget t) {
        return t.name() == null && t.val() instanceof ColumnRef c && c.star() && c.fields().isEmpty();
    }
}
