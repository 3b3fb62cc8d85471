package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * Equivalence classes with a constant (PostgreSQL's generate_base_implied_equalities_const): when the conditions of
 * a set of inner joins tie columns together with one equality operator and one of them to a constant
 * ({@code f1.x100 = 2 AND f1.x100 = f2.x100}), every column of the class is compared with the constant instead
 * ({@code f2.x100 = 2}, a filter of f2's scan that may use an index), and the equalities between the columns, which
 * the constant makes redundant, are dropped. A class with two different constants is left alone.
 */
final class EquivalenceConstants {
    private EquivalenceConstants() {}

    /**
     * Whether the conditions hold one class of integer columns equal to two different constants
     * ({@code p.k = 1 AND p.k = 2}, also through {@code p.k = x.k}): no row can pass them.
     */
    static boolean contradictory(List<BoundExpr> conjuncts) {
        Map<Integer, InputRef> columns = new LinkedHashMap<>();
        Map<Integer, Integer> parent = classes(conjuncts, columns);
        if (parent == null) {
            return false;
        }
        Map<Integer, Object> valueOf = new HashMap<>();
        for (BoundExpr c : conjuncts) {
            FuncExpr f = equality(c);
            if (f == null || !(constant(f) instanceof Const k) || !(k.value() instanceof Number n)
                    || !(n instanceof Integer || n instanceof Long || n instanceof Short)) {
                continue;
            }
            Object known = valueOf.putIfAbsent(root(parent, column(f).index()), n.longValue());
            if (known != null && !known.equals(n.longValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code conjuncts} without the comparisons of a class's columns with another constant than the class's first
     * (PostgreSQL's contradictory class keeps one restriction per member, the rest is its constant-false gate).
     */
    static List<BoundExpr> firstConstants(List<BoundExpr> conjuncts) {
        Map<Integer, InputRef> columns = new LinkedHashMap<>();
        Map<Integer, Integer> parent = classes(conjuncts, columns);
        if (parent == null) {
            return conjuncts;
        }
        Map<Integer, Object> valueOf = new HashMap<>();
        List<BoundExpr> out = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            FuncExpr f = equality(c);
            if (f != null && constant(f) instanceof Const k) {
                Object known = valueOf.putIfAbsent(root(parent, column(f).index()), k.value());
                if (known != null && !sameValue(known, k.value())) {
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    /** {@code conjuncts} (over the joined row) with the classes' columns compared with their constants. */
    static List<BoundExpr> propagate(List<BoundExpr> conjuncts) {
        Map<Integer, InputRef> columns = new LinkedHashMap<>();
        Map<Integer, Integer> parent = classes(conjuncts, columns);
        if (parent == null) {
            return conjuncts;
        }
        return propagate(conjuncts, parent, columns);
    }

    /**
     * Union-find over the row's columns the equalities tie together, per equality function (one type, one
     * operator); null when no column is compared with a constant or a column is compared by two functions.
     */
    private static Map<Integer, Integer> classes(List<BoundExpr> conjuncts, Map<Integer, InputRef> columns) {
        Map<Integer, Integer> parent = new HashMap<>();
        Map<Integer, Long> function = new HashMap<>(); // each column's operator family (see family())
        boolean any = false;
        for (BoundExpr c : conjuncts) {
            FuncExpr f = equality(c);
            if (f == null) {
                continue;
            }
            BoundExpr a = f.arguments().get(0);
            BoundExpr b = f.arguments().get(1);
            if (a instanceof InputRef x && b instanceof InputRef y) {
                if (!member(x, f, function, columns, parent) || !member(y, f, function, columns, parent)) {
                    return null;
                }
                parent.put(root(parent, x.index()), root(parent, y.index()));
            } else if (constant(f) instanceof Const k && !k.isNull()) {
                if (!member(column(f), f, function, columns, parent)) {
                    return null;
                }
                any = true;
            }
        }
        return any ? parent : null;
    }

    private static List<BoundExpr> propagate(List<BoundExpr> conjuncts, Map<Integer, Integer> parent,
                                             Map<Integer, InputRef> columns) {
        // each class's constant and the equality that gave it
        Map<Integer, FuncExpr> constantOf = new HashMap<>();
        Map<Integer, Boolean> conflicting = new HashMap<>();
        for (BoundExpr c : conjuncts) {
            FuncExpr f = equality(c);
            if (f == null || !(constant(f) instanceof Const k)) {
                continue;
            }
            int root = root(parent, column(f).index());
            FuncExpr known = constantOf.putIfAbsent(root, f);
            if (known != null && !sameValue(((Const) constant(known)).value(), k.value())) {
                conflicting.put(root, true);
            }
        }
        // a class of integers of several widths needs, for each member, an equality of the member's type and the
        // constant's (PostgreSQL's select_equality_operator in the integer family): one the conditions already use
        for (InputRef x : columns.values()) {
            int root = root(parent, x.index());
            if (usable(root, constantOf, conflicting) && operatorFor(x, constantOf.get(root), conjuncts) == null) {
                conflicting.put(root, true);
            }
        }
        List<BoundExpr> out = new ArrayList<>();
        java.util.Set<Integer> compared = new java.util.HashSet<>();
        for (BoundExpr c : conjuncts) {
            FuncExpr f = equality(c);
            if (f != null && f.arguments().get(0) instanceof InputRef x && f.arguments().get(1) instanceof InputRef
                    && usable(root(parent, x.index()), constantOf, conflicting)) {
                continue; // both sides equal the class's constant
            }
            if (f != null && constant(f) instanceof Const && usable(root(parent, column(f).index()), constantOf,
                    conflicting)) {
                if (!compared.add(column(f).index())) {
                    continue; // the same comparison again
                }
            }
            out.add(c);
        }
        for (InputRef x : columns.values()) {
            int root = root(parent, x.index());
            if (usable(root, constantOf, conflicting) && compared.add(x.index())) {
                FuncExpr given = operatorFor(x, constantOf.get(root), conjuncts);
                List<BoundExpr> arguments = new ArrayList<>(List.of(x, constant(constantOf.get(root))));
                out.add(new FuncExpr(given.function(), given.name(), given.source(), given.form(), arguments,
                        given.strict(), given.volatility(), given.type(), given.typmod()));
            }
        }
        return out;
    }

    /**
     * reconsider_outer_join_clauses: a LEFT join's condition {@code left column = right column} whose left column the
     * WHERE holds to a constant ({@code leftConditions}, over the left row) lets the right side be compared with that
     * constant as well; the join keeps its condition. The comparisons returned are over the joined row.
     */
    static List<BoundExpr> outerJoinConstants(List<BoundExpr> leftConditions, List<BoundExpr> joinConditions,
                                              int leftWidth) {
        Map<Integer, FuncExpr> constantOf = new HashMap<>();
        Map<Integer, Boolean> conflicting = new HashMap<>();
        for (BoundExpr c : leftConditions) {
            FuncExpr f = equality(c);
            if (f != null && constant(f) instanceof Const k && !k.isNull()) {
                FuncExpr known = constantOf.putIfAbsent(column(f).index(), f);
                if (known != null && !Objects.equals(((Const) constant(known)).value(), k.value())) {
                    conflicting.put(column(f).index(), true);
                }
            }
        }
        List<BoundExpr> out = new ArrayList<>();
        java.util.Set<Integer> compared = new java.util.HashSet<>();
        for (BoundExpr c : joinConditions) {
            FuncExpr f = equality(c);
            if (f == null || !(f.arguments().get(0) instanceof InputRef a) || !(f.arguments().get(1) instanceof InputRef b)) {
                continue;
            }
            InputRef left = a.index() < leftWidth ? a : b;
            InputRef right = a.index() < leftWidth ? b : a;
            FuncExpr given = constantOf.get(left.index());
            if (left.index() >= leftWidth || right.index() < leftWidth || given == null
                    || conflicting.containsKey(left.index()) || given.function() != f.function()
                    || !compared.add(right.index())) {
                continue;
            }
            out.add(new FuncExpr(given.function(), given.name(), given.source(), given.form(),
                    List.of(right, constant(given)), given.strict(), given.volatility(), given.type(), given.typmod()));
        }
        return out;
    }

    private static boolean usable(int root, Map<Integer, FuncExpr> constantOf, Map<Integer, Boolean> conflicting) {
        return constantOf.containsKey(root) && !conflicting.containsKey(root);
    }

    /** Records the column in the classes; false when the column is compared by two different equality functions. */
    private static boolean member(InputRef x, FuncExpr f, Map<Integer, Long> function, Map<Integer, InputRef> columns,
                                  Map<Integer, Integer> parent) {
        Long known = function.putIfAbsent(x.index(), family(f));
        if (known != null && known != family(f)) {
            return false;
        }
        columns.putIfAbsent(x.index(), x);
        parent.putIfAbsent(x.index(), x.index());
        return true;
    }

    private static int root(Map<Integer, Integer> parent, int i) {
        int r = i;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        return r;
    }

    /** An immutable {@code =} between two values of one type, with a column or a constant on each side. */
    private static FuncExpr equality(BoundExpr c) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2 || f.volatility() == 'v') {
            return null;
        }
        BoundExpr a = f.arguments().get(0);
        BoundExpr b = f.arguments().get(1);
        if (a.type() != b.type() && !(integral(a.type()) && integral(b.type()))
                || !(a instanceof InputRef || a instanceof Const)
                || !(b instanceof InputRef || b instanceof Const) || a instanceof Const && b instanceof Const) {
            return null;
        }
        return f;
    }

    /**
     * An equality of {@code x}'s type (left) and the constant's (right): the class's constant equality itself when
     * the types agree, else one of the conditions' equalities between those two types; null when none is at hand.
     */
    private static FuncExpr operatorFor(InputRef x, FuncExpr given, List<BoundExpr> conjuncts) {
        long constantType = constant(given).type();
        if (given.arguments().get(0).type() == x.type() && given.arguments().get(1).type() == constantType) {
            return given;
        }
        for (BoundExpr c : conjuncts) {
            FuncExpr f = equality(c);
            if (f != null && f.arguments().get(0).type() == x.type() && f.arguments().get(1).type() == constantType) {
                return f;
            }
        }
        if (integral(x.type()) && integral(constantType)) {
            // btree integer_ops has an equality for every pair of widths (int84eq ...): pg_proc's OIDs
            String source = "int" + width(x.type()) + (x.type() == constantType ? "" : width(constantType)) + "eq";
            long oid = switch (source) {
                case "int2eq" -> 63; case "int4eq" -> 65; case "int8eq" -> 467;
                case "int24eq" -> 158; case "int42eq" -> 159; case "int84eq" -> 474;
                case "int48eq" -> 852; case "int28eq" -> 1850; default -> 1856; // int82eq
            };
            return new FuncExpr(oid, given.name(), source, given.form(), given.arguments(), given.strict(),
                    given.volatility(), given.type(), given.typmod());
        }
        return null;
    }

    private static int width(long integralType) {
        return integralType == TypeOids.INT2 ? 2 : integralType == TypeOids.INT4 ? 4 : 8;
    }

    /** The operator family an equality belongs to: one for the integers of every width, else its own function. */
    private static long family(FuncExpr f) {
        return integral(f.arguments().get(0).type()) && integral(f.arguments().get(1).type()) ? -1 : f.function();
    }

    private static boolean integral(long type) {
        return type == TypeOids.INT2 || type == TypeOids.INT4 || type == TypeOids.INT8;
    }

    /** Whether two constants of a class are the same value (integers of different widths compared as numbers). */
    private static boolean sameValue(Object a, Object b) {
        if ((a instanceof Integer || a instanceof Long || a instanceof Short)
                && (b instanceof Integer || b instanceof Long || b instanceof Short)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return Objects.equals(a, b);
    }

    private static InputRef column(FuncExpr f) {
        return f.arguments().get(0) instanceof InputRef x ? x : (InputRef) f.arguments().get(1);
    }

    private static BoundExpr constant(FuncExpr f) {
        return f.arguments().get(0) instanceof Const k ? k : f.arguments().get(1) instanceof Const k2 ? k2 : null;
    }
}
