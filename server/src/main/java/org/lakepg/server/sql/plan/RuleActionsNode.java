package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * A statement rewritten by rules into several: {@code steps} run in order, each seeing what the ones before wrote
 * (as PostgreSQL runs the rewritten queries one after another); step {@code result} gives the rows (none: -1).
 */
public record RuleActionsNode(List<PlanNode> steps, int result, int width) implements PlanNode {

    public RuleActionsNode {
        steps = List.copyOf(steps);
    }
}
