package org.lakepg.server.sql.plan;

import java.util.List;

/** UNION ALL: the rows of each input in turn. */
public record AppendNode(List<PlanNode> inputs, int width) implements PlanNode {

    public AppendNode {
        inputs = List.copyOf(inputs);
    }
}
