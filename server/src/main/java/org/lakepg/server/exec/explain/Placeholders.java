package org.lakepg.server.exec.explain;

import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * PlaceHolderVars of a FULL join's inputs. A subquery pulled up below an outer join keeps a computed output that
 * would not go NULL by itself on a null-extended row (a constant, a COALESCE) as a PlaceHolderVar (prepjointree.c's
 * pullup_replace_vars_callback): it is evaluated by the subquery's relation and the join reads it from there, so its
 * conditions show it as a reference, {@code ((COALESCE(a.q1, '0'::bigint)) = b.q2)}, {@code (b.q2 = (1))}. A FULL join
 * uses them in its own condition too (it cannot tell which side would compute the value otherwise), while a strict
 * expression of the subquery's columns ({@code a.q1 + 1}) needs none and is computed by the join.
 */
final class Placeholders {
    private Placeholders() {}

    /** Whether column {@code column} of the join input {@code input} is a PlaceHolderVar. */
    static boolean placeholder(PlanNode input, int column) {
        PlanNode p = input;
        while (true) {
            switch (p) {
                case SubqueryScanNode q -> p = q.input();
                case FilterNode f -> p = f.input();
                case org.lakepg.server.sql.plan.HashLookupNode h -> p = h.input();
                case ProjectNode x -> {
                    return column < x.expressions().size() && wrapped(x.expressions().get(column));
                }
                default -> {
                    return false;
                }
            }
        }
    }

    /** A column of the subquery's relation stays a Var; other values are wrapped unless nulls make them NULL. */
    static boolean wrapped(BoundExpr e) {
        BoundExpr bare = e;
        while (bare instanceof RelabelType r) {
            bare = r.argument();
        }
        if (bare instanceof InputRef) {
            return false;
        }
        return !ExprRewriter.any(e, x -> x instanceof InputRef) || ExprRewriter.any(e, Placeholders::nonStrict);
    }

    /** contain_nonstrict_functions: a construct that may return a value for a NULL input. */
    private static boolean nonStrict(BoundExpr e) {
        return switch (e) {
            case FuncExpr f -> !f.strict();
            case BoolExpr b -> b.kind() != BoolExpr.Kind.NOT;
            case NullTest t -> true;
            case org.lakepg.server.sql.plan.expr.CoalesceExpr c -> true;
            case org.lakepg.server.sql.plan.expr.CaseExpr c -> true;
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> true;
            case org.lakepg.server.sql.plan.expr.ArrayExpr a -> true;
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr s -> true;
            case org.lakepg.server.sql.plan.expr.SubqueryExpr s -> true;
            default -> false;
        };
    }
}
