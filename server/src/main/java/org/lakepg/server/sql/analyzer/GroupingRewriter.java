package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.AggRef;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Re-expresses the expressions above a GROUP BY over the aggregate node's output (group keys, then
 * aggregate results): a subexpression equal to a group key becomes that key's column, an aggregate
 * its result column; a column left over is PostgreSQL's 42803 error.
 */
final class GroupingRewriter {
    private final List<BoundExpr> keys;
    private final List<List<Integer>> groupingSets;
    private final int groupingSetColumn;

    private final java.util.function.ToIntFunction<BoundExpr> columnLocations;
    private final java.util.function.IntFunction<java.util.Optional<BoundExpr>> mergedValues;
    /** The aggregates the AggRefs name, whose direct arguments (ordered-set aggregates) must be grouped too. */
    private List<org.lakepg.server.sql.plan.AggregateCall> aggregates = List.of();

    GroupingRewriter(List<BoundExpr> keys) {
        this(keys, List.of(), -1, column -> -1, column -> java.util.Optional.empty());
    }

    /**
     * Over an aggregate node with grouping sets: GROUPING() reads the set index at {@code groupingSetColumn};
     * {@code columnLocations} gives where an ungrouped column was written, for the error's position;
     * {@code mergedValues} gives what a merged USING column computes from the sides' columns.
     */
    GroupingRewriter(List<BoundExpr> keys, List<List<Integer>> groupingSets, int groupingSetColumn,
                     java.util.function.ToIntFunction<BoundExpr> columnLocations,
                     java.util.function.IntFunction<java.util.Optional<BoundExpr>> mergedValues) {
        this.keys = keys;
        this.mergedValues = mergedValues;
        this.groupingSets = groupingSets;
        this.groupingSetColumn = groupingSetColumn;
        this.columnLocations = columnLocations;
    }

    /** Also checks, where an aggregate is used, that its direct arguments use only grouped columns. */
    GroupingRewriter checkingDirectArguments(List<org.lakepg.server.sql.plan.AggregateCall> calls) {
        this.aggregates = calls;
        return this;
    }

    private void checkDirectArguments(AggRef a) {
        if (a.index() >= aggregates.size()) {
            return;
        }
        var call = aggregates.get(a.index());
        for (int i = 0; i < call.directArguments(); i++) {
            try {
                rewrite(call.arguments().get(i));
            } catch (PgException ungrouped) {
                if (ungrouped.sqlState() == SqlState.GROUPING_ERROR && ungrouped.detail() == null) {
                    throw ungrouped.withDetail("Direct arguments of an ordered-set aggregate must use only grouped columns.");
                }
                throw ungrouped;
            }
        }
    }

    /** The analyzer's stand-in for GROUPING(args) until the grouping is known (see {@link #grouping}). */
    static FuncExpr groupingCall(List<BoundExpr> arguments) {
        return new FuncExpr(0, "grouping", GROUPING, FuncExpr.Form.CALL, arguments, false, 'i', TypeOids.INT4, -1);
    }

