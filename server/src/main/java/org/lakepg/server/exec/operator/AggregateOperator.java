package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.spill.RowSize;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * GROUP BY and aggregates, computed the way pg_aggregate describes them: a state per group updated
 * by the transition function (with PostgreSQL's strictness rules), then the final function.
 * Groups are kept in key order, so the output is sorted by the group keys. Beyond hash_mem (work_mem times
 * hash_mem_multiplier) the rows of new groups are spilled and aggregated after a sort; see docs/spill.md.
 */
final class AggregateOperator {
    private AggregateOperator() {}

    /** The per-aggregate machinery, resolved once. */
    private record Agg(AggregateCall call, CompiledExpr[] args, CompiledExpr filter, ScalarFunction transition,
                       ScalarFunction finish, RowComparator inputOrder, int sharesStateOf) {

        /** An aggregate whose transition state is the one of the aggregate {@code sharesStateOf} (-1: its own). */
        boolean sharesState() {
            return sharesStateOf >= 0;
        }
    }

    private static final class Group {
        final Object[] keys;
        final Object[] states;
        final boolean[] started;
        /** Argument rows of aggregates that sort their input, kept until the group is complete; else null. */
        final List<List<Object[]>> sortedInput;

        Group(Object[] keys, List<Agg> aggs) {
            this.keys = keys;
            this.states = new Object[aggs.size()];
            this.started = new boolean[aggs.size()];
            this.sortedInput = new ArrayList<>();
            for (int i = 0; i < aggs.size(); i++) {
                states[i] = aggs.get(i).call().initialValue();
                sortedInput.add(aggs.get(i).inputOrder() == null ? null : new ArrayList<>());
            }
        }
    }

    static Iterator<Object[]> open(AggregateNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                   FunctionRegistry functions, ExecContext context) {
        if (!node.groupingSets().isEmpty()) {
            return groupingSets(node, input, compiler, functions, context);
        }
        List<CompiledExpr> keyExprs = node.groupKeys().stream().map(compiler::compile).toList();
        List<Agg> aggs = new ArrayList<>();
        for (AggregateCall call : node.aggregates()) {
            CompiledExpr[] args = call.arguments().stream().map(compiler::compile).toArray(CompiledExpr[]::new);
            CompiledExpr filter = call.filter() == null ? null : compiler.compile(call.filter());
            ScalarFunction transition = AggregateFunctions.transition(functions, call);
            ScalarFunction finish = AggregateFunctions.finish(functions, call);
            aggs.add(new Agg(call, args, filter, transition, finish,
                    call.sortsInput() ? new RowComparator(call.argumentOrder(), functions, context) : null,
                    sharedState(aggs.size(), node.aggregates())));
        }
        RowComparator keyOrder = new RowComparator(node.keyOrder(), functions, context);
        Map<Object[], Group> groups = new TreeMap<>(keyOrder);
        long limit = context.memoryLimits().hashMemBytes();
        long memory = 0;
        // once the groups fill hash_mem, rows of groups not in memory are spilled (keys then the row) and
        // aggregated from disk in key order after the input ends; the groups in memory keep taking their rows
        RowSorter spilled = null;
        long sequence = 0;
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] row = input.next();
            Object[] keys = new Object[keyExprs.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = keyExprs.get(i).eval(row, context);
            }
            Group group = groups.get(keys);
            if (group == null) {
                if (spilled != null) {
                    spilled.add(concat(keys, row, sequence++));
                    continue;
                }
                group = new Group(keys, aggs);
                groups.put(keys, group);
                memory += RowSize.of(keys) + GROUP_OVERHEAD + STATE_OVERHEAD * aggs.size();
            }
            for (int a = 0; a < aggs.size(); a++) {
                if (!aggs.get(a).sharesState()) {
                    memory += advance(aggs.get(a), group, a, row, context);
                }
            }
            if (memory > limit && spilled == null && !keyExprs.isEmpty()) {
                // ties in input order, so order-sensitive aggregates (array_agg without ORDER BY) see their rows
                // in the order a group in memory would
                java.util.Comparator<Object[]> stable = keyOrder.thenComparing(r -> (Long) r[r.length - 1]);
                spilled = new RowSorter(stable, context.memoryLimits().workMemBytes(), -1, context);
            }
        }
        if (groups.isEmpty() && keyExprs.isEmpty()) {
            groups.put(new Object[0], new Group(new Object[0], aggs));
        }
        Iterator<Group> it = groups.values().iterator();
        if (spilled != null) {
            Iterator<Group> fromDisk = sortedGroups(spilled.sorted(), keyExprs.size(), keyOrder, aggs, context);
            it = new SortedMerge<>(it, fromDisk, (a, b) -> keyOrder.compare(a.keys, b.keys));
        }
        var stats = context.statsFor(node);
        if (stats != null && !keyExprs.isEmpty()) {
            stats.detail("Batches", spilled == null
                    ? "1  Memory Usage: " + RowSorter.kilobytes(memory) + "kB"
                    : "2  Memory Usage: " + RowSorter.kilobytes(memory) + "kB  Disk Usage: " + spilled.diskKb() + "kB");
        }
        Iterator<Group> groupsInOrder = it;
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                if (!groupsInOrder.hasNext()) {
                    return null;
                }
                Group g = groupsInOrder.next();
                Object[] out = new Object[g.keys.length + aggs.size()];
                System.arraycopy(g.keys, 0, out, 0, g.keys.length);
                for (int a = 0; a < aggs.size(); a++) {
                    Agg agg = aggs.get(a);
                    if (agg.sharesState()) {
                        out[g.keys.length + a] = result(agg, g.states[agg.sharesStateOf()], new Object[0], context);
                        continue;
                    }
                    Object[] direct = agg.inputOrder() == null ? new Object[0] : aggregateSorted(agg, g, a, context);
                    out[g.keys.length + a] = result(agg, g.states[a], direct, context);
                }
                return out;
            }
        };
    }

    /** The first user-defined OID: transition functions from here on are SQL or PL/pgSQL, whose states nothing mutates. */
    private static final long FIRST_NORMAL_OID = org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

    /**
     * The index of an earlier aggregate of the node whose transition state this one can share, or -1: as PostgreSQL's
     * find_compatible_trans, the same transition function over the same inputs (DISTINCT, ORDER BY, FILTER) from the
     * same initial value, differing only in the final function; the transition then runs once per row for both.
     * Only user-defined transition functions share here (the built-in ones may keep mutable states).
     */
    private static int sharedState(int self, List<AggregateCall> all) {
        AggregateCall call = all.get(self);
        if (call.transitionFunction() < FIRST_NORMAL_OID || call.directArguments() > 0) {
            return -1;
        }
        for (int j = 0; j < self; j++) {
            AggregateCall other = all.get(j);
            if (other.transitionFunction() == call.transitionFunction() && other.stateType() == call.stateType()
                    && other.directArguments() == 0 && other.distinct() == call.distinct()
                    && other.sortOnlyArguments() == call.sortOnlyArguments()
                    && other.arguments().equals(call.arguments()) && other.argumentOrder().equals(call.argumentOrder())
                    && java.util.Objects.equals(other.filter(), call.filter())
                    && java.util.Objects.deepEquals(other.initialValue(), call.initialValue())
                    && sharedState(j, all) < 0) {
                return j;
            }
        }
        return -1;
    }

    /** Bytes a group takes besides its keys and states (map entry, arrays), for the hash_mem accounting. */
    private static final long GROUP_OVERHEAD = 96;
    private static final long STATE_OVERHEAD = 32;

    /** A spilled row: the group keys, the input row, its position in the input. */
    private static Object[] concat(Object[] keys, Object[] row, long sequence) {
        Object[] out = java.util.Arrays.copyOf(keys, keys.length + row.length + 1);
        System.arraycopy(row, 0, out, keys.length, row.length);
        out[out.length - 1] = sequence;
        return out;
    }

    /** Groups of spilled rows (keys then the input row) sorted by key: each group is complete when its key changes. */
    private static Iterator<Group> sortedGroups(Iterator<Object[]> sorted, int keyCount, RowComparator keyOrder,
                                                List<Agg> aggs, ExecContext context) {
        return new Iterator<>() {
            Object[] pending = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Group next() {
                if (pending == null) {
                    throw new java.util.NoSuchElementException();
                }
                Object[] first = pending;
                Group group = new Group(java.util.Arrays.copyOf(first, keyCount), aggs);
                Object[] current = first;
                while (true) {
                    Object[] row = java.util.Arrays.copyOfRange(current, keyCount, current.length - 1);
                    for (int a = 0; a < aggs.size(); a++) {
                        if (!aggs.get(a).sharesState()) {
                            advance(aggs.get(a), group, a, row, context);
                        }
                    }
                    pending = sorted.hasNext() ? sorted.next() : null;
                    if (pending == null || keyOrder.compare(first, pending) != 0) {
                        return group;
                    }
                    current = pending;
                }
            }
        };
    }

    /**
     * GROUPING SETS: the input is kept and grouped once per set; each output row carries every key (NULL outside
     * its set), the aggregates, then the set's index.
     */
    private static Iterator<Object[]> groupingSets(AggregateNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                                   FunctionRegistry functions, ExecContext context) {
        List<Object[]> rows = new ArrayList<>();
        while (input.hasNext()) {
            context.checkCancelled();
            rows.add(input.next());
        }
        int keys = node.groupKeys().size();
        List<Object[]> out = new ArrayList<>();
        for (int s = 0; s < node.groupingSets().size(); s++) {
            List<Integer> set = node.groupingSets().get(s);
            AggregateNode one = new AggregateNode(node.input(), set.stream().map(node.groupKeys()::get).toList(),
                    set.stream().map(k -> node.keyOrder().get(k).withColumn(set.indexOf(k))).toList(), node.aggregates());
            Iterator<Object[]> grouped = open(one, rows.iterator(), compiler, functions, context);
            while (grouped.hasNext()) {
                Object[] g = grouped.next();
                Object[] row = new Object[node.width()];
                for (int i = 0; i < set.size(); i++) {
                    row[set.get(i)] = g[i];
                }
                System.arraycopy(g, set.size(), row, keys, node.aggregates().size());
                row[row.length - 1] = s;
                out.add(row);
            }
        }
        return out.iterator();
    }

    /** Feeds a row to one aggregate of a group; returns the bytes of argument rows it buffered (ordered input). */
    private static long advance(Agg agg, Group group, int index, Object[] row, ExecContext context) {
        if (agg.filter() != null && !Boolean.TRUE.equals(agg.filter().eval(row, context))) {
            return 0;
        }
        if (agg.inputOrder() != null) {
            Object[] values = new Object[agg.args().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = agg.args()[i].eval(row, context);
            }
            group.sortedInput.get(index).add(values);
            return RowSize.of(values) + 8;
        }
        Object[] args = new Object[agg.args().length + 1];
        for (int i = 0; i < agg.args().length; i++) {
            args[i + 1] = agg.args()[i].eval(row, context);
        }
        transition(agg, group, index, args, context);
        return 0;
    }

    /**
     * Feeds a group's buffered argument rows to the transition function in the aggregate's input order, skipping
     * DISTINCT duplicates (equal neighbours once sorted); returns the direct arguments of an ordered-set aggregate.
     */
    private static Object[] aggregateSorted(Agg agg, Group group, int index, ExecContext context) {
        List<Object[]> rows = group.sortedInput.get(index);
        PgQuickSort.sort(rows, agg.inputOrder()); // tuplesort's order: ties come out as in PostgreSQL
        int direct = agg.call().directArguments();
        int aggregated = agg.call().aggregatedArgumentCount();
        if (HYPOTHETICAL.equals(agg.call().transitionSource())) {
            group.states[index] = hypothetical(List.copyOf(rows), direct, agg.inputOrder());
            rows.clear();
            return new Object[direct];
        }
        Object[] previous = null;
        for (Object[] row : rows) {
            context.checkCancelled();
            if (agg.call().distinct() && previous != null && agg.inputOrder().compare(previous, row) == 0) {
                continue;
            }
            previous = row;
            Object[] args = new Object[aggregated + 1];
            System.arraycopy(row, direct, args, 1, aggregated);
            transition(agg, group, index, args, context);
        }
        Object[] directValues = rows.isEmpty() ? new Object[direct] : java.util.Arrays.copyOf(rows.get(0), direct);
        rows.clear();
        return directValues;
    }

    private static final String HYPOTHETICAL = "ordered_set_transition_multi";

    /** The hypothetical row of rank(3, 'b') WITHIN GROUP (ORDER BY x, t): the direct values where x and t are. */
    private static org.lakepg.server.function.aggregate.HypotheticalRows hypothetical(List<Object[]> rows, int direct,
                                                                                      RowComparator order) {
        Object[] hypothetical = new Object[rows.isEmpty() ? 0 : rows.get(0).length];
        if (!rows.isEmpty()) {
            System.arraycopy(rows.get(0), 0, hypothetical, direct, direct);
        }
        return new org.lakepg.server.function.aggregate.HypotheticalRows(rows, hypothetical, order);
    }

    /** One transition step, {@code args[0]} being the place of the state, with PostgreSQL's strictness rules. */
    private static void transition(Agg agg, Group group, int index, Object[] args, ExecContext context) {
        boolean anyNull = false;
        for (int i = 1; i < args.length; i++) {
            anyNull |= args[i] == null;
        }
        if (agg.call().transitionStrict()) {
            if (anyNull) {
                return;
            }
            if (group.states[index] == null) {
                if (!group.started[index] && agg.call().initialValue() == null) {
                    // strict transition without an initial value: the first input becomes the state
                    group.states[index] = args[1];
                    group.started[index] = true;
                }
                return;
            }
        }
        args[0] = group.states[index];
        group.states[index] = agg.transition().apply(args, context);
        group.started[index] = true;
    }

    /** The final function over the state, the direct arguments and (finalextra) NULLs for the aggregated ones. */
    private static Object result(Agg agg, Object state, Object[] direct, ExecContext context) {
        if (agg.finish() == null) {
            return state;
        }
        if (state == null && agg.call().finalStrict()) {
            return null;
        }
        int extra = agg.call().finalExtra() ? agg.call().aggregatedArgumentCount() : 0;
        Object[] args = new Object[1 + direct.length + extra];
        args[0] = state;
        System.arraycopy(direct, 0, args, 1, direct.length);
        return agg.finish().apply(args, context);
    }
}
