package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.PartitionBoundSpec;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;
import org.lakepg.server.table.PartitionKey;
import org.lakepg.server.table.TableInfo;

/**
 * Partition pruning at plan time for the simplest and commonest case (PostgreSQL's partprune.c does far more): the
 * WHERE condition fixes key columns with {@code col = constant} or {@code col IS NULL} conjuncts, and a partition
 * whose bound cannot hold such a row is left out of the scan. Anything it cannot decide keeps the partition.
 */
final class PartitionPruning {
    /** A key column fixed by the condition: its value (null for IS NULL). */
    private record Fixed(Object value) {}

    /** Limits on a column's values from {@code <, <=, >, >=} conjuncts (numbers and dates only). */
    private static final class Interval {
        Comparable<Object> low;
        boolean lowInclusive;
        Comparable<Object> high;
        boolean highInclusive;
    }

    private final AnalyzerCatalog catalog;
    private final Inheritance inheritance;
    private final Map<String, Fixed> fixed = new HashMap<>();
    private final Map<String, Interval> intervals = new HashMap<>();
    /** OR conjuncts (and IN lists): a partition may match only if one of the branches may. */
    private final List<List<PartitionPruning>> alternatives = new ArrayList<>();
    private boolean contradiction;

    /** @param names the names of the scanned row's columns (the parent's), by position */
    PartitionPruning(AnalyzerCatalog catalog, BoundExpr where, List<String> names) {
        this.catalog = catalog;
        this.inheritance = catalog.inheritance();
        collect(where, names);
    }