    static boolean containsGrouping(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof FuncExpr f && GROUPING.equals(f.source()));
    }

    private static final String GROUPING = "lakepg grouping";

    /**
     * GROUPING(a, b): bit i set when argument i is not grouped in the row's grouping set (PostgreSQL's order: the
     * last argument is bit 0), a constant per set.
     */
    private BoundExpr grouping(FuncExpr f) {
        int[] argumentKeys = new int[f.arguments().size()];
        for (int i = 0; i < argumentKeys.length; i++) {
            argumentKeys[i] = keyIndex(f.arguments().get(i));
            if (argumentKeys[i] < 0) {
                throw PgException.of(SqlState.GROUPING_ERROR,
                        "arguments to GROUPING must be grouping expressions of the associated query level");
            }
        }
        if (groupingSets.isEmpty()) {
            return new Const(TypeOids.INT4, -1, 0);
        }
        List<CaseExpr.When> whens = new ArrayList<>();
        for (int s = 0; s < groupingSets.size(); s++) {
            int mask = 0;
            for (int key : argumentKeys) {
                mask = (mask << 1) | (groupingSets.get(s).contains(key) ? 0 : 1);
            }
            BoundExpr isSet = new FuncExpr(65, "=", "int4eq", FuncExpr.Form.OPERATOR,
                    List.of(new InputRef(groupingSetColumn, TypeOids.INT4, -1, null), new Const(TypeOids.INT4, -1, s)),
                    true, 'i', TypeOids.BOOL, -1);
            whens.add(new CaseExpr.When(isSet, new Const(TypeOids.INT4, -1, mask)));
        }
        return new CaseExpr(whens, new Const(TypeOids.INT4, -1, null), TypeOids.INT4, -1);
    }

    /** An aggregate computed as a window function above the grouping: its arguments are over the groups. */
    org.lakepg.server.sql.plan.AggregateCall rewrite(org.lakepg.server.sql.plan.AggregateCall a) {
        return a.withExpressions(all(a.arguments()), a.filter() == null ? null : rewrite(a.filter()));
    }

    /** The group key equal to {@code e}; a column matches whatever name it carries (t.a, or a from t.*). */
    private int keyIndex(BoundExpr e) {
        int key = keys.indexOf(e);
        if (key < 0 && e instanceof InputRef in) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) instanceof InputRef k && k.index() == in.index() && k.type() == in.type()
                        && k.typmod() == in.typmod()) {
                    return i;
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                // GROUP BY the merged column of a USING join groups the side's column it takes
                if (keys.get(i) instanceof InputRef k && mergedValues.apply(k.index()).orElse(null) instanceof InputRef side
                        && side.index() == in.index() && side.type() == in.type() && side.typmod() == in.typmod()) {
                    return i;
                }
            }
        }
        return key;
    }

    BoundExpr rewrite(BoundExpr e) {
        int key = keyIndex(e);
        if (key >= 0) {
            return new InputRef(key, e.type(), e.typmod(), null);
        }
        return switch (e) {
            case AggRef a -> {
                checkDirectArguments(a);
                yield new InputRef(keys.size() + a.index(), a.type(), a.typmod(), null);
            }
            // a merged USING column is grouped when what it computes is (PostgreSQL flattens join aliases first)
            case InputRef in when mergedValues.apply(in.index()).isPresent() -> rewrite(
                    mergedValues.apply(in.index()).get());
            case InputRef in -> throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR,
                    "column \"%s\" must appear in the GROUP BY clause or be used in an aggregate function", in.name()),
                    columnLocations.applyAsInt(in));
            case Const c -> c;
            case ParamRef p -> p;
            case FuncExpr f when GROUPING.equals(f.source()) -> grouping(f);
            case FuncExpr f -> new FuncExpr(f.function(), f.name(), f.source(), f.form(), all(f.arguments()), f.strict(),
                    f.volatility(), f.type(), f.typmod());
            case BoolExpr b -> new BoolExpr(b.kind(), all(b.arguments()));
            case NullTest t -> new NullTest(rewrite(t.argument()), t.negated());
            case CaseExpr c -> new CaseExpr(c.whens().stream()
                    .map(w -> new CaseExpr.When(rewrite(w.condition()), rewrite(w.result()))).toList(),
                    rewrite(c.otherwise()), c.type(), c.typmod(), c.subject() == null ? null : rewrite(c.subject()));
            case CoalesceExpr c -> new CoalesceExpr(all(c.arguments()), c.type(), c.typmod());
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> new org.lakepg.server.sql.plan.expr.MinMaxExpr(m.op(),
                    all(m.arguments()), m.comparisonFunction(), m.comparisonSource(), m.type(), m.typmod());
            case CoerceViaIO c -> new CoerceViaIO(rewrite(c.argument()), c.type(), c.typmod());
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> new org.lakepg.server.sql.plan.expr.ArrayCoerceExpr(
                    rewrite(a.argument()), a.elementCast(), a.type(), a.typmod());
            case RelabelType r -> new RelabelType(rewrite(r.argument()), r.type(), r.typmod());
            case ArrayExpr a -> new ArrayExpr(all(a.elements()), a.elementType(), a.type());
            case org.lakepg.server.sql.plan.expr.SubqueryExpr q -> new org.lakepg.server.sql.plan.expr.SubqueryExpr(
                    q.kind(), q.plan(), q.test() == null ? null : rewrite(q.test()), q.comparison(), q.type(),
                    q.correlations().stream().map(c -> new Correlation(c.id(), outerValue(c.value()))).toList(),
                    q.hashedAlternative());
            case OuterParam p -> p;
            case org.lakepg.server.sql.plan.expr.WindowRef w -> w;
            case org.lakepg.server.sql.plan.expr.SubscriptAssignExpr x -> x.map(this::rewrite);
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr x -> new org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr(
                    x.any(), x.operator(), rewrite(x.left()), rewrite(x.array()), x.comparison());
            case org.lakepg.server.sql.plan.expr.SubscriptExpr x -> new org.lakepg.server.sql.plan.expr.SubscriptExpr(
                    rewrite(x.array()), x.lower().stream().map(b -> b == null ? null : rewrite(b)).toList(),
                    x.upper().stream().map(b -> b == null ? null : rewrite(b)).toList(), x.slice(), x.type());
        };
    }

    /** A correlated subquery's outer value must be grouped too, with PostgreSQL's own wording. */
    private BoundExpr outerValue(BoundExpr value) {
        try {
            return rewrite(value);
        } catch (PgException e) {
            if (value instanceof InputRef in && e.sqlState() == SqlState.GROUPING_ERROR) {
                throw PgException.of(SqlState.GROUPING_ERROR, "subquery uses ungrouped column \"%s\" from outer query",
                        in.name());
            }
            throw e;
        }
    }

    private List<BoundExpr> all(List<BoundExpr> exprs) {
        return exprs.stream().map(this::rewrite).toList();
    }
}
