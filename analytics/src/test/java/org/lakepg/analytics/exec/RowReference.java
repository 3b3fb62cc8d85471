package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.ExprTypes;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.SortKey;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A deliberately plain row-at-a-time evaluator of plans: one boxed row at a time, nested-loop joins, list sorts.
 * The vectorized engine must give exactly its answers (same rows, same order where the plan defines one).
 */
final class RowReference {

    /** Per scan node: its output rows (the scan's columns), in the order the scan produces them. */
    private final Map<PlanNode.Scan, List<Object[]>> tables;

    RowReference(Map<PlanNode.Scan, List<Object[]>> tables) {
        this.tables = tables;
    }

    List<Object[]> run(PlanNode node) {
        return switch (node) {
            case PlanNode.Scan s -> tables.get(s); // the scan's output rows, in scan order
            case PlanNode.Filter f -> {
                Schema in = f.input().schema();
                List<Object[]> out = new ArrayList<>();
                for (Object[] row : run(f.input())) {
                    if (Boolean.TRUE.equals(eval(f.predicate(), row, in))) {
                        out.add(row);
                    }
                }
                yield out;
            }
            case PlanNode.Project p -> {
                Schema in = p.input().schema();
                List<Object[]> out = new ArrayList<>();
                for (Object[] row : run(p.input())) {
                    Object[] o = new Object[p.expressions().size()];
                    for (int i = 0; i < o.length; i++) {
                        o[i] = eval(p.expressions().get(i), row, in);
                    }
                    out.add(o);
                }
                yield out;
            }
            case PlanNode.Aggregate a -> aggregate(a);
            case PlanNode.Sort s -> {
                List<Object[]> rows = new ArrayList<>(run(s.input()));
                rows.sort((x, y) -> compareRows(x, y, s.keys()));
                long limit = s.limit().orElse(Long.MAX_VALUE);
                yield rows.size() > limit ? new ArrayList<>(rows.subList(0, (int) limit)) : rows;
            }
            case PlanNode.Limit l -> {
                List<Object[]> rows = run(l.input());
                yield rows.size() > l.count() ? new ArrayList<>(rows.subList(0, (int) l.count())) : rows;
            }
            case PlanNode.HashJoin j -> {
                List<Object[]> left = run(j.left());
                List<Object[]> right = run(j.right());
                Schema ls = j.left().schema();
                Schema rs = j.right().schema();
                List<Object[]> out = new ArrayList<>();
                for (Object[] l : left) {
                    boolean matched = false;
                    for (Object[] r : right) {
                        boolean all = true;
                        for (int k = 0; k < j.leftKeys().size() && all; k++) {
                            Object a = l[j.leftKeys().get(k)];
                            Object b = r[j.rightKeys().get(k)];
                            all = a != null && b != null && compareValues(a, ls.column(j.leftKeys().get(k)).type(),
                                    b, rs.column(j.rightKeys().get(k)).type()) == 0;
                        }
                        if (all) {
                            matched = true;
                            out.add(concat(l, r));
                        }
                    }
                    if (!matched && j.type() == PlanNode.JoinType.LEFT) {
                        out.add(concat(l, new Object[rs.size()]));
                    }
                }
                yield out;
            }
        };
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private List<Object[]> aggregate(PlanNode.Aggregate a) {
        Schema in = a.input().schema();
        Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
        Map<List<Object>, Object[]> firstRow = new LinkedHashMap<>();
        for (Object[] row : run(a.input())) {
            List<Object> key = new ArrayList<>();
            for (int g : a.groupBy()) {
                key.add(canonical(row[g]));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            firstRow.putIfAbsent(key, row);
        }
        if (a.groupBy().isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), List.of());
            firstRow.put(List.of(), new Object[in.size()]);
        }
        List<Object[]> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Object[]>> e : groups.entrySet()) {
            Object[] o = new Object[a.groupBy().size() + a.aggregates().size()];
            for (int g = 0; g < a.groupBy().size(); g++) {
                o[g] = firstRow.get(e.getKey())[a.groupBy().get(g)];
            }
            for (int k = 0; k < a.aggregates().size(); k++) {
                AggCall call = a.aggregates().get(k);
                o[a.groupBy().size() + k] = aggregateOne(call, call.column() < 0 ? null : in.column(call.column()).type(),
                        e.getValue());
            }
            out.add(o);
        }
        return out;
    }

    /** Group-by equality as PostgreSQL's: 1.0 = 1.00, -0.0 = 0.0, NaN = NaN; bytes by content. */
    private static Object canonical(Object v) {
        return switch (v) {
            case BigDecimal d -> d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            case Double d -> d == 0.0 ? 0.0 : d;
            case Float f -> f == 0.0f ? 0.0f : f;
            case byte[] b -> Arrays.toString(b);
            case null -> "NULL";
            default -> v;
        };
    }

    private static Object aggregateOne(AggCall call, PgType type, List<Object[]> rows) {
        List<Object> values = new ArrayList<>();
        for (Object[] r : rows) {
            if (call.column() < 0) {
                values.add(Boolean.TRUE);
            } else if (r[call.column()] != null) {
                values.add(r[call.column()]);
            }
        }
        switch (call.function()) {
            case COUNT_STAR, COUNT:
                return (long) values.size();
            default:
        }
        if (values.isEmpty()) {
            return null;
        }
        switch (call.function()) {
            case MIN, MAX: {
                Object best = values.get(0);
                for (Object v : values) {
                    int c = compareValues(v, type, best, type);
                    if (call.function() == AggCall.Function.MIN ? c < 0 : c > 0) {
                        best = v;
                    }
                }
                return best;
            }
            case SUM:
                switch (type) {
                    case INT2, INT4: {
                        long s = 0;
                        for (Object v : values) {
                            s = Math.addExact(s, ((Number) v).longValue());
                        }
                        return s;
                    }
                    case INT8, NUMERIC:
                        return sumDecimal(values);
                    case FLOAT4: {
                        float s = 0;
                        for (Object v : values) {
                            s += (Float) v;
                        }
                        return s;
                    }
                    default: {
                        double s = 0;
                        for (Object v : values) {
                            s += (Double) v;
                        }
                        return s;
                    }
                }
            default: // AVG
                if (type == PgType.FLOAT4 || type == PgType.FLOAT8) {
                    double s = 0;
                    for (Object v : values) {
                        s += ((Number) v).doubleValue();
                    }
                    return s / values.size();
                }
                return divide(sumDecimal(values), BigDecimal.valueOf(values.size()));
        }
    }

    private static BigDecimal sumDecimal(List<Object> values) {
        BigDecimal s = null;
        for (Object v : values) {
            BigDecimal d = v instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) v).longValue());
            s = s == null ? d : s.add(d);
        }
        return s;
    }

    /**
     * numeric division, scaled as PostgreSQL does: the quotient's weight is estimated from the base-10000 digit
     * groups of both operands, and 16 significant digits are kept (never fewer decimals than either input).
     */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        int scale = Math.max(16 - 4 * quotientWeight(a, b), Math.max(Math.max(a.scale(), b.scale()), 0));
        return a.divide(b, Math.min(scale, 1000), RoundingMode.HALF_UP);
    }

    private static int quotientWeight(BigDecimal a, BigDecimal b) {
        int[] ga = firstGroup(a);
        int[] gb = firstGroup(b);
        return ga[0] - gb[0] - (ga[1] <= gb[1] ? 1 : 0);
    }

    /** {weight, value} of the first non-zero base-10000 digit group, from the decimal string. */
    private static int[] firstGroup(BigDecimal v) {
        if (v.signum() == 0) {
            return new int[] {0, 0};
        }
        String plain = v.abs().toPlainString();
        String intPart = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String frac = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        // pad both sides to whole groups of 4 around the decimal point
        while (intPart.length() % 4 != 0) {
            intPart = "0" + intPart;
        }
        while (frac.length() % 4 != 0) {
            frac = frac + "0";
        }
        String digits = intPart + frac;
        int groupsBeforePoint = intPart.length() / 4;
        for (int g = 0; g < digits.length() / 4; g++) {
            int value = Integer.parseInt(digits.substring(g * 4, g * 4 + 4));
            if (value != 0) {
                return new int[] {groupsBeforePoint - 1 - g, value};
            }
        }
        return new int[] {0, 0};
    }

    private static int compareRows(Object[] x, Object[] y, List<SortKey> keys) {
        for (SortKey k : keys) {
            Object a = x[k.column()];
            Object b = y[k.column()];
            if (a == null || b == null) {
                if (a == null && b == null) {
                    continue;
                }
                return (a == null) == k.nullsFirst() ? -1 : 1;
            }
            int c = compareValues(a, null, b, null);
            if (c != 0) {
                return k.descending() ? -c : c;
            }
        }
        return 0;
    }

    /** Compares two non-null values (types may differ within the numeric family). */
    static int compareValues(Object a, PgType ta, Object b, PgType tb) {
        if (a instanceof Number && b instanceof Number) {
            if (a instanceof Float || a instanceof Double || b instanceof Float || b instanceof Double) {
                double x = ((Number) a).doubleValue();
                double y = ((Number) b).doubleValue();
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
                }
                return x == y ? 0 : x < y ? -1 : 1;
            }
            return decimal(a).compareTo(decimal(b));
        }
        return switch (a) {
            case String s -> Arrays.compareUnsigned(s.getBytes(StandardCharsets.UTF_8),
                    ((String) b).getBytes(StandardCharsets.UTF_8));
            case byte[] x -> Arrays.compareUnsigned(x, (byte[]) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case UUID u -> Comparator.comparing((UUID w) -> w.toString()).compare(u, (UUID) b);
            default -> throw new IllegalArgumentException(a.getClass().toString());
        };
    }

    private static BigDecimal decimal(Object n) {
        return n instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) n).longValue());
    }

    Object eval(Expr e, Object[] row, Schema in) {
        return switch (e) {
            case Expr.ColumnRef c -> row[c.index()];
            case Expr.Literal l -> l.value();
            case Expr.Comparison c -> {
                Object a = eval(c.left(), row, in);
                Object b = eval(c.right(), row, in);
                if (a == null || b == null) {
                    yield null;
                }
                int r = compareValues(a, null, b, null);
                yield switch (c.op()) {
                    case EQ -> r == 0;
                    case NE -> r != 0;
                    case LT -> r < 0;
                    case LE -> r <= 0;
                    case GT -> r > 0;
                    case GE -> r >= 0;
                };
            }
            case Expr.And and -> {
                boolean sawNull = false;
                for (Expr t : and.terms()) {
                    Object v = eval(t, row, in);
                    if (Boolean.FALSE.equals(v)) {
                        yield false;
                    }
                    sawNull |= v == null;
                }
                yield sawNull ? null : true;
            }
            case Expr.Or or -> {
                boolean sawNull = false;
                for (Expr t : or.terms()) {
                    Object v = eval(t, row, in);
                    if (Boolean.TRUE.equals(v)) {
                        yield true;
                    }
                    sawNull |= v == null;
                }
                yield sawNull ? null : false;
            }
            case Expr.Not not -> {
                Object v = eval(not.operand(), row, in);
                yield v == null ? null : !(Boolean) v;
            }
            case Expr.IsNull isNull -> (eval(isNull.operand(), row, in) == null) != isNull.negated();
            case Expr.Arithmetic a -> arithmetic(a, eval(a.left(), row, in), eval(a.right(), row, in),
                    ExprTypes.typeOf(a, in));
        };
    }

    private static Object arithmetic(Expr.Arithmetic a, Object x, Object y, PgType type) {
        if (x == null || y == null) {
            return null;
        }
        switch (type) {
            case INT2, INT4, INT8: {
                BigDecimal bx = decimal(x);
                BigDecimal by = decimal(y);
                BigDecimal r = switch (a.op()) {
                    case ADD -> bx.add(by);
                    case SUBTRACT -> bx.subtract(by);
                    case MULTIPLY -> bx.multiply(by);
                    case DIVIDE -> {
                        if (by.signum() == 0) {
                            throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                        }
                        yield bx.divide(by, 0, RoundingMode.DOWN);
                    }
                    case MODULO -> {
                        if (by.signum() == 0) {
                            throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                        }
                        yield bx.remainder(by);
                    }
                };
                long min = type == PgType.INT2 ? Short.MIN_VALUE : type == PgType.INT4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
                long max = type == PgType.INT2 ? Short.MAX_VALUE : type == PgType.INT4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
                if (r.compareTo(BigDecimal.valueOf(min)) < 0 || r.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
                            type == PgType.INT2 ? "smallint" : type == PgType.INT4 ? "integer" : "bigint");
                }
                long v = r.longValueExact();
                return type == PgType.INT2 ? (Object) (short) v : type == PgType.INT4 ? (Object) (int) v : v;
            }
            case NUMERIC: {
                BigDecimal bx = decimal(x);
                BigDecimal by = decimal(y);
                return switch (a.op()) {
                    case ADD -> bx.add(by);
                    case SUBTRACT -> bx.subtract(by);
                    case MULTIPLY -> bx.multiply(by);
                    case DIVIDE -> {
                        if (by.signum() == 0) {
                            throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                        }
                        yield divide(bx, by);
                    }
                    case MODULO -> {
                        if (by.signum() == 0) {
                            throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                        }
                        yield bx.remainder(by).setScale(Math.max(bx.scale(), by.scale()));
                    }
                };
            }
            default: {
                double dx = ((Number) x).doubleValue();
                double dy = ((Number) y).doubleValue();
                if (a.op() == Expr.ArithOp.DIVIDE && dy == 0) {
                    throw PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                }
                double r = switch (a.op()) {
                    case ADD -> dx + dy;
                    case SUBTRACT -> dx - dy;
                    case MULTIPLY -> dx * dy;
                    case DIVIDE -> dx / dy;
                    case MODULO -> throw new IllegalStateException("no float modulo in random plans");
                };
                if (type == PgType.FLOAT4) {
                    return (float) r;
                }
                return r;
            }
        }
    }
}
