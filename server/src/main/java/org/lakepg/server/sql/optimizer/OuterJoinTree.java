package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.shift;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * A join tree with its outer joins taken apart for the join search (PostgreSQL's deconstruct_jointree): the base
 * inputs, each outer join as the inputs it needs on either side before it can run (make_outerjoininfo), and every
 * condition with the inputs that must be joined before it can be checked (an outer join delays a condition on its
 * NULL-padded side until it has run). Sets of inputs are bit masks over {@link #inputs}.
 */
final class OuterJoinTree {
    /**
     * An outer join (PostgreSQL's SpecialJoinInfo): LEFT (a RIGHT join is a LEFT join with its sides swapped) or
     * FULL. {@code minLeft}/{@code minRight} are the inputs each side needs at least; the syntactic sides are all
     * the inputs written there.
     */
    static final class Special {
        final NestedLoopJoinNode.Kind kind;
        final int synLeft;
        final int synRight;
        final int minLeft;
        final int minRight;
        /** Whether the ON condition is false or NULL when some left input is all NULL (outer join identity 3). */
        final boolean lhsStrict;
        /** A condition above this join, below an upper outer join, reads both its sides: the upper one may not commute. */
        boolean delayUpperJoins;

        Special(NestedLoopJoinNode.Kind kind, int synLeft, int synRight, int minLeft, int minRight, boolean lhsStrict) {
            this.kind = kind;
            this.synLeft = synLeft;
            this.synRight = synRight;
            this.minLeft = minLeft;
            this.minRight = minRight;
            this.lhsStrict = lhsStrict;
        }
    }

    /**
     * A condition over the query's row, checked once the {@code required} inputs are joined; {@code outerJoin} is
     * the outer join whose ON condition it is (checked by that join, NULL-padding what fails), or -1 for a condition
     * that filters rows (WHERE, an inner join's ON, an ON condition on the padded side alone).
     */
    record Qual(BoundExpr expr, int required, int outerJoin) {}

    final List<JoinOrder.Input> inputs = new ArrayList<>();
    final List<Special> specials = new ArrayList<>();
    final List<Qual> quals = new ArrayList<>();
    /** Conditions checked on the finished row: they read no input, or may not move (subqueries, volatile calls). */
    final List<BoundExpr> top = new ArrayList<>();
    /** WHERE conditions no outer join delays: PostgreSQL's equivalence classes see them. */
    final List<BoundExpr> undelayed = new ArrayList<>();

    private OuterJoinTree() {}

    /**
     * The tree of {@code join} under the WHERE conditions {@code where} (over its row), or null when it has no
     * outer join to order or more inputs than the search takes.
     */
    static OuterJoinTree of(PlanNode join, List<BoundExpr> where) {
        OuterJoinTree tree = new OuterJoinTree();
        if (!splittable(join)) {
            return null;
        }
        tree.deconstruct(join, 0);
        if (tree.specials.isEmpty() || tree.inputs.size() < 3 || tree.inputs.size() > JoinOrder.DP_LIMIT) {
            return null;
        }
        for (BoundExpr c : where) {
            int reads = tree.reads(c);
            if (reads == 0 || !pushable(c)) {
                tree.top.add(c);
            } else {
                int required = tree.delayed(reads, true);
                tree.quals.add(new Qual(c, required, -1));
                if (required == reads) {
                    tree.undelayed.add(c);
                }
            }
        }
        tree.quals.addAll(OuterJoinClauseConstants.derived(tree));
        return tree;
    }

    /** A join the search takes apart: inner or outer, no LATERAL reference, a condition free to move. */
    private static boolean splittable(PlanNode p) {
        return p instanceof NestedLoopJoinNode j && !j.kind().leftOnly() && j.lateral().isEmpty()
                && (j.condition() == null || pushable(j.condition()));
    }

    /** The inputs under {@code p} (bits) and those of them joined by inner joins, as PostgreSQL's inner_join_rels. */
    private int[] deconstruct(PlanNode p, int offset) {
        if (!splittable(p)) {
            inputs.add(new JoinOrder.Input(p, offset, p.width()));
            return new int[] {1 << (inputs.size() - 1), 0};
        }
        NestedLoopJoinNode j = (NestedLoopJoinNode) p;
        int[] left = deconstruct(j.left(), offset);
        int[] right = deconstruct(j.right(), offset + j.left().width());
        List<BoundExpr> on = j.condition() == null ? List.of()
                : conjuncts(j.condition()).stream().map(c -> shift(c, offset)).toList();
        int all = left[0] | right[0];
        int inners = left[1] | right[1];
        switch (j.kind()) {
            case INNER -> {
                for (BoundExpr c : on) {
                    int reads = reads(c);
                    if (reads == 0) {
                        top.add(c);
                    } else {
                        quals.add(new Qual(c, delayed(reads, true), -1));
                    }
                }
                return new int[] {all, all};
            }
            case LEFT -> outerJoin(NestedLoopJoinNode.Kind.LEFT, left[0], right[0], inners, on);
            case RIGHT -> outerJoin(NestedLoopJoinNode.Kind.LEFT, right[0], left[0], inners, on);
            default -> outerJoin(NestedLoopJoinNode.Kind.FULL, left[0], right[0], inners, on);
        }
        return new int[] {all, inners};
    }

    /** make_outerjoininfo, then the ON conditions distributed, then the join recorded for the conditions above. */
    private void outerJoin(NestedLoopJoinNode.Kind kind, int leftRels, int rightRels, int innerJoinRels,
                           List<BoundExpr> on) {
        int clauseRels = 0;
        int strictRels = 0;
        for (BoundExpr c : on) {
            clauseRels |= reads(c);
            strictRels |= strictFor(c);
        }
        Special info;
        if (kind == NestedLoopJoinNode.Kind.FULL) {
            info = new Special(kind, leftRels, rightRels, leftRels, rightRels, false);
        } else {
            int minLeft = clauseRels & leftRels;
            int minRight = (clauseRels | innerJoinRels) & rightRels;
            for (Special other : specials) {
                if (other.kind == NestedLoopJoinNode.Kind.FULL) {
                    int both = other.synLeft | other.synRight;
                    if ((leftRels & both) != 0) {
                        minLeft |= both;
                    }
                    if ((rightRels & both) != 0) {
                        minRight |= both;
                    }
                    continue;
                }
                // a lower outer join in our left side: kept below us unless our condition is strict for its
                // padded side (identity 3 applied backwards)
                if ((leftRels & other.synRight) != 0 && (clauseRels & other.synRight) != 0
                        && (strictRels & other.minRight) == 0) {
                    minLeft |= other.synLeft | other.synRight;
                }
                // a lower outer join in our right side: may run after us (identity 3) only if our condition does not
                // read its padded side, reads its left side, and its condition is strict for its left side
                if ((rightRels & other.synRight) != 0
                        && ((clauseRels & other.synRight) != 0 || (clauseRels & other.minLeft) == 0
                            || !other.lhsStrict || other.delayUpperJoins)) {
                    minRight |= other.synLeft | other.synRight;
                }
            }
            if (minLeft == 0) {
                minLeft = leftRels;
            }
            if (minRight == 0) {
                minRight = rightRels;
            }
            info = new Special(kind, leftRels, rightRels, minLeft, minRight, (strictRels & leftRels) != 0);
        }
        int index = specials.size();
        int scope = info.minLeft | info.minRight;
        int nonNullable = kind == NestedLoopJoinNode.Kind.FULL ? leftRels | rightRels : leftRels;
        for (BoundExpr c : on) {
            int reads = reads(c);
            if (reads == 0 || (reads & nonNullable) != 0) {
                quals.add(new Qual(c, scope, index)); // checked exactly by this join
            } else {
                quals.add(new Qual(c, delayed(reads, true, index), -1)); // on the padded side alone: filters that side
            }
        }
        specials.add(info);
    }

    /**
     * check_outerjoin_delay: a condition reading an outer join's padded side waits until that join has run, so
     * it needs both of the join's sides too.
     */
    private int delayed(int relids, boolean pushedDown) {
        return delayed(relids, pushedDown, specials.size());
    }

    /** As above, with only the first {@code joins} outer joins (those below a join whose conditions are placed). */
    int delayed(int relids, boolean pushedDown, int joins) {
        boolean found;
        do {
            found = false;
            for (Special s : specials.subList(0, joins)) {
                boolean full = s.kind == NestedLoopJoinNode.Kind.FULL;
                if ((relids & s.minRight) != 0 || full && (relids & s.minLeft) != 0) {
                    int need = s.minLeft | s.minRight;
                    if ((relids & need) != need) {
                        relids |= need;
                        found = true;
                    }
                    if (pushedDown && !full && (relids & s.minLeft) != 0) {
                        s.delayUpperJoins = true;
                    }
                }
            }
        } while (found);
        return relids;
    }

    /** The inputs whose columns the expression reads. */
    int reads(BoundExpr e) {
        int[] out = {0};
        ExprRewriter.any(e, x -> {
            if (x instanceof InputRef in) {
                out[0] |= inputOf(in.index());
            }
            return false;
        });
        return out[0];
    }

    private int inputOf(int column) {
        for (int i = 0; i < inputs.size(); i++) {
            JoinOrder.Input input = inputs.get(i);
            if (column >= input.offset() && column < input.offset() + input.width()) {
                return 1 << i;
            }
        }
        return 0;
    }

    /** The inputs all of whose columns being NULL makes the condition fail (find_nonnullable_rels). */
    private int strictFor(BoundExpr c) {
        int out = 0;
        for (int i = 0; i < inputs.size(); i++) {
            JoinOrder.Input input = inputs.get(i);
            if (OuterJoinReduction.rejects(c, input.offset(), input.offset() + input.width())) {
                out |= 1 << i;
            }
        }
        return out;
    }
}
