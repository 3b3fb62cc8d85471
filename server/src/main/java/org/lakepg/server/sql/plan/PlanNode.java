package org.lakepg.server.sql.plan;

/**
 * A node of a physical plan: what the executor runs, one operator per node. Rows are Object[]
 * of the node's {@link #width()} values; expressions above a node refer to its columns by index.
 */
public sealed interface PlanNode
        permits ResultNode, ValuesNode, FilterNode, ProjectNode, SortNode, LimitNode, AggregateNode, DistinctNode,
        AppendNode, MergeAppendNode, SetOpNode, NestedLoopJoinNode, SeqScanNode, IndexScanNode, ModifyNode, CteScanNode, WorkTableScanNode,
        RecursiveUnionNode, ModifyingCtesNode, FunctionScanNode, ProjectSetNode, WindowAggNode, HashLookupNode,
        SystemScanNode, RoutedInsertNode, PartitionUpdateNode, ColumnarNode, LockRowsNode, MergeJoinNode,
        RuleActionsNode, SubqueryScanNode, ParentModifyNode {

    /** Number of columns in each row this node produces. */
    int width();
}
