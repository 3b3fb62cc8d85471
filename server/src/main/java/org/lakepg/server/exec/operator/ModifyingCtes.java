package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.ModifyingCtesNode;

/**
 * A statement with data-modifying WITH items, run as PostgreSQL runs it: the items write only as far as the query
 * reads them (so their writes interleave with the query's), the query runs to its end (a portal of such a
 * statement is filled at once, PORTAL_ONE_MOD_WITH), then ExecPostprocessPlan runs every item to completion —
 * later items first, so an item's unread RETURNING rows still reach an item that reads them.
 */
final class ModifyingCtes {
    private ModifyingCtes() {
    }

    static Iterator<Object[]> open(ModifyingCtesNode node, ExecContext context, Supplier<Iterator<Object[]>> query) {
        for (var cte : node.ctes()) {
            context.runLazily(cte.cte());
        }
        List<Object[]> rows = new ArrayList<>();
        query.get().forEachRemaining(rows::add);
        for (int i = node.ctes().size() - 1; i >= 0; i--) {
            context.cteBuffer(node.ctes().get(i).cte()).drain();
        }
        return rows.iterator();
    }
}
