package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;
import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * PostgreSQL's remove_useless_joins: a LEFT JOIN whose right side matches at most one row per left
 * row (a unique index, GROUP BY, DISTINCT or UNION covered by the join's equalities) and none of
 * whose columns is read above the join returns exactly the left rows, so the right side is not
 * run at all. Which columns are read is found walking down from the query's output; the removed
 * join becomes a projection padding the right side's (unread) columns with NULLs, so the column
 * positions above it stay as they were.
 */
public final class JoinRemoval {
    private final Function<TableInfo, List<IndexInfo>> indexes;
    /** The same walk settles which scans are index-only (it knows the columns read from each); null = not. */
    private final IndexOnlyScans indexOnly;

    public JoinRemoval(Function<TableInfo, List<IndexInfo>> indexes) {
        this(indexes, null);
    }

    public JoinRemoval(Function<TableInfo, List<IndexInfo>> indexes, PlannerContext planner) {
        this.indexes = indexes;
        this.indexOnly = planner == null ? null : new IndexOnlyScans(planner);
    }

    /** The query's plan with its removable joins removed; every output column is read. */
    public PlanNode apply(PlanNode root) {
        BitSet all = new BitSet();
        all.set(0, root.width());
        return prune(root, all);
    }

    private PlanNode prune(PlanNode p, BitSet need) {
        return switch (p) {
            case ProjectNode x -> {
                BitSet below = new BitSet();
                for (int i = need.nextSetBit(0); i >= 0 && i < x.expressions().size(); i = need.nextSetBit(i + 1)) {
                    below.or(refs(x.expressions().get(i)));
                }
                PlanNode input = prune(x.input(), below);
                yield input == x.input() ? x : new ProjectNode(input, x.expressions());
            }
            case FilterNode f -> {
                PlanNode indexOnlyPath = indexOnly == null ? null : indexOnly.filtered(f, need);
                if (indexOnlyPath != null) {
                    yield indexOnlyPath;
                }
                PlanNode input = prune(f.input(), union(need, refs(f.condition())));
                yield input == f.input() ? f : new FilterNode(input, f.condition());
            }
            case SortNode s -> {
                PlanNode input = prune(s.input(), union(need, columns(s.keys())));
                yield input == s.input() ? s : new SortNode(input, s.keys());
            }
            case LimitNode l -> {
                PlanNode input = prune(l.input(), union(need, columns(l.ties())));
                yield input == l.input() ? l : l.withInput(input);
            }
            case DistinctNode d -> {
                PlanNode input = prune(d.input(), union(need, columns(d.keys())));
                yield input == d.input() ? d : new DistinctNode(input, d.keys());
            }
            case AggregateNode a -> {
                BitSet below = new BitSet();
                a.groupKeys().forEach(k -> below.or(refs(k)));
                for (var call : a.aggregates()) {
                    call.arguments().forEach(x -> below.or(refs(x)));
                    if (call.filter() != null) {
                        below.or(refs(call.filter()));
                    }
                }
                PlanNode input = prune(a.input(), below);
                yield input == a.input() ? a : a.withInput(input);
            }
            case HashLookupNode h -> {
                BitSet below = (BitSet) need.clone();
                h.keyColumns().forEach(below::set);
                PlanNode input = prune(h.input(), below);
                yield input == h.input() ? h : h.withInput(input);
            }
            case NestedLoopJoinNode j -> nestedLoop(j, need);
            case MergeJoinNode m -> merge(m, need);
            case org.lakepg.server.sql.plan.AppendNode a -> {
                List<PlanNode> inputs = a.inputs().stream().map(in -> prune(in, need)).toList();
                boolean same = true;
                for (int i = 0; i < inputs.size(); i++) {
                    same &= inputs.get(i) == a.inputs().get(i);
                }
                yield same ? a : new org.lakepg.server.sql.plan.AppendNode(inputs, a.width());
            }
            case org.lakepg.server.sql.plan.MergeAppendNode m -> {
                BitSet below = union(need, columns(m.keys()));
                List<PlanNode> inputs = m.inputs().stream().map(in -> prune(in, below)).toList();
                boolean same = true;
                for (int i = 0; i < inputs.size(); i++) {
                    same &= inputs.get(i) == m.inputs().get(i);
                }
                yield same ? m : new org.lakepg.server.sql.plan.MergeAppendNode(inputs, m.keys(), m.width());
            }
            case SetOpNode s -> {
                BitSet all = new BitSet();
                all.set(0, s.width());
                PlanNode left = prune(s.left(), all);
                PlanNode right = prune(s.right(), all);
                yield left == s.left() && right == s.right() ? s
                        : new SetOpNode(s.kind(), s.all(), left, right, s.keys(), s.columns());
            }
            case SeqScanNode s when indexOnly != null -> indexOnly.scan(s, need);
            case IndexScanNode s when indexOnly != null -> indexOnly.scan(s, need);
            default -> p;
        };
    }

    private PlanNode nestedLoop(NestedLoopJoinNode j, BitSet need) {
        int leftWidth = j.left().width();
        List<BoundExpr> conditions = j.condition() == null ? List.of() : conjuncts(j.condition());
        BitSet joinRefs = j.condition() == null ? new BitSet() : refs(j.condition());
        BitSet rightNeed = shiftDown(union(need, joinRefs), leftWidth);
        PlanNode right = prune(j.right(), rightNeed);
        if (j.kind() == NestedLoopJoinNode.Kind.LEFT && need.nextSetBit(leftWidth) < 0
                && unique(right, equated(conditions, leftWidth))) {
            return padded(prune(j.left(), need), right.width());
        }
        PlanNode removed = removedRightJoin(j, need, conditions);
        if (removed != null) {
            return removed;
        }
        BitSet leftNeed = union(need, joinRefs);
        for (Correlation c : j.lateral()) {
            leftNeed.or(refs(c.value()));
        }
        leftNeed.clear(leftWidth, Math.max(leftWidth, leftNeed.length()));
        PlanNode left = prune(j.left(), leftNeed);
        return left == j.left() && right == j.right() ? j
                : new NestedLoopJoinNode(j.kind(), left, right, j.condition(), j.lateral());
    }

    /**
     * A LEFT join planned as a Hash Right Join (its preserved side hashed, the other side probing) whose probing side
     * is removable as a LEFT join's right side would be: the hashed rows, the probing side's columns padded with NULLs.
     */
    private PlanNode removedRightJoin(NestedLoopJoinNode j, BitSet need, List<BoundExpr> conditions) {
        int leftWidth = j.left().width();
        if (j.kind() != NestedLoopJoinNode.Kind.RIGHT || !j.hashed()
                || need.nextSetBit(0) >= 0 && need.nextSetBit(0) < leftWidth) {
            return null;
        }
        BitSet equated = new BitSet();
        for (Correlation probe : j.lateral()) {
            if (!(unwrap(probe.value()) instanceof InputRef column)) {
                return null;
            }
            equated.set(column.index());
        }
        for (BoundExpr c : conditions) {
            for (InputRef column : equalities(c)) {
                BitSet other = otherSide(c, column);
                if (column.index() < leftWidth && (other.isEmpty() || other.nextSetBit(0) >= leftWidth)) {
                    equated.set(column.index());
                }
            }
        }
        if (!unique(prune(j.left(), equated), equated)) {
            return null;
        }
        PlanNode kept = prune(((HashLookupNode) j.right()).input(), shiftDown(need, leftWidth));
        List<BoundExpr> row = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            row.add(new Const(TypeOids.TEXT, -1, null));
        }
        for (int i = 0; i < kept.width(); i++) {
            row.add(new InputRef(i, 0, -1, null));
        }
        return new ProjectNode(kept, row);
    }

    private PlanNode merge(MergeJoinNode m, BitSet need) {
        int leftWidth = m.left().width();
        List<BoundExpr> conditions = m.condition() == null ? List.of() : conjuncts(m.condition());
        BitSet joinRefs = m.condition() == null ? new BitSet() : refs(m.condition());
        BitSet rightKeys = columns(m.rightKeys());
        PlanNode right = prune(m.right(), union(shiftDown(union(need, joinRefs), leftWidth), rightKeys));
        if (m.kind() == NestedLoopJoinNode.Kind.LEFT && need.nextSetBit(leftWidth) < 0
                && unique(right, union(equated(conditions, leftWidth), rightKeys))) {
            // the left side without the sort that only the merge needed
            PlanNode left = m.left() instanceof SortNode s && s.keys().equals(m.leftKeys()) ? s.input() : m.left();
            return padded(prune(left, need), right.width());
        }
        BitSet leftNeed = union(union(need, joinRefs), columns(m.leftKeys()));
        leftNeed.clear(leftWidth, Math.max(leftWidth, leftNeed.length()));
        PlanNode left = prune(m.left(), leftNeed);
        return left == m.left() && right == m.right() ? m
                : new MergeJoinNode(m.kind(), left, right, m.leftKeys(), m.rightKeys(), m.condition());
    }

    /** The left rows, followed by NULL for each right column nobody reads. */
    private static PlanNode padded(PlanNode left, int rightWidth) {
        List<BoundExpr> row = new ArrayList<>();
        for (int i = 0; i < left.width(); i++) {
            row.add(new InputRef(i, 0, -1, null));
        }
        for (int i = 0; i < rightWidth; i++) {
            row.add(new Const(TypeOids.TEXT, -1, null));
        }
        return new ProjectNode(left, row);
    }

    /**
     * The right side's columns (numbered from 0 on the right side) that a join condition equates
     * with a stable value of the left row.
     */
    private static BitSet equated(List<BoundExpr> conditions, int leftWidth) {
        BitSet out = new BitSet();
        for (BoundExpr c : conditions) {
            for (InputRef column : equalities(c)) {
                if (column.index() >= leftWidth && otherSide(c, column).nextSetBit(leftWidth) < 0) {
                    out.set(column.index() - leftWidth);
                }
            }
        }
        return out;
    }

    /** The columns of a row a condition holds equal to a constant (no column of the row in the other operand). */
    private static BitSet constant(BoundExpr condition) {
        BitSet out = new BitSet();
        for (BoundExpr c : conjuncts(condition)) {
            for (InputRef column : equalities(c)) {
                if (otherSide(c, column).isEmpty()) {
                    out.set(column.index());
                }
            }
        }
        return out;
    }

    /** The plain columns of {@code column = value}, either way round, when the value is stable and of the same key family. */
    private static List<InputRef> equalities(BoundExpr c) {
        List<InputRef> out = new ArrayList<>();
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2) {
            return out;
        }
        for (int side = 0; side < 2; side++) {
            BoundExpr column = f.arguments().get(side);
            BoundExpr value = f.arguments().get(1 - side);
            if (unwrap(column) instanceof InputRef in && pushable(value)
                    && IndexSelection.sameKeyFamily(column.type(), value.type())) {
                out.add(in);
            }
        }
        return out;
    }

    private static BitSet otherSide(BoundExpr condition, InputRef column) {
        FuncExpr f = (FuncExpr) condition;
        BoundExpr first = f.arguments().get(0);
        return refs(unwrap(first) == column ? f.arguments().get(1) : first);
    }

    /** Whether {@code plan} has at most one row with given values of the {@code equated} columns. */
    /** Whether the right side of a join gives at most one row per left row, by the join's equalities. */
    boolean uniqueFor(PlanNode right, List<BoundExpr> conditions, int leftWidth) {
        return unique(right, equated(conditions, leftWidth));
    }

    private boolean unique(PlanNode plan, BitSet equated) {
        return switch (plan) {
            case ProjectNode x -> {
                BitSet below = new BitSet();
                for (int i = equated.nextSetBit(0); i >= 0 && i < x.expressions().size(); i = equated.nextSetBit(i + 1)) {
                    if (unwrap(x.expressions().get(i)) instanceof InputRef in) {
                        below.set(in.index());
                    }
                }
                yield unique(x.input(), below);
            }
            case FilterNode f -> unique(f.input(), union(equated, constant(f.condition())));
            case SortNode s -> unique(s.input(), equated);
            case LimitNode l -> unique(l.input(), equated);
            case HashLookupNode h -> {
                BitSet below = (BitSet) equated.clone();
                h.keyColumns().forEach(below::set);
                yield unique(h.input(), below);
            }
            case SeqScanNode s -> uniqueIndex(s.table(), equated);
            case IndexScanNode s -> {
                BitSet below = (BitSet) equated.clone();
                if (s.probe() && s.index().columns().size() == 1 && s.index().columns().get(0) > 0
                        && !IndexSelection.dependsOnRow(s.key())) {
                    below.set(s.index().columns().get(0) - 1);
                }
                for (BoundExpr c : s.conditions()) {
                    org.lakepg.server.index.IndexCondition.of(c, s.index(), s.table())
                            .filter(i -> i.operator() == org.lakepg.server.index.IndexCondition.Operator.EQ)
                            .ifPresent(i -> below.set(s.index().columns().get(i.position()) - 1));
                }
                yield uniqueIndex(s.table(), below);
            }
            case AggregateNode a -> a.groupingSets().isEmpty() && covers(equated, a.groupKeys().size());
            // as query_is_distinct_for: the DISTINCT columns alone, not a unique index below them
            case DistinctNode d -> !d.keys().isEmpty() && union(equated, columns(d.keys())).equals(equated);
            case SetOpNode s -> !s.all() && covers(equated, s.width());
            default -> false;
        };
    }

    private boolean uniqueIndex(TableInfo table, BitSet equated) {
        for (IndexInfo index : indexes.apply(table)) {
            if (index.unique() && index.plain() && !index.columns().isEmpty()
                    && index.columns().stream().allMatch(c -> c > 0 && equated.get(c - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(BitSet equated, int width) {
        return equated.nextClearBit(0) >= width;
    }

    private static BitSet columns(List<SortKey> keys) {
        BitSet out = new BitSet();
        keys.forEach(k -> out.set(k.column()));
        return out;
    }

    private static BitSet union(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.or(b);
        return out;
    }

    private static BitSet shiftDown(BitSet columns, int by) {
        BitSet out = new BitSet();
        for (int i = columns.nextSetBit(by); i >= 0; i = columns.nextSetBit(i + 1)) {
            out.set(i - by);
        }
        return out;
    }
}
