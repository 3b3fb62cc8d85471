package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.List;
import java.util.function.IntFunction;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr;
import org.lakepg.server.stats.ColumnStatistics;

/**
 * The fraction of rows a condition keeps (PostgreSQL's clausesel.c and selfuncs.c): AND-ed clauses
 * multiply; {@code column op constant} uses the column's most common values and histogram, else
 * PostgreSQL's defaults (0.005 for =, 1/3 for a range, 0.005 for a pattern); {@code a = b} between
 * two inputs is 1 / the larger number of distinct values.
 */
public final class Selectivity {
    static final double DEFAULT_EQ_SEL = 0.005;
    static final double DEFAULT_INEQ_SEL = 0.3333333333333333;
    static final double DEFAULT_MATCH_SEL = 0.005;
    static final double DEFAULT_UNK_SEL = 0.005;
    static final double DEFAULT_NOT_UNK_SEL = 1.0 - DEFAULT_UNK_SEL;
    static final double DEFAULT_BOOL_SEL = 0.5;

    private final IntFunction<ColumnEstimate> columns;
    /** The columns are one table's (a restriction clause), not a join's sides. */
    private final boolean oneTable;

    /** @param columns the table column behind each input column, or null when it comes from no table */
    public Selectivity(IntFunction<ColumnEstimate> columns) {
        this(columns, false);
    }

    private Selectivity(IntFunction<ColumnEstimate> columns, boolean oneTable) {
        this.columns = columns;
        this.oneTable = oneTable;
    }

    /**
     * The conditions of one table's scan: there {@code a = b} of two of its columns is eqsel's, which estimates a
     * column against a value only and otherwise guesses DEFAULT_EQ_SEL (get_restriction_variable), not a join's.
     */
    static Selectivity ofOneTable(IntFunction<ColumnEstimate> columns) {
        return new Selectivity(columns, true);
    }

    public double of(BoundExpr e) {
        return clamp(switch (e) {
            case null -> 1.0;
            case BoolExpr b when b.kind() == BoolExpr.Kind.AND -> b.arguments().stream().mapToDouble(this::of)
                    .reduce(1.0, (x, y) -> x * y);
            case BoolExpr b when b.kind() == BoolExpr.Kind.OR -> {
                double s = 0;
                for (BoundExpr a : b.arguments()) {
                    double t = of(a);
                    s = s + t - s * t;
                }
                yield s;
            }
            case BoolExpr b -> 1.0 - of(b.arguments().get(0));
            case Const c -> c.value() == null ? 0.0 : Boolean.FALSE.equals(c.value()) ? 0.0 : 1.0;
            case NullTest n -> nullTest(n);
            case ScalarArrayOpExpr s -> arrayOp(s);
            case FuncExpr f when f.form() == FuncExpr.Form.OPERATOR && f.arguments().size() == 2 -> operator(f);
            case InputRef in -> booleanColumn(in);
            case FuncExpr f -> 0.3333333; // a boolean function PostgreSQL knows nothing about
            default -> DEFAULT_BOOL_SEL;
        });
    }

    private double booleanColumn(InputRef in) {
        ColumnEstimate c = columns.apply(in.index());
        if (c == null || c.statistics() == null) {
            return DEFAULT_BOOL_SEL;
        }
        return equalsConstant(c, Boolean.TRUE);
    }

    private double nullTest(NullTest n) {
        ColumnEstimate c = column(n.argument());
        double nulls = c == null || c.statistics() == null ? -1 : c.statistics().nullFrac();
        if (nulls < 0) {
            return n.negated() ? DEFAULT_NOT_UNK_SEL : DEFAULT_UNK_SEL;
        }
        return n.negated() ? 1.0 - nulls : nulls;
    }

    private double arrayOp(ScalarArrayOpExpr s) {
        List<Object> values = arrayValues(s.array());
        ColumnEstimate c = column(s.left());
        if (values == null) {
            return s.any() ? DEFAULT_INEQ_SEL : DEFAULT_INEQ_SEL;
        }
        double total = s.any() ? 0 : 1;
        for (Object v : values) {
            double each = comparison(s.operator(), c, v, false);
            total = s.any() ? total + each - total * each : total * each;
        }
        return total;
    }

    private static List<Object> arrayValues(BoundExpr array) {
        if (array instanceof ArrayExpr a) {
            return a.elements().stream().map(x -> unwrap(x) instanceof Const k ? k.value() : (Object) x).toList();
        }
        if (array instanceof Const k && k.value() instanceof Object[] values) {
            return java.util.Arrays.asList(values);
        }
        return null;
    }

    private double operator(FuncExpr f) {
        BoundExpr a = f.arguments().get(0);
        BoundExpr b = f.arguments().get(1);
        ColumnEstimate left = column(a);
        ColumnEstimate right = column(b);
        String op = f.name();
        double containment = ContainmentSelectivity.of(f);
        if (containment >= 0) {
            return containment;
        }
        if (left != null && right != null) {
            return switch (op) {
                case "=" -> oneTable ? DEFAULT_EQ_SEL
                        : (1 - left.nullFrac()) * (1 - right.nullFrac()) / Math.max(left.distinct(), right.distinct());
                case "<>" -> 1 - DEFAULT_EQ_SEL;
                case "<", "<=", ">", ">=" -> DEFAULT_INEQ_SEL;
                default -> DEFAULT_EQ_SEL;
            };
        }
        if (right != null) {
            return comparison(commute(op), right, constant(a), true);
        }
        return comparison(op, left, constant(b), true);
    }

