package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.LongPredicate;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * Which way round PostgreSQL writes an equality between the two parts of an inner join. A merge-joinable equality of
 * the WHERE (or of an inner join's ON) goes into an equivalence class, and each join pair gets its clause back from
 * there (generate_join_implied_equalities: create_join_clause of the first relation's member and the second's), the
 * written clause only when it already reads that way. make_join_rel's first relation is the part built at the higher
 * level, joined with a single relation (join_search_one_level), or the earlier FROM item of two single ones. It shows
 * in a nested loop's Join Filter; hash and merge conditions are put outer side first anyway.
 */
final class EquivalenceSides {
    private EquivalenceSides() {}

    /**
     * Whether make_join_rel meets the left part first when joining it with the right one: parts of {@code leftRels}
     * and {@code rightRels} base relations, {@code leftEarlier} when the left one holds the earlier FROM item.
     */
    static boolean leftFirst(int leftRels, int rightRels, boolean leftEarlier) {
        if (leftRels == 1 && rightRels == 1) {
            return leftEarlier; // level 2: each relation with the later ones
        }
        if (leftRels == 1 || rightRels == 1) {
            return leftRels > rightRels; // a joined part with a base relation
        }
        if (leftRels != rightRels) {
            return leftRels < rightRels; // bushy: the lower level first
        }
        return leftEarlier;
    }

    /**
     * The base relations of a planned part as PostgreSQL's join search counts them: the scans under its joins (and
     * the projections and filters over them, pulled-up subqueries); a grouped, limited or set-operation subquery is one.
     */
    static int relations(PlanNode p) {
        return switch (p) {
            case NestedLoopJoinNode j -> relations(j.left()) + relations(j.right());
            case MergeJoinNode j -> relations(j.left()) + relations(j.right());
            case ProjectNode x -> relations(x.input());
            case FilterNode f -> relations(f.input());
            case SortNode s -> relations(s.input());
            case HashLookupNode h -> relations(h.input());
            default -> 1;
        };
    }

    /**
     * The conditions, each equivalence-class equality between the sides (columns below {@code leftWidth} on the left)
     * written with the first relation's side on the left.
     */
    static List<BoundExpr> oriented(List<BoundExpr> conditions, int leftWidth, boolean leftFirst, LongPredicate sortable) {
        return conditions.stream().map(c -> oriented(c, leftWidth, leftFirst, sortable)).toList();
    }

    static BoundExpr oriented(BoundExpr c, int leftWidth, boolean leftFirst, LongPredicate sortable) {
        return oriented(c, column -> column < leftWidth ? -1 : 1, leftFirst, sortable);
    }

    /**
     * An equivalence-class equality moved into a parameterized inner part, written with the outer part's side (the
     * parameter) first: get_joinrel_parampathinfo asks generate_join_implied_equalities for the clauses between the
     * required outer relations and the join, each built outer member first. {@code outer} tells the outer part's
     * columns; the others are the inner part's.
     */
    static BoundExpr outerFirst(BoundExpr c, IntPredicate outer, LongPredicate sortable) {
        return oriented(c, column -> outer.test(column) ? -1 : 1, true, sortable);
    }

    /** {@code sideOf}: -1 for a column of the left part, 1 for one of the right part. */
    private static BoundExpr oriented(BoundExpr c, IntUnaryOperator sideOf, boolean leftFirst, LongPredicate sortable) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2 || !pushable(c)) {
            return c;
        }
        BoundExpr a = f.arguments().get(0);
        BoundExpr b = f.arguments().get(1);
        // one type on both sides: the operator is its own commutator (cross-type ones are left as written)
        if (a.type() != b.type() || !sortable.test(a.type())) {
            return c;
        }
        int sideA = side(refs(a), sideOf);
        int sideB = side(refs(b), sideOf);
        if (sideA == 0 || sideB == 0 || sideA == sideB) {
            return c;
        }
        boolean aFirst = leftFirst ? sideA < 0 : sideA > 0;
        return aFirst ? c : new FuncExpr(f.function(), f.name(), f.source(), f.form(), List.of(b, a), f.strict(),
                f.volatility(), f.type(), f.typmod());
    }

    /** -1: reads only the left part, 1: only the right part, 0: neither or both. */
    private static int side(BitSet refs, IntUnaryOperator sideOf) {
        if (refs.isEmpty()) {
            return 0;
        }
        boolean left = refs.stream().anyMatch(column -> sideOf.applyAsInt(column) < 0);
        boolean right = refs.stream().anyMatch(column -> sideOf.applyAsInt(column) > 0);
        return left == right ? 0 : left ? -1 : 1;
    }
}
