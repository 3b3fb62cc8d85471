package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.RecursiveUnionNode;

/**
 * WITH RECURSIVE, lazily: rows of the non-recursive term, then of each round of the recursive term
 * over the previous round's rows, until a round yields nothing new.
 */
final class RecursiveUnion {
    private RecursiveUnion() {}

    static Iterator<Object[]> open(RecursiveUnionNode node, Iterator<Object[]> nonRecursive,
                                   Supplier<Iterator<Object[]>> recursive, RowComparator equality, ExecContext context) {
        TreeSet<Object[]> seen = node.all() ? null : new TreeSet<>(equality);
        // WITH items inside the recursive term may read the working table: they are computed afresh each round
        java.util.Set<org.lakepg.server.sql.plan.PlanNode> innerCtes = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        org.lakepg.server.sql.plan.PlanNodes.ctePlans(node.recursive(), innerCtes);
        return new RowIterator() {
            Iterator<Object[]> current = nonRecursive;
            List<Object[]> round = new ArrayList<>();

            @Override
            protected Object[] computeNext() {
                while (true) {
                    context.checkCancelled();
                    while (current.hasNext()) {
                        Object[] row = current.next();
                        if (seen == null || seen.add(row)) {
                            round.add(row);
                            return row;
                        }
                    }
                    if (round.isEmpty()) {
                        return null;
                    }
                    context.setWorkTable(node.workTableId(), round);
                    context.resetCtes(innerCtes);
                    round = new ArrayList<>();
                    current = recursive.get();
                }
            }
        };
    }
}
