package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.ModifyingCtesNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;

/**
 * The projections EXPLAIN folds into the node below them (PostgreSQL computes a target list in the node itself), from
 * the top of what is printed as one node down to the node shown.
 */
final class FoldedProjections {
    private FoldedProjections() {}

    static List<ProjectNode> between(PlanNode top, PlanNode shown) {
        List<ProjectNode> out = new ArrayList<>();
        PlanNode p = top;
        while (p != null && p != shown) {
            p = switch (p) {
                case ProjectNode x when !(x.input() instanceof ResultNode) -> {
                    out.add(x);
                    yield x.input();
                }
                case FilterNode f -> f.input();
                case HashLookupNode h -> h.input();
                case ModifyingCtesNode m -> m.input();
                case SubqueryScanNode q -> q.input();
                default -> null;
            };
        }
        return p == shown ? out : List.of();
    }
}
