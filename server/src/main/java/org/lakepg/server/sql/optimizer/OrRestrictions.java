package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;
import static org.lakepg.server.sql.optimizer.Conjuncts.refs;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * Restrictions implied by a join's OR condition (PostgreSQL's extract_restriction_or_clauses): when every arm of
 * {@code (a.x = 1 AND b.y = 2) OR (a.z = 3 AND b.w = 4)} holds a condition on one input alone, that input's rows
 * must pass the OR of those conditions ({@code a.x = 1 OR a.z = 3}), which may then filter or index its scan. The
 * join still checks the whole OR. Only restrictions that reject a useful fraction of the rows (selectivity at most
 * 0.9, as PostgreSQL) are added.
 */
final class OrRestrictions {
    /** PostgreSQL's threshold: a restriction keeping more rows would only be checked twice. */
    static final double USEFUL_SELECTIVITY = 0.9;

    private OrRestrictions() {}

    /**
     * The restrictions to add to {@code conjuncts} (over the query's row, the inputs' columns side by side).
     *
     * @param selectivity the fraction of an input's rows (by index) a condition over the query's row keeps
     */
    static List<BoundExpr> implied(List<BoundExpr> conjuncts, List<JoinOrder.Input> inputs,
                                   ToDoubleBiFunction<Integer, BoundExpr> selectivity) {
        List<BoundExpr> out = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            if (!(c instanceof BoolExpr or) || or.kind() != BoolExpr.Kind.OR || !pushable(c)) {
                continue;
            }
            BitSet read = inputsRead(c, inputs);
            if (read.cardinality() < 2) {
                continue; // a restriction already
            }
            for (int i = read.nextSetBit(0); i >= 0; i = read.nextSetBit(i + 1)) {
                BoundExpr restriction = restriction(or, inputs.get(i));
                if (restriction != null && !conjuncts.contains(restriction) && !out.contains(restriction)
                        && selectivity.applyAsDouble(i, restriction) <= USEFUL_SELECTIVITY) {
                    out.add(restriction);
                }
            }
        }
        return out;
    }

    /** The OR over each arm's conditions on {@code input} alone; null when an arm has none. */
    private static BoundExpr restriction(BoolExpr or, JoinOrder.Input input) {
        List<BoundExpr> arms = new ArrayList<>();
        for (BoundExpr arm : or.arguments()) {
            List<BoundExpr> own = new ArrayList<>();
            for (BoundExpr part : conjuncts(arm)) {
                BitSet r = refs(part);
                if (!r.isEmpty() && r.nextSetBit(0) >= input.offset()
                        && r.length() <= input.offset() + input.width()) {
                    own.add(part);
                }
            }
            if (own.isEmpty()) {
                return null;
            }
            BoundExpr armRestriction = and(own);
            if (armRestriction instanceof BoolExpr nested && nested.kind() == BoolExpr.Kind.OR) {
                arms.addAll(nested.arguments()); // one flat OR, as PostgreSQL's make_orclause of the arms
            } else {
                arms.add(armRestriction);
            }
        }
        return new BoolExpr(BoolExpr.Kind.OR, arms);
    }

    private static BitSet inputsRead(BoundExpr e, List<JoinOrder.Input> inputs) {
        BitSet columns = refs(e);
        BitSet out = new BitSet();
        for (int i = 0; i < inputs.size(); i++) {
            JoinOrder.Input in = inputs.get(i);
            int next = columns.nextSetBit(in.offset());
            if (next >= 0 && next < in.offset() + in.width()) {
                out.set(i);
            }
        }
        return out;
    }
}
