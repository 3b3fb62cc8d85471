package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * The equivalence classes PostgreSQL makes of a semi join's column equalities (process_equivalence): equalities that
 * share a column put all their columns in one class, which the join compares once, its first outer column with its
 * first inner column (generate_join_implied_equalities), while each side compares its own columns of the class among
 * themselves below the join (generate_base_implied_equalities). So {@code (a, b) IN (SELECT x, x ...)} joins by
 * {@code a = x} over the outer rows where {@code a = b}. Only equalities of two plain columns of one type take part;
 * the others stay join conditions as they are.
 */
final class SemiJoinEquivalences {
    private SemiJoinEquivalences() {}

    /**
     * @param outerFilters conditions over the outer row alone
     * @param innerFilters conditions over the inner row alone (its own column numbers)
     * @param conditions the join's conditions that remain, over the outer row followed by the inner row
     */
    record Reduced(List<BoundExpr> outerFilters, List<BoundExpr> innerFilters, List<BoundExpr> conditions) {}

    /** One class: its columns in the order the equalities name them, and the equality whose operator compares them. */
    private static final class Members {
        final List<InputRef> outer = new ArrayList<>();
        final List<InputRef> inner = new ArrayList<>();
        final FuncExpr operator;
        final boolean outerFirst;

        Members(FuncExpr operator, boolean outerFirst) {
            this.operator = operator;
            this.outerFirst = outerFirst;
        }

        void add(InputRef column, int outerWidth) {
            List<InputRef> side = column.index() < outerWidth ? outer : inner;
            if (side.stream().noneMatch(in -> in.index() == column.index())) {
                side.add(column);
            }
        }
    }

    static Reduced reduce(List<BoundExpr> conditions, int outerWidth) {
        // a class per connected set of columns, keyed by the position of the first equality naming it
        Map<Integer, Members> classes = new LinkedHashMap<>();
        Map<Integer, Integer> classOfColumn = new java.util.HashMap<>();
        List<Object> order = new ArrayList<>(); // conditions kept as they are, or the class a condition joined
        for (BoundExpr c : conditions) {
            InputRef[] pair = columns(c, outerWidth);
            if (pair == null) {
                order.add(c);
                continue;
            }
            Integer left = classOfColumn.get(pair[0].index());
            Integer right = classOfColumn.get(pair[1].index());
            Integer id;
            if (left == null && right == null) {
                id = order.size();
                FuncExpr f = (FuncExpr) c;
                classes.put(id, new Members(f, ((InputRef) f.arguments().get(0)).index() < outerWidth));
                order.add(id);
            } else if (left != null && right != null && !left.equals(right)) {
                return new Reduced(List.of(), List.of(), conditions); // classes merged: not this simple shape
            } else {
                id = left != null ? left : right;
            }
            Members m = classes.get(id);
            if (m.operator.arguments().get(0).type() != pair[0].type()) {
                return new Reduced(List.of(), List.of(), conditions); // one class, one type
            }
            for (InputRef in : pair) {
                m.add(in, outerWidth);
                classOfColumn.put(in.index(), id);
            }
        }
        if (classes.values().stream().allMatch(m -> m.outer.size() == 1 && m.inner.size() == 1)) {
            return new Reduced(List.of(), List.of(), conditions);
        }
        List<BoundExpr> outerFilters = new ArrayList<>();
        List<BoundExpr> innerFilters = new ArrayList<>();
        List<BoundExpr> kept = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof BoundExpr c) {
                kept.add(c);
                continue;
            }
            Members m = classes.get((Integer) o);
            InputRef first = m.outer.get(0);
            InputRef firstInner = m.inner.get(0);
            kept.add(m.outerFirst ? equal(m, first, firstInner) : equal(m, firstInner, first));
            for (InputRef other : m.outer.subList(1, m.outer.size())) {
                outerFilters.add(equal(m, first, other));
            }
            for (InputRef other : m.inner.subList(1, m.inner.size())) {
                innerFilters.add(equal(m, shifted(firstInner, outerWidth), shifted(other, outerWidth)));
            }
        }
        return new Reduced(outerFilters, innerFilters, kept);
    }

    /** The class's equality of two of its columns. */
    private static BoundExpr equal(Members m, InputRef left, InputRef right) {
        FuncExpr f = m.operator;
        return new FuncExpr(f.function(), f.name(), f.source(), f.form(), List.of(left, right), f.strict(),
                f.volatility(), f.type(), f.typmod());
    }

    private static InputRef shifted(InputRef in, int by) {
        return new InputRef(in.index() - by, in.type(), in.typmod(), in.name());
    }

    /** The outer and inner column an equality of two plain columns of one type compares, or null. */
    private static InputRef[] columns(BoundExpr c, int outerWidth) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2 || !(f.arguments().get(0) instanceof InputRef a)
                || !(f.arguments().get(1) instanceof InputRef b) || a.type() != b.type()) {
            return null;
        }
        if (a.index() < outerWidth && b.index() >= outerWidth) {
            return new InputRef[] {a, b};
        }
        if (b.index() < outerWidth && a.index() >= outerWidth) {
            return new InputRef[] {b, a};
        }
        return null;
    }
}
