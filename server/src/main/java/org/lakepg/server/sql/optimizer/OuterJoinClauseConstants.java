package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * PostgreSQL's reconsider_outer_join_clause inside a tree of outer joins: a LEFT join's ON condition
 * {@code outer expression = inner expression} whose outer expression the query holds equal to a constant (a WHERE or
 * inner-join condition no outer join delays, directly or through a class of equal columns) lets the inner side be
 * filtered by {@code inner expression = constant} before the join; the ON condition stays. An inner row failing it
 * could match no outer row that reaches the join.
 */
final class OuterJoinClauseConstants {
    private OuterJoinClauseConstants() {}

    /** The inner-side filters derived from the tree's outer-join conditions (not yet in {@code tree.quals}). */
    static List<OuterJoinTree.Qual> derived(OuterJoinTree tree) {
        List<BoundExpr> known = new ArrayList<>();
        for (OuterJoinTree.Qual q : tree.quals) {
            if (q.outerJoin() < 0 && q.required() == tree.reads(q.expr())) {
                known.add(q.expr());
            }
        }
        known = EquivalenceConstants.propagate(known);
        List<OuterJoinTree.Qual> out = new ArrayList<>();
        List<BoundExpr> seen = new ArrayList<>();
        for (OuterJoinTree.Qual q : tree.quals) {
            if (q.outerJoin() < 0 || tree.specials.get(q.outerJoin()).kind != NestedLoopJoinNode.Kind.LEFT
                    || !(equality(q.expr()) instanceof FuncExpr eq)) {
                continue;
            }
            OuterJoinTree.Special join = tree.specials.get(q.outerJoin());
            for (int side = 0; side < 2; side++) {
                BoundExpr outer = eq.arguments().get(side);
                BoundExpr inner = eq.arguments().get(1 - side);
                int outerRels = tree.reads(outer);
                int innerRels = tree.reads(inner);
                if (outerRels == 0 || (outerRels & ~join.synLeft) != 0 || innerRels == 0
                        || (innerRels & ~join.synRight) != 0
                        || tree.delayed(outerRels | innerRels, false, q.outerJoin()) != (outerRels | innerRels)) {
                    continue; // PostgreSQL uses only an undelayed outervar = innervar clause
                }
                Const constant = constantOf(outer, eq.function(), known);
                if (constant == null) {
                    continue;
                }
                FuncExpr filter = new FuncExpr(eq.function(), eq.name(), eq.source(), eq.form(),
                        side == 0 ? List.of(inner, constant) : List.of(constant, inner), eq.strict(), eq.volatility(),
                        eq.type(), eq.typmod());
                BoundExpr plain = SubqueryQuals.withoutNames(filter);
                if (!seen.contains(plain)) {
                    seen.add(plain);
                    out.add(new OuterJoinTree.Qual(filter, tree.delayed(innerRels, true, q.outerJoin()), -1));
                }
            }
        }
        return out;
    }

    /** The constant a known {@code expression = constant} (same operator) gives the expression, or null. */
    private static Const constantOf(BoundExpr expression, long function, List<BoundExpr> known) {
        BoundExpr wanted = SubqueryQuals.withoutNames(expression);
        for (BoundExpr c : known) {
            if (equality(c) instanceof FuncExpr f && f.function() == function) {
                for (int side = 0; side < 2; side++) {
                    if (f.arguments().get(1 - side) instanceof Const k && !k.isNull()
                            && SubqueryQuals.withoutNames(f.arguments().get(side)).equals(wanted)) {
                        return k;
                    }
                }
            }
        }
        return null;
    }

    /** A strict, immutable or stable {@code =} operator call between two values, or null. */
    private static FuncExpr equality(BoundExpr c) {
        return c instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=")
                && f.arguments().size() == 2 && f.strict() && f.volatility() != 'v' ? f : null;
    }
}
