package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PresortedInputs;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Builds the operator (an iterator of rows) for each plan node; the simple ones live here. */
public final class Operators {
    private final ExprCompiler compiler;
    private final FunctionRegistry functions;

    public Operators(ExprCompiler compiler, FunctionRegistry functions) {
        this.compiler = compiler;
        this.functions = functions;
    }

    public Iterator<Object[]> open(PlanNode plan, ExecContext context) {
        Iterator<Object[]> rows = operator(plan, context);
        var stats = context.statsFor(plan);
        return stats == null ? rows : new org.lakepg.server.exec.explain.Instrumented(rows, stats);
    }

    private static Iterator<Object[]> instrumented(PlanNode plan, Iterator<Object[]> rows, ExecContext context) {
        var stats = context.statsFor(plan);
        return stats == null ? rows : new org.lakepg.server.exec.explain.Instrumented(rows, stats);
    }

    private Iterator<Object[]> operator(PlanNode plan, ExecContext context) {
        return switch (plan) {
            case ResultNode r -> List.<Object[]>of(new Object[0]).iterator();
            case ValuesNode v -> values(v, context);
            case FilterNode f -> filter(f, context);
            case ProjectNode p -> project(p, context);
            case SortNode s -> sort(s, context, -1);
            case LimitNode l -> limit(l, context);
            case AggregateNode a -> AggregateOperator.open(a, open(a.input(), context), compiler, functions, context);
            case DistinctNode d -> distinct(d, context);
            case AppendNode a -> append(a, context);
            case org.lakepg.server.sql.plan.MergeAppendNode m -> new MergeAppend(m.inputs().stream()
                    .<java.util.function.Supplier<Iterator<Object[]>>>map(in -> () -> open(in, context)).toList(),
                    new RowComparator(m.keys(), functions, context), context);
            case SetOpNode s -> SetOperations.open(s, open(s.left(), context), open(s.right(), context),
                    new RowComparator(s.keys(), functions, context), context);
            case org.lakepg.server.sql.plan.SeqScanNode s -> TableOperators.seqScan(s, context);
            case org.lakepg.server.sql.plan.ColumnarNode c -> c.query().run(context);
            case org.lakepg.server.sql.plan.LockRowsNode l -> LockRows.open(l, open(l.input(), context), context);
            case org.lakepg.server.sql.plan.SystemScanNode s -> s.relation().scan(context.catalogView()).iterator();
            case org.lakepg.server.sql.plan.IndexScanNode i when i.index().gin() -> GinBitmapScan.open(i, compiler, context);
            case org.lakepg.server.sql.plan.IndexScanNode i when !i.probe() -> IndexConditionScan.open(i, compiler, context);
            case org.lakepg.server.sql.plan.IndexScanNode i -> TableOperators.indexScan(i, compiler.compile(i.key()), context);
            case org.lakepg.server.sql.plan.ModifyNode m -> TableOperators.modify(m, open(m.input(), context), compiler,
                    context);
            case org.lakepg.server.sql.plan.RoutedInsertNode r -> PartitionRouting.insert(r, open(r.insert().input(), context),
                    compiler, context);
            case org.lakepg.server.sql.plan.ParentModifyNode m -> ParentStatements.run(m, context,
                    member -> open(member, context));
            case org.lakepg.server.sql.plan.PartitionUpdateNode u -> PartitionRouting.update(u,
                    open(u.update().input(), context), compiler, context);
            case org.lakepg.server.sql.plan.CteScanNode c -> context.cteBuffer(c.cte()).reader();
            case org.lakepg.server.sql.plan.WorkTableScanNode w -> context.workTable(w.workTableId()).iterator();
            case org.lakepg.server.sql.plan.RecursiveUnionNode r -> RecursiveUnion.open(r, open(r.nonRecursive(), context),
                    () -> open(r.recursive(), context), new RowComparator(r.keys(), functions, context), context);
            case org.lakepg.server.sql.plan.ModifyingCtesNode m -> ModifyingCtes.open(m, context,
                    () -> open(m.input(), context));
            case org.lakepg.server.sql.plan.RuleActionsNode r -> RuleActions.open(r, step -> open(step, context), context);
            case org.lakepg.server.sql.plan.FunctionScanNode f -> FunctionScan.open(f, compiler, context);
            case org.lakepg.server.sql.plan.ProjectSetNode p -> ProjectSet.open(p, open(p.input(), context), compiler, context);
            case org.lakepg.server.sql.plan.WindowAggNode w -> WindowAgg.open(w, open(w.input(), context), compiler,
                    functions, context);
            case org.lakepg.server.sql.plan.SubqueryScanNode s -> open(s.input(), context);
            case org.lakepg.server.sql.plan.HashLookupNode h -> HashLookup.open(h, () -> open(h.input(), context), compiler,
                    context);
            case org.lakepg.server.sql.plan.MergeJoinNode j -> MergeJoin.open(j, open(j.left(), context),
                    open(j.right(), context), j.condition() == null ? null : compiler.compile(j.condition()), functions,
                    context);
            case NestedLoopJoinNode j when HashJoin.applies(j) -> HashJoin.open(j, open(j.left(), context),
                    () -> open(((org.lakepg.server.sql.plan.HashLookupNode) j.right()).input(), context),
                    HashJoin.probeKey(j.lateral().stream().map(c -> compiler.compile(c.value())).toArray(CompiledExpr[]::new),
                            context),
                    j.condition() == null ? null : compiler.compile(j.condition()), context);
            case NestedLoopJoinNode j -> NestedLoopJoin.open(j, open(j.left(), context), rightSide(j, context),
                    j.condition() == null ? null : compiler.compile(j.condition()), context);
        };
    }