    private void collect(BoundExpr e, List<String> names) {
        switch (e) {
            case BoolExpr b when b.kind() == BoolExpr.Kind.AND -> b.arguments().forEach(a -> collect(a, names));
            case BoolExpr b when b.kind() == BoolExpr.Kind.OR ->
                    alternatives.add(b.arguments().stream().map(a -> new PartitionPruning(catalog, a, names)).toList());
            case Const c when Boolean.FALSE.equals(c.value()) -> contradiction = true;
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr s when s.any()
                    && s.comparison() instanceof FuncExpr f && f.name().equals("=") && column(s.left()) >= 0
                    && column(s.left()) < names.size() && s.left().type() != org.lakepg.server.catalog.TypeOids.BPCHAR
                    && s.array() instanceof org.lakepg.server.sql.plan.expr.ArrayExpr a
                    && a.elements().stream().allMatch(x -> constant(x) != null) -> {
                List<PartitionPruning> branches = new ArrayList<>();
                for (BoundExpr x : a.elements()) {
                    PartitionPruning branch = new PartitionPruning(catalog, new Const(org.lakepg.server.catalog.TypeOids.BOOL,
                            -1, true), names);
                    branch.fixed.put(names.get(column(s.left())), new Fixed(constant(x)));
                    branches.add(branch);
                }
                alternatives.add(branches);
            }
            case FuncExpr f when f.form() == FuncExpr.Form.OPERATOR && f.arguments().size() == 2
                    && List.of("<", "<=", ">", ">=").contains(f.name()) -> {
                int left = column(f.arguments().get(0));
                int right = column(f.arguments().get(1));
                if (left >= 0 && left < names.size() && comparable(constant(f.arguments().get(1)))) {
                    limit(names.get(left), f.name(), constant(f.arguments().get(1)));
                } else if (right >= 0 && right < names.size() && comparable(constant(f.arguments().get(0)))) {
                    limit(names.get(right), switch (f.name()) {
                        case "<" -> ">";
                        case "<=" -> ">=";
                        case ">" -> "<";
                        default -> "<=";
                    }, constant(f.arguments().get(0)));
                }
            }
            case FuncExpr f when f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=") && f.arguments().size() == 2
                    && f.arguments().stream().anyMatch(a -> a.type() == org.lakepg.server.catalog.TypeOids.BPCHAR) -> { }
            case NullTest t when !t.negated() && column(t.argument()) >= 0 && column(t.argument()) < names.size() ->
                    fixed.put(names.get(column(t.argument())), new Fixed(null));
            case FuncExpr f when f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=") && f.arguments().size() == 2 -> {
                int left = column(f.arguments().get(0));
                int right = column(f.arguments().get(1));
                Object lv = constant(f.arguments().get(1));
                Object rv = constant(f.arguments().get(0));
                if (left >= 0 && left < names.size() && lv != null) {
                    fixed.put(names.get(left), new Fixed(lv));
                } else if (right >= 0 && right < names.size() && rv != null) {
                    fixed.put(names.get(right), new Fixed(rv));
                }
            }
            default -> { }
        }
    }

    private static boolean comparable(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.time.LocalDate;
    }

    @SuppressWarnings("unchecked")
    private void limit(String column, String op, Object value) {
        Comparable<Object> v = (Comparable<Object>) (value instanceof Number n ? (Object) n.longValue() : value);
        Interval i = intervals.computeIfAbsent(column, k -> new Interval());
        boolean inclusive = op.endsWith("=");
        if (op.startsWith(">")) {
            if (i.low == null || v.compareTo(i.low) > 0 || v.compareTo(i.low) == 0 && !inclusive) {
                i.low = v;
                i.lowInclusive = inclusive;
            }
        } else if (i.high == null || v.compareTo(i.high) < 0 || v.compareTo(i.high) == 0 && !inclusive) {
            i.high = v;
            i.highInclusive = inclusive;
        }
    }

    private static int column(BoundExpr e) {
        return switch (e) {
            case InputRef r -> r.index();
            case RelabelType r -> column(r.argument());
            default -> -1;
        };
    }

    private static Object constant(BoundExpr e) {
        return e instanceof Const c ? c.value() : null;
    }

    /** False when the partition (a member of the scan) certainly holds no row the condition accepts. */
    boolean mayMatch(long member) {
        if (contradiction) {
            return false;
        }
        for (List<PartitionPruning> branches : alternatives) {
            if (branches.stream().noneMatch(b -> b.mayMatch(member))) {
                return false;
            }
        }
        if (fixed.isEmpty() && intervals.isEmpty()) {
            return true;
        }
        for (long t = member; inheritance.isPartition(t); t = inheritance.parents(t).get(0)) {
            if (!fixed.isEmpty() && accepts(t) == Boolean.FALSE) {
                return false;
            }
            if (overlaps(t) == Boolean.FALSE) {
                return false;
            }
        }
        return true;
    }

    /** For a one-column range or list partition: whether its values can meet the column's interval; null if unknown. */
    private Boolean overlaps(long partition) {
        PartitionBound bound = inheritance.bound(partition).orElseThrow();
        long parentOid = inheritance.parents(partition).get(0);
        PartitionKey key = inheritance.key(parentOid).orElse(null);
        TableInfo parent = catalog.tableByOid(parentOid).orElse(null);
        if (bound.isDefault() || key == null || parent == null || key.columns().size() != 1 || key.columns().get(0) == 0) {
            return null;
        }
        ColumnInfo column = parent.columns().get(key.columns().get(0) - 1);
        Interval interval = intervals.get(column.name());
        if (interval == null) {
            return null;
        }
        PartitionBoundSpec spec = parse(bound.text());
        if (key.strategy() == 'l') {
            for (Expr e : spec.listdatums()) {
                Object d = datum(column, e);
                if (d == UNKNOWN || d != null && !comparable(d)) {
                    return null;
                }
                if (d != null && within(interval, d)) {
                    return true;
                }
            }
            return false;
        }
        if (key.strategy() != 'r') {
            return null;
        }
        Object lower = bound(column, spec.lowerdatums().get(0));
        Object upper = bound(column, spec.upperdatums().get(0));
        if (lower == UNKNOWN || upper == UNKNOWN) {
            return null;
        }
        // [lower, upper) against the interval (null bounds are MINVALUE / MAXVALUE)
        if (interval.high != null && lower != null) {
            int c = interval.high.compareTo(normalized(lower));
            if (c < 0 || c == 0 && !interval.highInclusive) {
                return false;
            }
        }
        if (interval.low != null && upper != null) {
            int c = interval.low.compareTo(normalized(upper));
            if (c >= 0) {
                return false;
            }
        }
        return true;
    }

    private static Object bound(ColumnInfo column, Expr e) {
        if (e instanceof ColumnRef) {
            return null;
        }
        Object d = datum(column, e);
        return d != null && comparable(d) ? d : UNKNOWN;
    }

    private static Object normalized(Object v) {
        return v instanceof Number n ? (Object) n.longValue() : v;
    }

    private static boolean within(Interval i, Object value) {
        Object v = normalized(value);
        if (i.low != null) {
            int c = i.low.compareTo(v);
            if (c > 0 || c == 0 && !i.lowInclusive) {
                return false;
            }
        }
        if (i.high != null) {
            int c = i.high.compareTo(v);
            return c > 0 || c == 0 && i.highInclusive;
        }
        return true;
    }

    /** Whether the partition's own bound accepts the fixed key; null when undecided. */
    private Boolean accepts(long partition) {
        long parentOid = inheritance.parents(partition).get(0);
        PartitionBound bound = inheritance.bound(partition).orElseThrow();
        if (bound.isDefault()) {
            for (long sibling : inheritance.children(parentOid)) {
                if (sibling != partition && inheritance.bound(sibling).map(b -> !b.isDefault()).orElse(false)) {
                    Boolean other = accepts(sibling);
                    if (other == null) {
                        return null;
                    }
                    if (other) {
                        return false;
                    }
                }
            }
            return true;
        }
        TableInfo parent = catalog.tableByOid(parentOid).orElse(null);
        PartitionKey key = inheritance.key(parentOid).orElse(null);
        if (parent == null || key == null) {
            return null;
        }
        List<ColumnInfo> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (short a : key.columns()) {
            if (a == 0) {
                return null; // expressions are not evaluated here
            }
            ColumnInfo c = parent.columns().get(a - 1);
            Fixed f = fixed.get(c.name());
            if (f == null) {
                return null;
            }
            columns.add(c);
            values.add(f.value());
        }
        PartitionBoundSpec spec = parse(bound.text());
        return switch (key.strategy()) {
            case 'l' -> {
                Object v = values.get(0);
                for (Expr e : spec.listdatums()) {
                    Object d = datum(columns.get(0), e);
                    if (d == UNKNOWN) {
                        yield null;
                    }
                    if (v == null ? d == null : d != null && same(v, d)) {
                        yield true;
                    }
                }
                yield false;
            }
            case 'r' -> {
                if (values.contains(null)) {
                    yield false;
                }
                Integer lower = compare(columns, values, spec.lowerdatums());
                Integer upper = compare(columns, values, spec.upperdatums());
                yield lower == null || upper == null ? null : lower >= 0 && upper < 0;
            }
            default -> null;
        };
    }

    private static final Object UNKNOWN = new Object();

    /** The row's key against a bound: -1, 0 or 1; null when the values cannot be compared here. */
    private static Integer compare(List<ColumnInfo> columns, List<Object> values, List<Expr> datums) {
        for (int i = 0; i < datums.size(); i++) {
            Expr e = datums.get(i);
            if (e instanceof ColumnRef c) {
                return c.fields().get(0).equalsIgnoreCase("minvalue") ? 1 : -1;
            }
            Object d = datum(columns.get(i), e);
            Object v = values.get(i);
            if (d == UNKNOWN || d == null || !(v instanceof Number && d instanceof Number)
                    && !(v instanceof java.time.LocalDate && d instanceof java.time.LocalDate)) {
                return null; // text order depends on the collation: not decided here
            }
            int cmp = v instanceof Number n ? compareNumbers(n, (Number) d)
                    : ((java.time.LocalDate) v).compareTo((java.time.LocalDate) d);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static boolean same(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y ? compareNumbers(x, y) == 0 : a.equals(b);
    }

    private static int compareNumbers(Number a, Number b) {
        return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString()));
    }

    /** A stored bound value in the key column's Java form (null for NULL). */
    private static Object datum(ColumnInfo column, Expr e) {
        String text;
        if (e instanceof AConst c) {
            if (c.kind() == AConst.Kind.NULL) {
                return null;
            }
            text = c.value();
        } else if (e instanceof TypeCast t && t.arg() instanceof AConst c) {
            return datum(column, c);
        } else {
            return UNKNOWN;
        }
        try {
            return org.lakepg.server.exec.expr.WireTypeIO.codec(column.type()).parseText(text);
        } catch (RuntimeException failure) {
            return UNKNOWN;
        }
    }

    private static PartitionBoundSpec parse(String text) {
        var parsed = org.lakepg.server.sql.parser.SqlParser.parse("CREATE TABLE x PARTITION OF y " + text);
        return ((org.lakepg.server.sql.ast.CreateStmt) parsed.get(0).statement()).partbound();
    }
}
