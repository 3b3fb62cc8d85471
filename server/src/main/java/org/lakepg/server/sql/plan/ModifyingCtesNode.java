package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * A statement with data-modifying WITH items: those run to completion exactly once (whether the
 * query reads them or not), then the query's own rows follow.
 */
public record ModifyingCtesNode(PlanNode input, List<CteScanNode> ctes) implements PlanNode {

    public ModifyingCtesNode {
        ctes = List.copyOf(ctes);
    }

    @Override
    public int width() {
        return input.width();
    }
}
