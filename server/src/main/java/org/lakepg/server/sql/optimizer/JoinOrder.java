package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.shift;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * The order of a join of three or more inputs, by cost (PostgreSQL's join search): every subset of
 * the inputs gets its cheapest plan from the cheapest plans of two parts that a condition connects (or that
 * no condition joins to anything: a cross join), dynamic programming up to {@link #DP_LIMIT} inputs; above that the FROM order stays
 * (PostgreSQL would search greedily). Outer joins take part as PostgreSQL's optimizer README allows them to commute
 * and associate ({@link #legal}). A projection puts the columns back in the query's order.
 */
final class JoinOrder {
    /** Like join_collapse_limit: larger joins keep their written order. */
    static final int DP_LIMIT = 8;
    /** Joins of more inputs do not look for parameterized inner sides (their number grows as 3^n: planning time). */
    static final int PARAMETERIZED_LIMIT = 4;

    private final CostModel costs;
    private final JoinMethods methods;

    JoinMethods methods() {
        return methods;
    }

    JoinOrder(CostModel costs, JoinMethods methods) {
        this.costs = costs;
        this.methods = methods;
    }

    /** An input of the join: its plan and where its columns sit in the query's row. */
    record Input(PlanNode plan, int offset, int width) {}

    /** A planned subset: its plan and the inputs whose columns it outputs, in that order. */
    record Planned(PlanNode plan, List<Integer> order, double total, double startup) {}

    /**
     * Whether a join of the same inputs beats the cheapest so far: a lower total cost; on equal totals (up to
     * rounding), with outer joins the later FROM item joined last (the path PostgreSQL's search meets first), else
     * the cheaper start, as add_path keeps the path with the lower startup cost among equal totals.
     */
    private static boolean better(Planned candidate, int right, Planned cheapest, int cheapestRight, boolean specials) {
        double scale = Math.max(Math.abs(candidate.total()), Math.abs(cheapest.total()));
        if (Math.abs(candidate.total() - cheapest.total()) > 1e-9 * scale) {
            return candidate.total() < cheapest.total();
        }
        if (specials && Integer.highestOneBit(right) != Integer.highestOneBit(cheapestRight)) {
            return Integer.highestOneBit(right) > Integer.highestOneBit(cheapestRight);
        }
        return candidate.startup() < cheapest.startup();
    }

    Planned planned(PlanNode plan, List<Integer> order) {
        var cost = costs.estimate(plan);
        return new Planned(plan, order, cost.total(), cost.startup());
    }

    /**
     * @param inputs   the join's inputs in FROM order
     * @param conjuncts AND-ed conditions over the query's row (the inputs' columns side by side)
     * @param pushDown  plans an input with the conditions that read only it (its own columns from 0; null: none)
     * @return the joined plan with the query's column order, or null when the inputs are too many
     */
    PlanNode plan(List<Input> inputs, List<BoundExpr> conjuncts, BiFunction<PlanNode, BoundExpr, PlanNode> pushDown) {
        int n = inputs.size();
        if (n < 3 || n > DP_LIMIT) {
            return null;
        }
        List<OuterJoinTree.Qual> quals = new ArrayList<>();
        List<BoundExpr> top = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            int reads = bits(inputsRead(c, inputs));
            if (reads == 0) {
                top.add(c); // reads no input (a constant condition): checked on the result
            } else {
                quals.add(new OuterJoinTree.Qual(c, reads, -1));
            }
        }
        return search(inputs, quals, List.of(), top, pushDown);
    }

    /** The cheapest legal order of a tree of inner and outer joins (null when the search finds no plan). */
    PlanNode plan(OuterJoinTree tree, BiFunction<PlanNode, BoundExpr, PlanNode> pushDown) {
        return search(tree.inputs, tree.quals, tree.specials, tree.top, pushDown);
    }

    private PlanNode search(List<Input> inputs, List<OuterJoinTree.Qual> quals, List<OuterJoinTree.Special> specials,
                            List<BoundExpr> top, BiFunction<PlanNode, BoundExpr, PlanNode> pushDown) {
        int n = inputs.size();
        int total = inputs.get(n - 1).offset() + inputs.get(n - 1).width();
        Map<Integer, Planned> best = new HashMap<>();
        ParameterizedJoins parameterized = new ParameterizedJoins(this, inputs, quals, specials);
        for (int i = 0; i < n; i++) {
            Input in = inputs.get(i);
            List<BoundExpr> own = new ArrayList<>();
            for (OuterJoinTree.Qual q : quals) {
                if (q.required() == 1 << i) {
                    own.add(shift(q.expr(), -in.offset()));
                }
            }
            PlanNode plan = pushDown.apply(in.plan(), own.isEmpty() ? null : and(own));
            best.put(1 << i, planned(plan, List.of(i)));
        }
        for (int size = 2; size <= n; size++) {
            for (int set = 1; set < 1 << n; set++) {
                if (Integer.bitCount(set) != size) {
                    continue;
                }
                Planned cheapest = null;
                // among equal costs, the later FROM item joined last (the path PostgreSQL's search meets first)
                int cheapestRight = 0;
                // each split once: the part holding the lowest input is the left one
                int low = Integer.lowestOneBit(set);
                for (int left = (set - 1) & set; left > 0; left = (left - 1) & set) {
                    int right = set & ~left;
                    if ((left & low) == 0 || right == 0 || !best.containsKey(left) || !best.containsKey(right)) {
                        continue;
                    }
                    int match = legal(left, right, specials);
                    if (match == ILLEGAL) {
                        continue;
                    }
                    if (match == INNER && !connects(left, right, quals) && !isolated(left, quals, specials)
                            && !isolated(right, quals, specials)) {
                        continue; // a cross join only for inputs no condition joins to others, as PostgreSQL
                    }
                    Planned candidate = join(best.get(left), best.get(right), set, left, right, match, quals,
                            specials, inputs);
                    if (candidate != null && n <= PARAMETERIZED_LIMIT) {
                        candidate = parameterized.cheaper(candidate, best, left, right, match);
                    }
                    if (candidate != null && (cheapest == null
                            || better(candidate, right, cheapest, cheapestRight, true))) {
                        cheapest = candidate;
                        cheapestRight = right;
                    }
                }
                if (cheapest != null) {
                    best.put(set, cheapest);
                }
            }
        }
        Planned all = best.get((1 << n) - 1);
        if (all == null) {
            return null;
        }
        // back to the query's column order
        int[] position = new int[total];
        int at = 0;
        for (int input : all.order()) {
            Input in = inputs.get(input);
            for (int c = 0; c < in.width(); c++) {
                position[in.offset() + c] = at++;
            }
        }
        List<BoundExpr> row = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            row.add(new InputRef(position[i], 0, -1, null));
        }
        PlanNode plan = new ProjectNode(all.plan(), row);
        return top.isEmpty() ? plan : new FilterNode(plan, and(top));
    }

    /** {@link #legal}: the join may not be made now. */
    static final int ILLEGAL = -3;
    /** {@link #legal}: an inner join. */
    static final int INNER = -2;

    /**
     * PostgreSQL's join_is_legal: whether joining the two parts keeps every outer join's meaning. The answer is
     * {@link #ILLEGAL}, {@link #INNER}, the index of the outer join it performs with {@code left} as that join's
     * left side, or the complement ({@code ~index}) of one performed with {@code right} as its left side.
     */
    static int legal(int left, int right, List<OuterJoinTree.Special> specials) {
        int joined = left | right;
        int match = INNER;
        boolean mustBeLeftJoin = false;
        for (int k = 0; k < specials.size(); k++) {
            OuterJoinTree.Special s = specials.get(k);
            if ((s.minRight & joined) == 0 || (joined & ~s.minRight) == 0) {
                continue; // not concerned, or still building its right side
            }
            int need = s.minLeft | s.minRight;
            if ((need & ~left) == 0 || (need & ~right) == 0) {
                continue; // already done within one part
            }
            if ((s.minLeft & ~left) == 0 && (s.minRight & ~right) == 0) {
                if (match != INNER) {
                    return ILLEGAL;
                }
                match = k;
            } else if ((s.minLeft & ~right) == 0 && (s.minRight & ~left) == 0) {
                if (match != INNER) {
                    return ILLEGAL;
                }
                match = ~k;
            } else {
                if ((left & s.minRight) != 0 && (right & s.minRight) != 0) {
                    continue; // both parts reach into its right side: an earlier, allowed commutation
                }
                // only legal when associating into its right side (identity 3): a LEFT join not reaching its left side
                if (s.kind != NestedLoopJoinNode.Kind.LEFT || (joined & s.minLeft) != 0) {
                    return ILLEGAL;
                }
                mustBeLeftJoin = true;
            }
        }
        if (mustBeLeftJoin) {
            OuterJoinTree.Special m = match == INNER ? null : specials.get(match >= 0 ? match : ~match);
            if (m == null || m.kind != NestedLoopJoinNode.Kind.LEFT || !m.lhsStrict) {
                return ILLEGAL;
            }
        }
        return match;
    }

    private Planned join(Planned left, Planned right, int set, int leftSet, int rightSet, int match,
                         List<OuterJoinTree.Qual> quals, List<OuterJoinTree.Special> specials, List<Input> inputs) {
        return join(left, right, set, leftSet, rightSet, match, quals, specials, inputs, List.of());
    }

    /**
     * The join of two parts; {@code extra} are conditions over enclosing loop parameters and the two parts that
     * this join checks whatever inputs they read (a parameterized join's movable conditions).
     */
    Planned join(Planned left, Planned right, int set, int leftSet, int rightSet, int match,
                 List<OuterJoinTree.Qual> quals, List<OuterJoinTree.Special> specials, List<Input> inputs,
                 List<OuterJoinTree.Qual> extra) {
        if (match < INNER) {
            // an outer join whose left side is the right part: that part goes first
            return join(right, left, set, rightSet, leftSet, ~match, quals, specials, inputs, extra);
        }
        List<Integer> order = new ArrayList<>(left.order());
        order.addAll(right.order());
        Map<Integer, Integer> moved = new HashMap<>();
        int at = 0;
        for (int input : order) {
            Input in = inputs.get(input);
            for (int c = 0; c < in.width(); c++) {
                moved.put(in.offset() + c, at++);
            }
        }
        List<BoundExpr> conditions = new ArrayList<>();
        List<BoundExpr> after = new ArrayList<>();
        int leftWidth = left.order().stream().mapToInt(i -> inputs.get(i).width()).sum();
        boolean leftFirst = EquivalenceSides.leftFirst(relations(leftSet, inputs), relations(rightSet, inputs),
                Integer.lowestOneBit(leftSet) < Integer.lowestOneBit(rightSet));
        for (OuterJoinTree.Qual q : quals) {
            int bits = q.required();
            if ((bits & ~set) != 0 || (bits & ~leftSet) == 0 || (bits & ~rightSet) == 0) {
                continue;
            }
            BoundExpr mapped = ExprRewriter.map(q.expr(), x -> x instanceof InputRef in
                    ? new InputRef(moved.get(in.index()), in.type(), in.typmod(), in.name()) : x);
            if (q.outerJoin() >= 0 && q.outerJoin() != match) {
                return null; // another outer join's ON condition cannot be checked here
            }
            if (match == INNER && !aboveOuterJoin(bits, specials)) {
                mapped = EquivalenceSides.oriented(mapped, leftWidth, leftFirst, methods::sortable);
            }
            // an outer join checks its ON condition; the others filter the rows it returns (NULL-padded too)
            (match >= 0 && q.outerJoin() < 0 ? after : conditions).add(mapped);
        }
        for (OuterJoinTree.Qual q : extra) {
            BoundExpr mapped = ExprRewriter.map(q.expr(), x -> x instanceof InputRef in
                    ? new InputRef(moved.get(in.index()), in.type(), in.typmod(), in.name()) : x);
            // under an outer join made here, a filter of its rows (the conditions never read its padded side)
            (match >= 0 ? after : conditions).add(mapped);
        }
        NestedLoopJoinNode.Kind kind = match >= 0 ? specials.get(match).kind : NestedLoopJoinNode.Kind.INNER;
        PlanNode plan = methods.choose(kind, left.plan(), right.plan(), conditions, leftWidth);
        if (!after.isEmpty()) {
            plan = new FilterNode(plan, and(after));
        }
        return planned(plan, order);
    }

    /**
     * Whether a condition reads an outer join's nullable side together with inputs outside it: it is checked above
     * that join, so PostgreSQL keeps it out of the equivalence classes (check_outerjoin_delay) and as written.
     */
    static boolean aboveOuterJoin(int required, List<OuterJoinTree.Special> specials) {
        for (OuterJoinTree.Special s : specials) {
            List<Integer> nullable = s.kind == NestedLoopJoinNode.Kind.FULL ? List.of(s.synLeft, s.synRight)
                    : s.kind == NestedLoopJoinNode.Kind.LEFT ? List.of(s.synRight) : List.of();
            for (int side : nullable) {
                if ((required & side) != 0 && (required & ~side) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The base relations of the inputs in {@code set} ({@link EquivalenceSides#relations}). */
    private static int relations(int set, List<Input> inputs) {
        int count = 0;
        for (int i = set; i != 0; i &= i - 1) {
            count += EquivalenceSides.relations(inputs.get(Integer.numberOfTrailingZeros(i)).plan());
        }
        return count;
    }

    /** Whether no condition or outer join joins the part to an input outside it. */
    static boolean isolated(int part, List<OuterJoinTree.Qual> quals, List<OuterJoinTree.Special> specials) {
        for (OuterJoinTree.Qual q : quals) {
            int bits = q.required();
            if ((bits & part) != 0 && (bits & ~part) != 0) {
                return false;
            }
        }
        for (OuterJoinTree.Special s : specials) {
            int bits = s.minLeft | s.minRight;
            if ((bits & part) != 0 && (bits & ~part) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * have_relevant_joinclause: some condition reads both parts - also one that needs a third input, so that the
     * parts may be joined first and that input's scan keyed by both (q1 x q2, then an index scan of
     * {@code t.x = q1.a + q2.b}).
     */
    static boolean connects(int left, int right, List<OuterJoinTree.Qual> quals) {
        for (OuterJoinTree.Qual q : quals) {
            int bits = q.required();
            if ((bits & left) != 0 && (bits & right) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int bits(BitSet b) {
        int out = 0;
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
            out |= 1 << i;
        }
        return out;
    }

    private static BitSet inputsRead(BoundExpr e, List<Input> inputs) {
        BitSet out = new BitSet();
        ExprRewriter.any(e, x -> {
            if (x instanceof InputRef in) {
                for (int i = 0; i < inputs.size(); i++) {
                    Input input = inputs.get(i);
                    if (in.index() >= input.offset() && in.index() < input.offset() + input.width()) {
                        out.set(i);
                    }
                }
            }
            return false;
        });
        return out;
    }

}
