package org.lakepg.server.exec.operator;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.RuleActionsNode;

/** Runs the statements a rule rewrite made, one after another; the rows are those of the one that sets the result. */
final class RuleActions implements Iterator<Object[]> {
    private final RuleActionsNode node;
    private final Function<PlanNode, Iterator<Object[]>> open;
    private final ExecContext context;
    private Iterator<Object[]> rows;
    private boolean finished;

    private RuleActions(RuleActionsNode node, Function<PlanNode, Iterator<Object[]>> open, ExecContext context) {
        this.node = node;
        this.open = open;
        this.context = context;
    }

    static Iterator<Object[]> open(RuleActionsNode node, Function<PlanNode, Iterator<Object[]>> open,
                                   ExecContext context) {
        return new RuleActions(node, open, context);
    }

    @Override
    public boolean hasNext() {
        if (rows == null) {
            for (int i = 0; i < Math.max(node.result(), 0) || node.result() < 0 && i < node.steps().size(); i++) {
                run(i);
            }
            rows = node.result() < 0 ? Collections.emptyIterator() : step(node.result());
        }
        if (rows.hasNext()) {
            return true;
        }
        if (!finished) {
            finished = true;
            for (int i = node.result() + 1; node.result() >= 0 && i < node.steps().size(); i++) {
                run(i);
            }
        }
        return false;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows.next();
    }

    private void run(int i) {
        Iterator<Object[]> it = step(i);
        while (it.hasNext()) {
            context.checkCancelled();
            it.next();
        }
    }

    /** A step sees what the steps before it wrote (CommandCounterIncrement and a new scan snapshot). */
    private Iterator<Object[]> step(int i) {
        if (i > 0) {
            context.tables().transaction().commandCounterIncrement();
            context.newScanSnapshot();
        }
        return open.apply(node.steps().get(i));
    }
}