    private static String commute(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** {@code column op value}; value is a Java value, or a BoundExpr when it is not known at planning time. */
    private double comparison(String op, ColumnEstimate c, Object value, boolean known) {
        boolean constant = !(value instanceof BoundExpr);
        return switch (op) {
            case "=" -> c == null ? DEFAULT_EQ_SEL : constant ? equalsConstant(c, value) : equalsUnknown(c);
            case "<>" -> c == null ? 1 - DEFAULT_EQ_SEL
                    : 1.0 - (constant ? equalsConstant(c, value) : equalsUnknown(c)) - c.nullFrac();
            case "<", "<=", ">", ">=" -> c == null || !constant ? DEFAULT_INEQ_SEL : range(c, op, value);
            case "~~", "~~*", "~", "~*" -> DEFAULT_MATCH_SEL;
            case "!~~", "!~~*", "!~", "!~*" -> 1 - DEFAULT_MATCH_SEL;
            default -> DEFAULT_INEQ_SEL;
        };
    }

    private static double equalsUnknown(ColumnEstimate c) {
        return (1.0 - c.nullFrac()) / c.distinct();
    }

    /** var_eq_const: the value's frequency when it is a most common value, else an even share of the rest. */
    private static double equalsConstant(ColumnEstimate c, Object value) {
        if (value == null) {
            return 0;
        }
        if (c.unique()) {
            return 1.0 / Math.max(1, c.tableRows());
        }
        ColumnStatistics s = c.statistics();
        if (s == null) {
            return 1.0 / c.distinct();
        }
        for (int i = 0; i < s.mcvValues().size(); i++) {
            if (sameValue(s.mcvValues().get(i), value)) {
                return s.mcvFrequencies().get(i);
            }
        }
        double others = 1.0 - s.mcvTotal() - s.nullFrac();
        double otherDistinct = c.distinct() - s.mcvValues().size();
        double selec = otherDistinct > 1 ? others / otherDistinct : others;
        if (!s.mcvFrequencies().isEmpty()) {
            selec = Math.min(selec, s.mcvFrequencies().get(s.mcvFrequencies().size() - 1));
        }
        return selec;
    }

    /** scalarineqsel: the most common values that satisfy it plus the histogram's share of the others. */
    private static double range(ColumnEstimate c, String op, Object value) {
        ColumnStatistics s = c.statistics();
        if (s == null || value == null) {
            return DEFAULT_INEQ_SEL;
        }
        boolean less = op.startsWith("<");
        boolean inclusive = op.endsWith("=");
        double mcvMatch = 0;
        for (int i = 0; i < s.mcvValues().size(); i++) {
            Integer cmp = compare(s.mcvValues().get(i), value);
            if (cmp == null) {
                return DEFAULT_INEQ_SEL;
            }
            if (less ? cmp < 0 || inclusive && cmp == 0 : cmp > 0 || inclusive && cmp == 0) {
                mcvMatch += s.mcvFrequencies().get(i);
            }
        }
        double rest = 1.0 - s.mcvTotal() - s.nullFrac();
        List<Object> h = s.histogram();
        double histFrac;
        if (h.size() >= 2) {
            Double below = fractionBelow(h, value);
            if (below == null) {
                return DEFAULT_INEQ_SEL;
            }
            histFrac = less ? below : 1.0 - below;
        } else {
            histFrac = s.mcvValues().isEmpty() ? DEFAULT_INEQ_SEL : 0;
        }
        return mcvMatch + rest * histFrac;
    }

    /** The fraction of the histogram's population below the value, interpolating inside its bucket when numeric. */
    private static Double fractionBelow(List<Object> h, Object value) {
        int buckets = h.size() - 1;
        Integer first = compare(value, h.get(0));
        Integer last = compare(value, h.get(buckets));
        if (first == null || last == null) {
            return null;
        }
        if (first <= 0) {
            return 0.0;
        }
        if (last >= 0) {
            return 1.0;
        }
        for (int i = 1; i <= buckets; i++) {
            Integer cmp = compare(value, h.get(i));
            if (cmp == null) {
                return null;
            }
            if (cmp < 0) {
                double within = 0.5;
                if (value instanceof Number v && h.get(i - 1) instanceof Number lo && h.get(i) instanceof Number hi
                        && hi.doubleValue() > lo.doubleValue()) {
                    within = (v.doubleValue() - lo.doubleValue()) / (hi.doubleValue() - lo.doubleValue());
                }
                return (i - 1 + within) / buckets;
            }
        }
        return 1.0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Integer compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof java.math.BigDecimal)
                && !(b instanceof java.math.BigDecimal)) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof java.math.BigDecimal || b instanceof java.math.BigDecimal) {
            if (a instanceof Number x && b instanceof Number y) {
                return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString()));
            }
            return null;
        }
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return null;
    }

    private static boolean sameValue(Object a, Object b) {
        Integer cmp = compare(a, b);
        return cmp != null ? cmp == 0 : a.equals(b);
    }

    private ColumnEstimate column(BoundExpr e) {
        return unwrap(e) instanceof InputRef in ? columns.apply(in.index()) : null;
    }

    /** A constant's value, or the expression itself when its value is known only at run time. */
    private static Object constant(BoundExpr e) {
        return unwrap(e) instanceof Const c ? c.value() : e;
    }

    static double clamp(double s) {
        return Double.isNaN(s) ? DEFAULT_INEQ_SEL : Math.max(0, Math.min(1, s));
    }
}
