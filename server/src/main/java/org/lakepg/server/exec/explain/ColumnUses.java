package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.ColumnarNode;
import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.LockRowsNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.ModifyingCtesNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PlanNodes;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ProjectSetNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.SystemScanNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.server.sql.plan.WorkTableScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * What the nodes of a plan use of each other's columns, worked out top down for EXPLAIN VERBOSE's target lists
 * ({@link TargetLists}): the columns each node's parent reads, the order the query first mentions each relation's
 * columns in (PostgreSQL lists a relation's columns in that order), the names expressions give a function's or
 * CTE's columns, and the name each relation scan is shown by. The query's own relations are visited first, then
 * those of its WITH items and subqueries, as PostgreSQL's range table orders them.
 */
final class ColumnUses {
    private final Map<PlanNode, BitSet> needed = new IdentityHashMap<>();
    /** Per relation scan, the order its columns are first mentioned in, top down (its reltarget order). */
    private final Map<PlanNode, int[]> ranks = new IdentityHashMap<>();
    /** Per relation scan, what the expressions above call its columns (a function's or CTE's column names). */
    private final Map<PlanNode, String[]> names = new IdentityHashMap<>();
    private int nextRank;
    private final List<PlanNode> pendingRoots = new ArrayList<>();
    private final Map<PlanNode, String> aliases = new IdentityHashMap<>();
    private final Map<String, Integer> aliasCounts = new java.util.HashMap<>();

    ColumnUses(PlanNode root) {
        visitRoot(root);
        while (!pendingRoots.isEmpty()) {
            PlanNode next = pendingRoots.remove(0);
            visit(next, full(next));
        }
    }

    /** The columns of {@code p} the nodes above read (all of them for a node this pass did not meet). */
    BitSet needed(PlanNode p) {
        return needed.getOrDefault(p, full(p));
    }

    /** What the expressions above call a scan's columns (null where they give no name). */
    String[] names(PlanNode scan) {
        return names.getOrDefault(scan, new String[0]);
    }

    /** The name a relation scan is shown by: a table read twice is t, then t_1 (explain.c's unique refnames). */
    String alias(PlanNode scan, String name) {
        return aliases.computeIfAbsent(scan, s -> {
            int seen = aliasCounts.merge(name, 1, Integer::sum);
            return seen == 1 ? name : PlanPrinter.numbered(name, seen - 1);
        });
    }

    /** Where column {@code i} of a node comes in its relation's column order (a join's outer side first). */
    long order(PlanNode node, int i) {
        Object[] base = resolve(node, i);
        if (base == null) {
            // a value one side of a join computes (a subquery's aggregate) comes after the columns that side passes
            // on, as it follows them in the subquery relation's target list
            Object[] side = joinSideComputing(node, i, false);
            int leaf = side == null ? -1 : firstLeaf((PlanNode) side[0]);
            if (leaf < 0) {
                return i;
            }
            long own = (long) leaf * 10_000_000L + rank((PlanNode) side[0], (Integer) side[1]);
            // a join relation lists the PlaceHolderVars it carries after all its Vars (add_placeholders_to_joinrel)
            return Placeholders.placeholder((PlanNode) side[0], (Integer) side[1]) ? PLACEHOLDERS_AFTER + own : own;
        }
        return (long) leafNumber((PlanNode) base[0]) * 10_000_000L + rank((PlanNode) base[0], (Integer) base[1]);
    }

    /** Added to a PlaceHolderVar's place in a join's columns: after every relation's columns. */
    private static final long PLACEHOLDERS_AFTER = 1L << 50;

    private long rank(PlanNode relation, int column) {
        int[] r = ranks.get(relation);
        return r != null && column < r.length && r[column] >= 0 ? r[column] : 1_000_000L + column;
    }

    private final Map<PlanNode, Integer> leaves = new IdentityHashMap<>();

    /**
     * The node below a join that computes column {@code i} of {@code p} and the column there, or null when no join
     * passes it on (that side is a subquery relation whose columns are ranked as a scan's are).
     */
    private static Object[] joinSideComputing(PlanNode p, int i, boolean crossedJoin) {
        return switch (p) {
            case FilterNode f -> joinSideComputing(f.input(), i, crossedJoin);
            case SortNode s -> joinSideComputing(s.input(), i, crossedJoin);
            case LimitNode l -> joinSideComputing(l.input(), i, crossedJoin);
            case ProjectNode x when i < x.expressions().size() && unwrap(x.expressions().get(i)) instanceof InputRef in ->
                    joinSideComputing(x.input(), in.index(), crossedJoin);
            case NestedLoopJoinNode j -> i < j.left().width() ? joinSideComputing(j.left(), i, true)
                    : joinSideComputing(j.right(), i - j.left().width(), true);
            case MergeJoinNode j -> i < j.left().width() ? joinSideComputing(j.left(), i, true)
                    : joinSideComputing(j.right(), i - j.left().width(), true);
            default -> crossedJoin ? new Object[] {p, i} : null;
        };
    }

    /** The lowest number of a relation scan below {@code p} (-1 when the pass met none). */
    private int firstLeaf(PlanNode p) {
        Integer own = joinOrder().get(p);
        int best = own == null ? -1 : own;
        for (PlanNode c : PlanNodes.children(p)) {
            int leaf = firstLeaf(c);
            if (leaf >= 0 && (best < 0 || leaf < best)) {
                best = leaf;
            }
        }
        return best;
    }

    private int leafNumber(PlanNode leaf) {
        return joinOrder().getOrDefault(leaf, leaves.size());
    }

    private Map<PlanNode, Integer> joinOrder;

    /**
     * The relation scans numbered in their join relations' order: a join lists its outer relation's columns first,
     * and for a join whose chosen path swapped its sides (a projection above it restores the join's own column order)
     * that is the join's own left side, as PostgreSQL's join relation keeps the order of the pair that first built it
     * whichever side the path puts each on.
     */
    private Map<PlanNode, Integer> joinOrder() {
        if (joinOrder == null) {
            joinOrder = new IdentityHashMap<>();
            for (PlanNode root : rootOrder) {
                numberJoinOrder(root);
            }
        }
        return joinOrder;
    }

    private void numberJoinOrder(PlanNode p) {
        if (leaves.containsKey(p)) {
            joinOrder.putIfAbsent(p, joinOrder.size());
        }
        PlanNode[] swapped = swappedSides(p);
        List<PlanNode> children = swapped != null ? List.of(swapped) : PlanNodes.children(p);
        for (PlanNode c : children) {
            numberJoinOrder(c);
        }
    }

    /**
     * The join's inputs in its own order (its right input first) when {@code p} is a projection that restores a
     * swapped join's columns (JoinMethods.restored: the right input's columns, then the left's); else null.
     */
    private static PlanNode[] swappedSides(PlanNode p) {
        if (!(p instanceof ProjectNode x)) {
            return null;
        }
        PlanNode left;
        PlanNode right;
        if (x.input() instanceof NestedLoopJoinNode j) {
            left = j.left();
            right = j.right();
        } else if (x.input() instanceof MergeJoinNode j) {
            left = j.left();
            right = j.right();
        } else {
            return null;
        }
        int leftWidth = left.width();
        int rightWidth = right.width();
        if (leftWidth == 0 || rightWidth == 0 || x.expressions().size() != leftWidth + rightWidth) {
            return null;
        }
        for (int i = 0; i < x.expressions().size(); i++) {
            int from = i < rightWidth ? leftWidth + i : i - rightWidth;
            if (!(x.expressions().get(i) instanceof InputRef in) || in.index() != from) {
                return null;
            }
        }
        return new PlanNode[] {right, left};
    }


    private final Map<PlanNode, Boolean> roots = new IdentityHashMap<>();

    /** The roots in the order they were met (the query's own plan first). */
    private final List<PlanNode> rootOrder = new ArrayList<>();

    private void visitRoot(PlanNode p) {
        if (roots.put(p, true) == null) {
            pendingRoots.add(p);
            rootOrder.add(p);
        }
    }

    private void visit(PlanNode p, BitSet want) {
        BitSet known = needed.get(p);
        if (known != null) {
            known.or(want);
        } else {
            needed.put(p, (BitSet) want.clone());
        }
        if (resolve(p, 0) instanceof Object[] leaf && leaf[0] == p) {
            leaves.putIfAbsent(p, leaves.size());
        }
        if (p instanceof SeqScanNode s) {
            alias(s, s.alias() != null ? s.alias() : s.table().name());
        } else if (p instanceof IndexScanNode s) {
            alias(s, s.alias() != null ? s.alias() : s.table().name());
        } else if (p instanceof CteScanNode c) {
            alias(c, c.alias() != null ? c.alias() : c.cteName());
        } else if (p instanceof WorkTableScanNode w) {
            alias(w, w.alias() != null ? w.alias() : w.cteName());
        }
        switch (p) {
            case ProjectNode x -> {
                BitSet in = new BitSet();
                want.stream().filter(i -> i < x.expressions().size()).forEach(i -> use(x.expressions().get(i), x.input(), in));
                visit(x.input(), in);
            }
            case FilterNode f -> {
                BitSet in = (BitSet) want.clone();
                use(f.condition(), f.input(), in);
                visit(f.input(), in);
            }
            case SortNode s -> visit(s.input(), with(want, s.keys()));
            case LimitNode l -> visit(l.input(), with(want, l.ties()));
            case DistinctNode d -> visit(d.input(), with(want, d.keys()));
            case HashLookupNode h -> {
                BitSet in = (BitSet) want.clone();
                h.keyColumns().forEach(in::set);
                visit(h.input(), in);
            }
            case AggregateNode a -> {
                BitSet in = new BitSet();
                a.groupKeys().forEach(k -> use(k, a.input(), in));
                for (AggregateCall c : a.aggregates()) {
                    c.arguments().forEach(e -> use(e, a.input(), in));
                    if (c.filter() != null) {
                        use(c.filter(), a.input(), in);
                    }
                }
                visit(a.input(), in);
            }
            case WindowAggNode w -> {
                BitSet in = want.get(0, w.input().width());
                w.keys().forEach(k -> use(k, w.input(), in));
                for (WindowCall c : w.calls()) {
                    c.arguments().forEach(e -> use(e, w.input(), in));
                }
                visit(w.input(), in);
            }
            case ProjectSetNode s -> {
                BitSet in = want.get(0, s.input().width());
                s.calls().forEach(c -> use(c, s.input(), in));
                visit(s.input(), in);
            }
            case NestedLoopJoinNode j -> {
                BitSet all = (BitSet) want.clone();
                if (j.condition() != null) {
                    use(j.condition(), p, all);
                }
                int width = j.left().width();
                BitSet left = all.get(0, width);
                j.lateral().forEach(c -> use(c.value(), j.left(), left));
                visit(j.left(), left);
                visit(j.right(), all.get(width, Math.max(width, all.length())));
            }
            case MergeJoinNode j -> {
                BitSet all = (BitSet) want.clone();
                if (j.condition() != null) {
                    use(j.condition(), p, all);
                }
                int width = j.left().width();
                BitSet left = all.get(0, width);
                j.leftKeys().forEach(k -> mention(j.left(), k.column(), left));
                BitSet right = all.get(width, Math.max(width, all.length()));
                j.rightKeys().forEach(k -> mention(j.right(), k.column(), right));
                visit(j.left(), left);
                visit(j.right(), right);
            }
            case CteScanNode c -> visitRoot(c.cte());
            case ModifyingCtesNode m -> {
                m.ctes().forEach(c -> visitRoot(c.cte()));
                visit(m.input(), want);
            }
            case ModifyNode m -> {
                m.returning().forEach(e -> use(e, null, new BitSet()));
                visitRoot(m.input());
            }
            case ColumnarNode c -> visit(c.rowPlan(), want);
            case AppendNode a -> a.inputs().forEach(i -> visit(i, want));
            case org.lakepg.server.sql.plan.MergeAppendNode m -> m.inputs().forEach(i -> visit(i, want));
            default -> PlanNodes.children(p).forEach(this::visitRoot);
        }
    }

    private BitSet with(BitSet want, List<SortKey> keys) {
        BitSet in = (BitSet) want.clone();
        keys.forEach(k -> in.set(k.column()));
        return in;
    }

    /** Marks the columns of {@code input} the expression reads, and plans the subqueries it holds. */
    private void use(BoundExpr e, PlanNode input, BitSet out) {
        ExprRewriter.any(e, x -> {
            if (x instanceof InputRef in && input != null) {
                out.set(in.index());
                mention(input, in.index(), null);
                Object[] base = resolve(input, in.index());
                if (base != null && in.name() != null) {
                    String[] seen = names.computeIfAbsent((PlanNode) base[0], b -> new String[b.width()]);
                    int column = (Integer) base[1];
                    if (column < seen.length && seen[column] == null) {
                        String name = in.name();
                        seen[column] = name.substring(name.lastIndexOf('.') + 1);
                    }
                }
            } else if (x instanceof SubqueryExpr q) {
                visitRoot(q.plan());
            }
            return false;
        });
    }

    /** Marks the input columns the expression reads. */
    static void collect(BoundExpr e, BitSet out) {
        ExprRewriter.any(e, x -> {
            if (x instanceof InputRef in) {
                out.set(in.index());
            }
            return false;
        });
    }

    /** Notes that the query mentions column {@code i} of {@code node} here (for the order of its relation's columns). */
    private void mention(PlanNode node, int i, BitSet out) {
        if (out != null) {
            out.set(i);
        }
        Object[] base = resolve(node, i);
        if (base == null) {
            base = joinSideComputing(node, i, false);
        }
        if (base != null) {
            PlanNode scan = (PlanNode) base[0];
            int column = (Integer) base[1];
            int[] r = ranks.computeIfAbsent(scan, s -> {
                int[] fresh = new int[s.width()];
                java.util.Arrays.fill(fresh, -1);
                return fresh;
            });
            if (column < r.length && r[column] < 0) {
                r[column] = nextRank++;
            }
        }
    }

    /** The relation scan and column a node's column {@code i} passes on unchanged, or null when it is computed. */
    private static Object[] resolve(PlanNode p, int i) {
        return switch (p) {
            case FilterNode f -> resolve(f.input(), i);
            case SortNode s -> resolve(s.input(), i);
            case LimitNode l -> resolve(l.input(), i);
            case DistinctNode d -> resolve(d.input(), i);
            case HashLookupNode h -> resolve(h.input(), i);
            case LockRowsNode l -> resolve(l.input(), i);
            case ModifyingCtesNode m -> resolve(m.input(), i);
            case ColumnarNode c -> resolve(c.rowPlan(), i);
            case ProjectNode x -> i < x.expressions().size() && unwrap(x.expressions().get(i)) instanceof InputRef in
                    ? resolve(x.input(), in.index()) : null;
            case NestedLoopJoinNode j -> i < j.left().width() ? resolve(j.left(), i) : resolve(j.right(), i - j.left().width());
            case MergeJoinNode j -> i < j.left().width() ? resolve(j.left(), i) : resolve(j.right(), i - j.left().width());
            case WindowAggNode w -> i < w.input().width() ? resolve(w.input(), i) : null;
            case ProjectSetNode s -> i < s.input().width() ? resolve(s.input(), i) : null;
            case AggregateNode a -> i < a.groupKeys().size() && unwrap(a.groupKeys().get(i)) instanceof InputRef in
                    ? resolve(a.input(), in.index()) : null;
            case SeqScanNode s -> new Object[] {p, i};
            case IndexScanNode s -> new Object[] {p, i};
            case SystemScanNode s -> new Object[] {p, i};
            case FunctionScanNode f -> new Object[] {p, i};
            case CteScanNode c -> new Object[] {p, i};
            case WorkTableScanNode w -> new Object[] {p, i};
            case ValuesNode v when v.rows().size() > 1 -> new Object[] {p, i};
            default -> null;
        };
    }

    /** The expression under relabelings (a binary-compatible cast changes no value). */
    static BoundExpr unwrap(BoundExpr e) {
        return e instanceof RelabelType r ? unwrap(r.argument()) : e;
    }

    private static BitSet full(PlanNode p) {
        BitSet all = new BitSet();
        all.set(0, p.width());
        return all;
    }
}
