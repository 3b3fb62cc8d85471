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
 * The order of an inner join of three or more inputs, by cost (PostgreSQL's join search): every subset of
 * the inputs gets its cheapest plan from the cheapest plans of two parts that a condition connects (or that
 * no condition joins to anything: a cross join), dynamic programming up to {@link #DP_LIMIT} inputs; above that the FROM order stays
 * (PostgreSQL would search greedily). A projection puts the columns back in the query's order.
 */
final class JoinOrder {
    /** Like join_collapse_limit: larger joins keep their written order. */
    static final int DP_LIMIT = 8;

    private final CostModel costs;
    private final JoinMethods methods;

    JoinOrder(CostModel costs, JoinMethods methods) {
        this.costs = costs;
        this.methods = methods;
    }

    /** An input of the join: its plan and where its columns sit in the query's row. */
    record Input(PlanNode plan, int offset, int width) {}

    /** A planned subset: its plan and the inputs whose columns it outputs, in that order. */
    private record Planned(PlanNode plan, List<Integer> order, double total) {}

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
        int total = inputs.get(n - 1).offset() + inputs.get(n - 1).width();
        List<BitSet> readers = new ArrayList<>();
        List<BoundExpr> local = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            readers.add(inputsRead(c, inputs));
        }
        Map<Integer, Planned> best = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Input in = inputs.get(i);
            List<BoundExpr> own = new ArrayList<>();
            for (int k = 0; k < conjuncts.size(); k++) {
                if (readers.get(k).cardinality() == 1 && readers.get(k).get(i)) {
                    own.add(shift(conjuncts.get(k), -in.offset()));
                }
            }
            PlanNode plan = pushDown.apply(in.plan(), own.isEmpty() ? null : and(own));
            best.put(1 << i, new Planned(plan, List.of(i), costs.estimate(plan).total()));
        }
        for (int size = 2; size <= n; size++) {
            for (int set = 1; set < 1 << n; set++) {
                if (Integer.bitCount(set) != size) {
                    continue;
                }
                Planned cheapest = null;
                // each split once: the part holding the lowest input is the left one
                int low = Integer.lowestOneBit(set);
                for (int left = (set - 1) & set; left > 0; left = (left - 1) & set) {
                    int right = set & ~left;
                    if ((left & low) == 0 || right == 0 || !best.containsKey(left) || !best.containsKey(right)) {
                        continue;
                    }
                    if (!connects(left, right, readers) && !isolated(left, readers) && !isolated(right, readers)) {
                        continue; // a cross join only for inputs no condition joins to others, as PostgreSQL
                    }
                    Planned candidate = join(best.get(left), best.get(right), set, left, right, conjuncts, readers,
                            inputs);
                    if (cheapest == null || candidate.total() < cheapest.total()) {
                        cheapest = candidate;
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
        for (int k = 0; k < conjuncts.size(); k++) {
            if (readers.get(k).isEmpty()) {
                local.add(conjuncts.get(k)); // reads no input (a constant condition): checked on the result
            }
        }
        return local.isEmpty() ? plan : new FilterNode(plan, and(local));
    }

    private Planned join(Planned left, Planned right, int set, int leftSet, int rightSet, List<BoundExpr> conjuncts,
                         List<BitSet> readers, List<Input> inputs) {
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
        for (int k = 0; k < conjuncts.size(); k++) {
            int bits = bits(readers.get(k));
            if (bits != 0 && (bits & ~set) == 0 && (bits & ~leftSet) != 0 && (bits & ~rightSet) != 0) {
                conditions.add(ExprRewriter.map(conjuncts.get(k), x -> x instanceof InputRef in
                        ? new InputRef(moved.get(in.index()), in.type(), in.typmod(), in.name()) : x));
            }
        }
        int leftWidth = left.order().stream().mapToInt(i -> inputs.get(i).width()).sum();
        PlanNode plan = methods.choose(NestedLoopJoinNode.Kind.INNER, left.plan(), right.plan(), conditions, leftWidth);
        return new Planned(plan, order, costs.estimate(plan).total());
    }

    /** Whether no condition joins the part to an input outside it. */
    private static boolean isolated(int part, List<BitSet> readers) {
        for (BitSet r : readers) {
            int bits = bits(r);
            if ((bits & part) != 0 && (bits & ~part) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean connects(int left, int right, List<BitSet> readers) {
        for (BitSet r : readers) {
            int bits = bits(r);
            if ((bits & left) != 0 && (bits & right) != 0 && (bits & ~(left | right)) == 0) {
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
