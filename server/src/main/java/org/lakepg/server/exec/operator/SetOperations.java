package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.SetOpNode;

/**
 * UNION / INTERSECT / EXCEPT with and without ALL, by counting equal rows on each side
 * (PostgreSQL's SetOp semantics; NULLs are not distinct from each other). Output follows the
 * comparator's order.
 */
final class SetOperations {
    private SetOperations() {}

    static Iterator<Object[]> open(SetOpNode node, Iterator<Object[]> left, Iterator<Object[]> right,
                                   RowComparator order, ExecContext context) {
        Map<Object[], long[]> counts = new TreeMap<>(order);
        while (left.hasNext()) {
            context.checkCancelled();
            counts.computeIfAbsent(left.next(), k -> new long[2])[0]++;
        }
        while (right.hasNext()) {
            context.checkCancelled();
            counts.computeIfAbsent(right.next(), k -> new long[2])[1]++;
        }
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<Object[], long[]> e : counts.entrySet()) {
            long l = e.getValue()[0];
            long r = e.getValue()[1];
            long n = switch (node.kind()) {
                case UNION -> node.all() ? l + r : 1;
                case INTERSECT -> node.all() ? Math.min(l, r) : (l > 0 && r > 0 ? 1 : 0);
                case EXCEPT -> node.all() ? Math.max(l - r, 0) : (l > 0 && r == 0 ? 1 : 0);
            };
            for (long i = 0; i < n; i++) {
                out.add(e.getKey());
            }
        }
        return out.iterator();
    }
}
