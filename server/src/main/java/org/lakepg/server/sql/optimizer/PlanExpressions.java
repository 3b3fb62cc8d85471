package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.*;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.OuterParam;

/** Questions about every expression of a plan tree. */
final class PlanExpressions {
    private PlanExpressions() {}

    /**
     * Whether the plan gives the same rows however often it runs in a statement: it reads no outer value (but
     * those its own joins set, as a hash join's probe) and no recursive working table. A WITH item's rows are kept
     * for the statement, so a CTE scan is uncorrelated unless its item reads outer values or the working table of
     * a recursion around it.
     */
    static boolean uncorrelated(PlanNode plan) {
        Walk walk = new Walk(true, new HashSet<>(), new HashSet<>());
        return !any(plan, e -> ExprRewriter.any(e, x -> x instanceof OuterParam o && !walk.boundParams().contains(o.id())),
                walk, false);
    }

    /**
     * Whether an expression of the plan passes the test; a node that writes, reads a recursive working table or
     * runs rule actions counts as passing (its rows are never to be shared).
     */
    static boolean any(PlanNode p, Predicate<BoundExpr> test) {
        return any(p, test, new Walk(false, new HashSet<>(), new HashSet<>()), false);
    }

    /** As {@link #any(PlanNode, Predicate)}, but a read of a recursive working table is looked through (it has no expressions). */
    static boolean anyReadingWorkTables(PlanNode p, Predicate<BoundExpr> test) {
        return any(p, test, new Walk(false, new HashSet<>(), new HashSet<>(), false), false);
    }

    /**
     * How a walk goes: {@code sharedWithItems} counts a CTE scan by its WITH item's plan with the item's own
     * recursions' working tables ({@code ownWorkTables}) and writes not passing (the item runs once per statement;
     * a data-modifying one belongs to the statement's top level); {@code boundParams} are the parameters joins met
     * so far set themselves (ids are unique in a statement, so the sets only grow).
     */
    private record Walk(boolean sharedWithItems, Set<Integer> ownWorkTables, Set<Integer> boundParams,
            boolean workTablesPass) {
        Walk(boolean sharedWithItems, Set<Integer> ownWorkTables, Set<Integer> boundParams) {
            this(sharedWithItems, ownWorkTables, boundParams, true);
        }
    }

    private static boolean any(PlanNode p, Predicate<BoundExpr> test, Walk walk, boolean inWithItem) {
        List<BoundExpr> exprs = new ArrayList<>();
        List<PlanNode> children = new ArrayList<>();
        switch (p) {
            case ResultNode r -> { }
            case ValuesNode v -> v.rows().forEach(exprs::addAll);
            case FilterNode f -> {
                exprs.add(f.condition());
                children.add(f.input());
            }
            case ProjectNode x -> {
                exprs.addAll(x.expressions());
                children.add(x.input());
            }
            case SortNode s -> children.add(s.input());
            case LimitNode l -> {
                if (l.offset() != null) {
                    exprs.add(l.offset());
                }
                if (l.count() != null) {
                    exprs.add(l.count());
                }
                children.add(l.input());
            }
            case AggregateNode a -> {
                exprs.addAll(a.groupKeys());
                for (AggregateCall c : a.aggregates()) {
                    exprs.addAll(c.arguments());
                    if (c.filter() != null) {
                        exprs.add(c.filter());
                    }
                }
                children.add(a.input());
            }
            case DistinctNode d -> children.add(d.input());
            case AppendNode a -> children.addAll(a.inputs());
            case org.lakepg.server.sql.plan.MergeAppendNode m -> children.addAll(m.inputs());
            case SetOpNode s -> {
                children.add(s.left());
                children.add(s.right());
            }
            case NestedLoopJoinNode j -> {
                if (j.condition() != null) {
                    exprs.add(j.condition());
                }
                j.lateral().forEach(c -> {
                    exprs.add(c.value());
                    walk.boundParams().add(c.id());
                });
                children.add(j.left());
                children.add(j.right());
            }
            case org.lakepg.server.sql.plan.MergeJoinNode j -> {
                if (j.condition() != null) {
                    exprs.add(j.condition());
                }
                children.add(j.left());
                children.add(j.right());
            }
            case SeqScanNode s -> { }
            case SystemScanNode s -> { }
            case org.lakepg.server.sql.plan.ColumnarNode c -> children.add(c.rowPlan());
            case org.lakepg.server.sql.plan.LockRowsNode l -> children.add(l.input());
            case IndexScanNode s -> {
                if (s.probe()) {
                    exprs.add(s.key());
                }
                exprs.addAll(s.conditions());
            }
            case ModifyNode m -> {
                return !inWithItem; // writes: never share its rows
            }
            case org.lakepg.server.sql.plan.RoutedInsertNode r -> {
                return !inWithItem; // writes: never share its rows
            }
            case org.lakepg.server.sql.plan.PartitionUpdateNode u -> {
                return !inWithItem; // writes: never share its rows
            }
            case org.lakepg.server.sql.plan.ParentModifyNode m -> {
                return !inWithItem; // writes: never share its rows
            }
            case CteScanNode c -> {
                if (!walk.sharedWithItems()) {
                    children.add(c.cte());
                } else if (any(c.cte(), test, walk, true)) {
                    return true;
                }
            }
            case WorkTableScanNode w -> {
                return walk.workTablesPass() && (!inWithItem || !walk.ownWorkTables().contains(w.workTableId()));
            }
            case RecursiveUnionNode r -> {
                if (inWithItem) {
                    walk.ownWorkTables().add(r.workTableId());
                }
                children.add(r.nonRecursive());
                children.add(r.recursive());
            }
            case ModifyingCtesNode m -> {
                return !inWithItem;
            }
            case org.lakepg.server.sql.plan.RuleActionsNode r -> {
                return !inWithItem;
            }
            case FunctionScanNode f -> f.functions().forEach(fn -> exprs.add(fn.call()));
            case ProjectSetNode s -> {
                exprs.addAll(s.calls());
                children.add(s.input());
            }
            case WindowAggNode w -> {
                exprs.addAll(w.keys());
                if (w.runCondition() != null) {
                    exprs.add(w.runCondition());
                }
                for (WindowCall c : w.calls()) {
                    exprs.addAll(c.arguments());
                }
                children.add(w.input());
            }
            case org.lakepg.server.sql.plan.SubqueryScanNode s -> children.add(s.input());
            case HashLookupNode h -> {
                exprs.addAll(h.keys());
                children.add(h.input());
            }
        }
        for (BoundExpr e : exprs) {
            if (test.test(e)) {
                return true;
            }
        }
        for (PlanNode c : children) {
            if (any(c, test, walk, inWithItem)) {
                return true;
            }
        }
        return false;
    }
}
