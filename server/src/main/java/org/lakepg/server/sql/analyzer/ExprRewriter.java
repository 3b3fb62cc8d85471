package org.lakepg.server.sql.analyzer;

import java.util.List;
import java.util.function.UnaryOperator;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CaseExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * Rebuilds an analyzed expression bottom-up, letting a function replace any node after its children
 * were rebuilt (used to move set-returning and window function calls into the nodes that compute them).
 * A subquery's own plan is left alone; its test and outer values are rewritten.
 */
public final class ExprRewriter {
    private ExprRewriter() {}

    public static BoundExpr map(BoundExpr e, UnaryOperator<BoundExpr> f) {
        BoundExpr rebuilt = switch (e) {
            case FuncExpr x -> new FuncExpr(x.function(), x.name(), x.source(), x.form(), all(x.arguments(), f),
                    x.strict(), x.volatility(), x.type(), x.typmod());
            case BoolExpr b -> new BoolExpr(b.kind(), all(b.arguments(), f));
            case NullTest t -> new NullTest(map(t.argument(), f), t.negated());
            case CaseExpr c -> new CaseExpr(c.whens().stream()
                    .map(w -> new CaseExpr.When(map(w.condition(), f), map(w.result(), f))).toList(),
                    map(c.otherwise(), f), c.type(), c.typmod(), c.subject() == null ? null : map(c.subject(), f));
            case CoalesceExpr c -> new CoalesceExpr(all(c.arguments(), f), c.type(), c.typmod());
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> new org.lakepg.server.sql.plan.expr.MinMaxExpr(m.op(),
                    all(m.arguments(), f), m.comparisonFunction(), m.comparisonSource(), m.type(), m.typmod());
            case CoerceViaIO c -> new CoerceViaIO(map(c.argument(), f), c.type(), c.typmod());
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> new org.lakepg.server.sql.plan.expr.ArrayCoerceExpr(
                    map(a.argument(), f), a.elementCast(), a.type(), a.typmod());
            case RelabelType r -> new RelabelType(map(r.argument(), f), r.type(), r.typmod());
            case ArrayExpr a -> new ArrayExpr(all(a.elements(), f), a.elementType(), a.type());
            case SubqueryExpr q -> new SubqueryExpr(q.kind(), q.plan(), q.test() == null ? null : map(q.test(), f),
                    q.comparison(), q.type(), q.correlations().stream()
                    .map(c -> new Correlation(c.id(), map(c.value(), f))).toList(), q.hashedAlternative());
            case org.lakepg.server.sql.plan.expr.SubscriptExpr x -> new org.lakepg.server.sql.plan.expr.SubscriptExpr(
                    map(x.array(), f), x.lower().stream().map(b -> b == null ? null : map(b, f)).toList(),
                    x.upper().stream().map(b -> b == null ? null : map(b, f)).toList(), x.slice(), x.type());
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr x -> new org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr(
                    x.any(), x.operator(), map(x.left(), f), map(x.array(), f), x.comparison());
            case org.lakepg.server.sql.plan.expr.SubscriptAssignExpr x -> x.map(b -> map(b, f));
            default -> e;
        };
        return f.apply(rebuilt);
    }

    public static List<BoundExpr> all(List<BoundExpr> exprs, UnaryOperator<BoundExpr> f) {
        return exprs.stream().map(x -> map(x, f)).toList();
    }

    /**
     * Whether any node of the expression satisfies the test, which sees every node once, children before their
     * parent, as {@link #map} would show them — without rebuilding the tree (callers run on every execution).
     */
    public static boolean any(BoundExpr e, java.util.function.Predicate<BoundExpr> test) {
        boolean found = switch (e) {
            case FuncExpr x -> anyOf(x.arguments(), test);
            case BoolExpr b -> anyOf(b.arguments(), test);
            case NullTest t -> any(t.argument(), test);
            case CaseExpr c -> {
                boolean f = false;
                for (CaseExpr.When w : c.whens()) {
                    f |= any(w.condition(), test);
                    f |= any(w.result(), test);
                }
                f |= c.otherwise() != null && any(c.otherwise(), test);
                yield c.subject() != null ? any(c.subject(), test) | f : f;
            }
            case CoalesceExpr c -> anyOf(c.arguments(), test);
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> anyOf(m.arguments(), test);
            case CoerceViaIO c -> any(c.argument(), test);
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> any(a.argument(), test);
            case RelabelType r -> any(r.argument(), test);
            case ArrayExpr a -> anyOf(a.elements(), test);
            case SubqueryExpr q -> {
                boolean f = q.test() != null && any(q.test(), test);
                for (Correlation c : q.correlations()) {
                    f |= any(c.value(), test);
                }
                yield f;
            }
            case org.lakepg.server.sql.plan.expr.SubscriptExpr x -> {
                boolean f = any(x.array(), test);
                for (BoundExpr b : x.lower()) {
                    f |= b != null && any(b, test);
                }
                for (BoundExpr b : x.upper()) {
                    f |= b != null && any(b, test);
                }
                yield f;
            }
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr x -> any(x.left(), test) | any(x.array(), test);
            case org.lakepg.server.sql.plan.expr.SubscriptAssignExpr x -> {
                boolean[] f = {false};
                x.map(b -> {
                    f[0] |= b != null && any(b, test);
                    return b;
                });
                yield f[0];
            }
            default -> false;
        };
        return test.test(e) | found;
    }

    private static boolean anyOf(List<BoundExpr> exprs, java.util.function.Predicate<BoundExpr> test) {
        boolean found = false;
        for (BoundExpr x : exprs) {
            found |= any(x, test);
        }
        return found;
    }
}
