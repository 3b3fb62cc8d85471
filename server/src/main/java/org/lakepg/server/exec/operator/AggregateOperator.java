package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * GROUP BY and aggregates, computed the way pg_aggregate describes them: a state per group updated
 * by the transition function (with PostgreSQL's strictness rules), then the final function.
 * Groups are kept in key order, so the output is sorted by the group keys.
 */
final class AggregateOperator {
    private AggregateOperator() {}

    /** The per-aggregate machinery, resolved once. */
    private record Agg(AggregateCall call, CompiledExpr[] args, CompiledExpr filter, ScalarFunction transition,
                       ScalarFunction finish) {}

    private static final class Group {
        final Object[] keys;
        final Object[] states;
        final boolean[] started;
        final List<TreeSet<Object[]>> distinctSeen;

        Group(Object[] keys, List<Agg> aggs, List<java.util.Comparator<Object[]>> distinctOrders) {
            this.keys = keys;
            this.states = new Object[aggs.size()];
            this.started = new boolean[aggs.size()];
            this.distinctSeen = new ArrayList<>();
            for (int i = 0; i < aggs.size(); i++) {
                states[i] = aggs.get(i).call().initialValue();
                distinctSeen.add(distinctOrders.get(i) == null ? null : new TreeSet<>(distinctOrders.get(i)));
            }
        }
    }

    static Iterator<Object[]> open(AggregateNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                   FunctionRegistry functions, ExecContext context) {
        List<CompiledExpr> keyExprs = node.groupKeys().stream().map(compiler::compile).toList();
        List<Agg> aggs = new ArrayList<>();
        List<java.util.Comparator<Object[]>> distinctOrders = new ArrayList<>();
        for (AggregateCall call : node.aggregates()) {
            CompiledExpr[] args = call.arguments().stream().map(compiler::compile).toArray(CompiledExpr[]::new);
            CompiledExpr filter = call.filter() == null ? null : compiler.compile(call.filter());
            ScalarFunction transition = code(functions, call.transitionSource(), call.name());
            ScalarFunction finish = call.finalSource() == null ? null : code(functions, call.finalSource(), call.name());
            finish = AggregateCalls.withArgumentTypes(finish, call);
            aggs.add(new Agg(call, args, filter, transition, finish));
            if (call.distinct()) {
                distinctOrders.add(new RowComparator(call.argumentOrder(), functions, context));
            } else {
                distinctOrders.add(null);
            }
        }
        RowComparator keyOrder = new RowComparator(node.keyOrder(), functions, context);
        Map<Object[], Group> groups = new TreeMap<>(keyOrder);
        while (input.hasNext()) {
            context.checkCancelled();
            Object[] row = input.next();
            Object[] keys = new Object[keyExprs.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = keyExprs.get(i).eval(row, context);
            }
            Group group = groups.computeIfAbsent(keys, k -> new Group(k, aggs, distinctOrders));
            for (int a = 0; a < aggs.size(); a++) {
                advance(aggs.get(a), group, a, row, context);
            }
        }
        if (groups.isEmpty() && keyExprs.isEmpty()) {
            groups.put(new Object[0], new Group(new Object[0], aggs, distinctOrders));
        }
        Iterator<Group> it = groups.values().iterator();
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                if (!it.hasNext()) {
                    return null;
                }
                Group g = it.next();
                Object[] out = new Object[g.keys.length + aggs.size()];
                System.arraycopy(g.keys, 0, out, 0, g.keys.length);
                for (int a = 0; a < aggs.size(); a++) {
                    out[g.keys.length + a] = result(aggs.get(a), g.states[a], context);
                }
                return out;
            }
        };
    }

    private static ScalarFunction code(FunctionRegistry functions, String source, String aggregate) {
        return functions.lookup(source).orElseThrow(() -> PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "aggregate %s is not implemented in lakepg yet", aggregate));
    }

    private static void advance(Agg agg, Group group, int index, Object[] row, ExecContext context) {
        if (agg.filter() != null && !Boolean.TRUE.equals(agg.filter().eval(row, context))) {
            return;
        }
        Object[] args = new Object[agg.args().length + 1];
        boolean anyNull = false;
        for (int i = 0; i < agg.args().length; i++) {
            args[i + 1] = agg.args()[i].eval(row, context);
            anyNull |= args[i + 1] == null;
        }
        if (agg.call().distinct()) {
            Object[] values = java.util.Arrays.copyOfRange(args, 1, args.length);
            if (anyNull || !group.distinctSeen.get(index).add(values)) {
                return;
            }
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

    private static Object result(Agg agg, Object state, ExecContext context) {
        if (agg.finish() == null) {
            return state;
        }
        if (state == null && agg.call().finalStrict()) {
            return null;
        }
        int extra = agg.call().finalExtra() ? agg.call().arguments().size() : 0;
        Object[] args = new Object[1 + extra];
        args[0] = state;
        return agg.finish().apply(args, context);
    }
}