    /** A join's right side; a LATERAL one gets the left row's values as parameters before each run. */
    private NestedLoopJoin.RightSide rightSide(NestedLoopJoinNode j, ExecContext context) {
        if (j.lateral().isEmpty()) {
            return leftRow -> open(j.right(), context);
        }
        int[] ids = j.lateral().stream().mapToInt(org.lakepg.server.sql.plan.expr.Correlation::id).toArray();
        CompiledExpr[] values = j.lateral().stream().map(c -> compiler.compile(c.value())).toArray(CompiledExpr[]::new);
        var dependents = org.lakepg.server.exec.ParamDependents.of(j.right(), ids);
        NestedLoopJoin.RightSide run = leftRow -> {
            Object[] evaluated = new Object[ids.length];
            for (int i = 0; i < ids.length; i++) {
                evaluated[i] = values[i].eval(leftRow, context);
            }
            for (int i = 0; i < ids.length; i++) {
                context.setOuterParam(ids[i], evaluated[i]);
            }
            if (!dependents.isEmpty()) {
                context.resetCtes(dependents);
            }
            return open(j.right(), context);
        };
        if (!org.lakepg.server.sql.optimizer.Memoization.cacheable(j)) {
            return run;
        }
        // Memoize: the side's rows follow from its parameters alone, so each distinct set of values runs it once
        java.util.Map<List<Object>, List<Object[]>> cache = new java.util.HashMap<>();
        long[] cachedRows = {0};
        return leftRow -> {
            Object[] key = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                key[i] = values[i].eval(leftRow, context);
                if (key[i] instanceof byte[] || key[i] instanceof Object[]) {
                    return run.open(leftRow); // compared by identity in Java: not worth keeping
                }
            }
            List<Object> k = java.util.Arrays.asList(key);
            List<Object[]> known = cache.get(k);
            var stats = context.statsFor(j.right()); // EXPLAIN ANALYZE's Hits and Misses
            if (known != null) {
                if (stats != null) {
                    stats.cacheHit(known.size());
                }
                return known.iterator();
            }
            List<Object[]> rows = new ArrayList<>();
            run.open(leftRow).forEachRemaining(rows::add);
            boolean kept = cachedRows[0] + rows.size() <= MEMOIZED_ROWS;
            if (kept) {
                cache.put(k, rows);
                cachedRows[0] += rows.size();
            }
            if (stats != null) {
                stats.cacheMiss(rows.size(), kept);
            }
            return rows.iterator();
        };
    }

    /** Rows a Memoize keeps at most; keys met after that run their side again. */
    private static final long MEMOIZED_ROWS = 100_000;

    private Iterator<Object[]> values(ValuesNode v, ExecContext context) {
        // plain loops: a one-row INSERT ... VALUES runs this per statement
        CompiledExpr[][] rows = new CompiledExpr[v.rows().size()][];
        for (int r = 0; r < rows.length; r++) {
            List<BoundExpr> row = v.rows().get(r);
            rows[r] = new CompiledExpr[row.size()];
            for (int i = 0; i < rows[r].length; i++) {
                rows[r][i] = compiler.compile(row.get(i));
            }
        }
        Object[] empty = new Object[0];
        return new RowIterator() {
            private int next;

            @Override
            protected Object[] computeNext() {
                if (next == rows.length) {
                    return null;
                }
                CompiledExpr[] row = rows[next++];
                Object[] out = new Object[row.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = row[i].eval(empty, context);
                }
                return out;
            }
        };
    }

    private Iterator<Object[]> filter(FilterNode f, ExecContext context) {
        if (f.condition() instanceof org.lakepg.server.sql.plan.expr.Const k && Boolean.FALSE.equals(k.value())) {
            return java.util.Collections.emptyIterator(); // a gating Result never runs its input
        }
        Iterator<Object[]> input = open(f.input(), context);
        CompiledExpr condition = compiler.compile(f.condition());
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                while (input.hasNext()) {
                    context.checkCancelled();
                    Object[] row = input.next();
                    if (Boolean.TRUE.equals(condition.eval(row, context))) {
                        return row;
                    }
                }
                return null;
            }
        };
    }

    private Iterator<Object[]> project(ProjectNode p, ExecContext context) {
        return project(p, open(p.input(), context), context);
    }

    private Iterator<Object[]> project(ProjectNode p, Iterator<Object[]> input, ExecContext context) {
        MultiAssignedRows.Projection projection = MultiAssignedRows.projection(p.expressions(), p.input().width(),
                compiler);
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                if (!input.hasNext()) {
                    return null;
                }
                return projection.apply(input.next(), context);
            }
        };
    }

    /** @param bound how many leading rows a LIMIT above wants (top-N), or -1 for all */
    private Iterator<Object[]> sort(SortNode s, ExecContext context, long bound) {
        Iterator<Object[]> input = open(s.input(), context);
        if (PresortedInputs.presorted(s)) {
            return input; // an ordered index scan already delivers the order (PostgreSQL plans no Sort here)
        }
        RowSorter sorter = new RowSorter(new RowComparator(s.keys(), functions, context),
                context.memoryLimits().workMemBytes(), bound, context);
        while (input.hasNext()) {
            context.checkCancelled();
            sorter.add(input.next());
        }
        Iterator<Object[]> sorted = sorter.sorted();
        var stats = context.statsFor(s);
        if (stats != null) {
            stats.detail("Sort Method", sorter.explained());
        }
        return sorted;
    }

    /**
     * A LIMIT's row count passed down to a Sort through projections and subquery scans (ExecSetTupleBound), opened
     * bounded; null when no Sort is reached that way.
     */
    private Iterator<Object[]> bounded(PlanNode p, long bound, ExecContext context) {
        return switch (p) {
            case SortNode s -> instrumented(s, sort(s, context, bound), context);
            // each input of a merge needs at most the bound's rows too (ExecSetTupleBound)
            case org.lakepg.server.sql.plan.MergeAppendNode m -> instrumented(m, new MergeAppend(m.inputs().stream()
                    .<java.util.function.Supplier<Iterator<Object[]>>>map(in -> () -> {
                        Iterator<Object[]> rows = bounded(in, bound, context);
                        return rows == null ? open(in, context) : rows;
                    }).toList(), new RowComparator(m.keys(), functions, context), context), context);
            case ProjectNode x -> {
                Iterator<Object[]> input = bounded(x.input(), bound, context);
                yield input == null ? null : instrumented(x, project(x, input, context), context);
            }
            case org.lakepg.server.sql.plan.SubqueryScanNode q -> {
                Iterator<Object[]> input = bounded(q.input(), bound, context);
                yield input == null ? null : instrumented(q, input, context);
            }
            default -> null;
        };
    }

    private Iterator<Object[]> limit(LimitNode l, ExecContext context) {
        Object[] none = new Object[0];
        long offset = 0;
        long count = Long.MAX_VALUE;
        if (l.offset() != null) {
            Object v = compiler.compile(l.offset()).eval(none, context);
            if (v != null) {
                offset = (Long) v;
                if (offset < 0) {
                    throw PgException.of(SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, "OFFSET must not be negative");
                }
            }
        }
        if (l.count() != null) {
            Object v = compiler.compile(l.count()).eval(none, context);
            if (v != null) {
                count = (Long) v;
                if (count < 0) {
                    throw PgException.of(SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, "LIMIT must not be negative");
                }
            }
        }
        Iterator<Object[]> input;
        Iterator<Object[]> boundedInput = l.ties().isEmpty() && count != Long.MAX_VALUE
                && offset <= Long.MAX_VALUE - count ? bounded(l.input(), offset + count, context) : null;
        if (boundedInput != null) {
            // ORDER BY ... LIMIT: the sort only needs to keep the first offset + count rows
            input = boundedInput;
        } else {
            input = open(l.input(), context);
        }
        long skip = offset;
        long take = count;
        RowComparator ties = l.ties().isEmpty() ? null : new RowComparator(l.ties(), functions, context);
        return new RowIterator() {
            long skipped;
            long taken;
            Object[] last;

            @Override
            protected Object[] computeNext() {
                while (skipped < skip && input.hasNext()) {
                    input.next();
                    skipped++;
                }
                if (!input.hasNext()) {
                    return null;
                }
                if (taken >= take) {
                    if (ties == null || last == null) {
                        return null;
                    }
                    Object[] next = input.next();
                    return ties.compare(last, next) == 0 ? next : null; // a tie of the last counted row
                }
                taken++;
                last = input.next();
                return last;
            }
        };
    }

    /**
     * DISTINCT: a row is returned when first seen. Once the rows seen fill hash_mem, rows not among them are spilled
     * and, after the input ends, returned once each from a sort.
     */
    private Iterator<Object[]> distinct(DistinctNode d, ExecContext context) {
        Iterator<Object[]> input = open(d.input(), context);
        RowComparator order = new RowComparator(d.keys(), functions, context);
        TreeSet<Object[]> seen = new TreeSet<>(order);
        long limit = context.memoryLimits().hashMemBytes();
        return new RowIterator() {
            long memory;
            RowSorter spilled;
            Iterator<Object[]> fromDisk;
            Object[] previous;

            @Override
            protected Object[] computeNext() {
                while (fromDisk == null && input.hasNext()) {
                    context.checkCancelled();
                    Object[] row = input.next();
                    if (seen.contains(row)) {
                        continue;
                    }
                    if (spilled != null) {
                        spilled.add(row);
                        continue;
                    }
                    seen.add(row);
                    memory += org.lakepg.server.exec.spill.RowSize.of(row) + 64;
                    if (memory > limit) {
                        spilled = new RowSorter(order, context.memoryLimits().workMemBytes(), -1, context);
                    }
                    return row;
                }
                if (spilled == null) {
                    return null;
                }
                if (fromDisk == null) {
                    fromDisk = spilled.sorted();
                }
                while (fromDisk.hasNext()) {
                    Object[] row = fromDisk.next();
                    if (previous == null || order.compare(previous, row) != 0) {
                        previous = row;
                        return row;
                    }
                }
                return null;
            }
        };
    }

    private Iterator<Object[]> append(AppendNode a, ExecContext context) {
        Iterator<PlanNode> inputs = a.inputs().iterator();
        return new RowIterator() {
            Iterator<Object[]> current = Collections.emptyIterator();

            @Override
            protected Object[] computeNext() {
                while (!current.hasNext()) {
                    if (!inputs.hasNext()) {
                        return null;
                    }
                    current = open(inputs.next(), context);
                }
                return current.next();
            }
        };
    }
}
