package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** VALUES (...), (...): each row's expressions, already coerced to the column types. */
public record ValuesNode(List<List<BoundExpr>> rows, int width) implements PlanNode {

    public ValuesNode {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
