package org.lakepg.server.exec.explain;

import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PlanNodes;
import org.lakepg.server.sql.plan.RecursiveUnionNode;
import org.lakepg.server.sql.plan.WorkTableScanNode;

/**
 * Which WITH items are defined inside a recursive term: those whose plan reads a work table it does not itself
 * define (a work table is readable only in its recursive term). PostgreSQL prints such an item under the term's top
 * node, the plan of the query level that defines it, not with the statement's top-level CTEs.
 */
final class RecursiveTermCtes {
    private RecursiveTermCtes() {}

    /** Whether the WITH item's plan reads the work table of a recursive union outside it. */
    static boolean local(PlanNode cte) {
        return reads(cte, -1);
    }

    /** Whether the plan reads work table {@code workTable} (outside a recursive union of its own defining it). */
    static boolean readsWorkTable(PlanNode plan, int workTable) {
        return reads(plan, workTable);
    }

    /** With {@code workTable} -1: any work table not defined within the plan. */
    private static boolean reads(PlanNode p, int workTable) {
        return reads(p, workTable, new java.util.BitSet());
    }

    private static boolean reads(PlanNode p, int workTable, java.util.BitSet defined) {
        switch (p) {
            case WorkTableScanNode w -> {
                return !defined.get(w.workTableId()) && (workTable < 0 || w.workTableId() == workTable);
            }
            case CteScanNode c -> {
                return reads(c.cte(), workTable, defined);
            }
            case RecursiveUnionNode r -> {
                if (reads(r.nonRecursive(), workTable, defined)) {
                    return true;
                }
                java.util.BitSet inner = (java.util.BitSet) defined.clone();
                inner.set(r.workTableId());
                return reads(r.recursive(), workTable, inner);
            }
            default -> {
                for (PlanNode c : PlanNodes.children(p)) {
                    if (reads(c, workTable, defined)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
