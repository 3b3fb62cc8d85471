package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.ParentStatement;
import org.lakepg.server.exec.TableTriggers;
import org.lakepg.server.sql.plan.ParentModifyNode;
import org.lakepg.server.sql.plan.PlanNode;

/** Runs an UPDATE/DELETE of a parent table: its statement triggers around its members' modifications. */
final class ParentStatements {
    private ParentStatements() {}

    static Iterator<Object[]> run(ParentModifyNode node, ExecContext context,
                                  Function<PlanNode, Iterator<Object[]>> open) {
        TableTriggers.Event event = TableTriggers.Event.valueOf(node.kind().name());
        TableTriggers triggers = context.triggers(node.table(), event);
        if (triggers != null) {
            triggers.beforeStatement();
        }
        ParentStatement outer = context.parentStatement();
        context.parentStatement(new ParentStatement(node.table(), event, triggers));
        List<Object[]> out = new ArrayList<>();
        try {
            for (PlanNode member : node.members()) {
                Iterator<Object[]> rows = open.apply(member);
                while (rows.hasNext()) {
                    out.add(rows.next());
                }
            }
        } finally {
            context.parentStatement(outer);
        }
        if (triggers != null) {
            triggers.afterStatement();
        }
        return out.iterator();
    }
}
