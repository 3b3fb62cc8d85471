package org.lakepg.server.sql.plan;

import java.util.List;

/** The inputs of each kind of plan node, for code that walks plan trees. */
public final class PlanNodes {
    private PlanNodes() {}

    public static List<PlanNode> children(PlanNode p) {
        return switch (p) {
            case FilterNode f -> List.of(f.input());
            case ProjectNode x -> List.of(x.input());
            case SortNode s -> List.of(s.input());
            case LimitNode l -> List.of(l.input());
            case AggregateNode a -> List.of(a.input());
            case DistinctNode d -> List.of(d.input());
            case AppendNode a -> a.inputs();
            case MergeAppendNode m -> m.inputs();
            case SetOpNode s -> List.of(s.left(), s.right());
            case NestedLoopJoinNode j -> List.of(j.left(), j.right());
            case MergeJoinNode j -> List.of(j.left(), j.right());
            case ModifyNode m -> List.of(m.input());
            case RecursiveUnionNode r -> List.of(r.nonRecursive(), r.recursive());
            case ModifyingCtesNode m -> List.of(m.input());
            case RuleActionsNode r -> r.steps();
            case ProjectSetNode s -> List.of(s.input());
            case WindowAggNode w -> List.of(w.input());
            case SubqueryScanNode s -> List.of(s.input());
            case HashLookupNode h -> List.of(h.input());
            case ResultNode r -> List.of();
            case ValuesNode v -> List.of();
            case SeqScanNode s -> List.of();
            case IndexScanNode s -> List.of();
            case CteScanNode c -> List.of();
            case WorkTableScanNode w -> List.of();
            case FunctionScanNode f -> List.of();
            case SystemScanNode s -> List.of();
            case RoutedInsertNode r -> List.of(r.insert().input());
            case PartitionUpdateNode u -> List.of(u.update().input());
            case ParentModifyNode m -> m.members();
            case ColumnarNode c -> List.of();
            case LockRowsNode l -> List.of(l.input());
        };
    }

    /** The WITH items a plan reads, directly or through other WITH items. */
    public static void ctePlans(PlanNode p, java.util.Set<PlanNode> out) {
        if (p instanceof CteScanNode c) {
            if (out.add(c.cte())) {
                ctePlans(c.cte(), out);
            }
            return;
        }
        for (PlanNode child : children(p)) {
            ctePlans(child, out);
        }
    }
}
