package org.lakepg.server.sql.analyzer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.PartitionBoundSpec;
import org.lakepg.server.sql.ast.TypeCast;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;

/**
 * The order PostgreSQL keeps a partitioned table's partitions in (its partition descriptor, partbounds.c), which is
 * the order a scan appends them and EXPLAIN lists them: hash partitions by modulus then remainder, list partitions
 * by their smallest value (one holding only NULL after those), range partitions by lower bound, DEFAULT last; a
 * partitioned partition is expanded where it stands. Bound values are compared as numbers when both read as numbers,
 * else as their text (the ISO forms of dates and times sort so).
 */
public final class PartitionOrder {
    private PartitionOrder() {}

    /** Every table below {@code table}: partitions depth-first in bound order, plain inheritance level by level. */
    static List<Long> descendants(Inheritance inheritance, long table) {
        if (!inheritance.isPartitioned(table)) {
            return inheritance.descendants(table);
        }
        List<Long> out = new ArrayList<>();
        for (long child : children(inheritance, table)) {
            out.add(child);
            if (inheritance.isPartitioned(child)) {
                out.addAll(descendants(inheritance, child));
            }
        }
        return out;
    }

    /** A partitioned table's direct partitions in bound order (another table's children as they are). */
    public static List<Long> children(Inheritance inheritance, long table) {
        List<Long> children = inheritance.children(table);
        if (!inheritance.isPartitioned(table) || children.size() < 2) {
            return children;
        }
        List<Rank> ranks = new ArrayList<>();
        for (long child : children) {
            ranks.add(rank(child, inheritance.bound(child).orElse(null)));
        }
        ranks.sort(Comparator.naturalOrder());
        return ranks.stream().map(Rank::table).toList();
    }

    /** Where a partition stands: its group (values, NULL only, DEFAULT) and its bound's first values. */
    private record Rank(long table, int group, List<Object> values) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank o) {
            if (group != o.group) {
                return Integer.compare(group, o.group);
            }
            for (int i = 0; i < Math.min(values.size(), o.values.size()); i++) {
                int c = compareValues(values.get(i), o.values.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(values.size(), o.values.size());
        }
    }

    private static final Object MINVALUE = new Object();
    private static final Object MAXVALUE = new Object();

    private static Rank rank(long table, PartitionBound bound) {
        if (bound == null || bound.isDefault()) {
            return new Rank(table, 2, List.of());
        }
        PartitionBoundSpec spec;
        try {
            var parsed = org.lakepg.server.sql.parser.SqlParser.parse("CREATE TABLE x PARTITION OF y " + bound.text());
            spec = ((org.lakepg.server.sql.ast.CreateStmt) parsed.get(0).statement()).partbound();
        } catch (RuntimeException e) {
            return new Rank(table, 1, List.of());
        }
        return switch (spec.strategy()) {
            case 'h' -> new Rank(table, 0, List.of(BigDecimal.valueOf(spec.modulus()),
                    BigDecimal.valueOf(spec.remainder())));
            case 'l' -> {
                Object least = null;
                for (Expr e : spec.listdatums()) {
                    Object v = value(e);
                    if (v != null && (least == null || compareValues(v, least) < 0)) {
                        least = v;
                    }
                }
                yield least == null ? new Rank(table, 1, List.of()) : new Rank(table, 0, List.of(least));
            }
            default -> new Rank(table, 0, spec.lowerdatums().stream().map(PartitionOrder::value).toList());
        };
    }

    /** A bound datum: a number, a text, MINVALUE / MAXVALUE, or null for NULL. */
    private static Object value(Expr e) {
        return switch (e) {
            case TypeCast t -> value(t.arg());
            case AConst c when c.kind() == AConst.Kind.NULL -> null;
            case AConst c -> number(c.value());
            case ColumnRef c when c.fields().size() == 1 && "minvalue".equalsIgnoreCase(c.fields().get(0).toString()) ->
                    MINVALUE;
            case ColumnRef c when c.fields().size() == 1 && "maxvalue".equalsIgnoreCase(c.fields().get(0).toString()) ->
                    MAXVALUE;
            default -> e.toString();
        };
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == MINVALUE || b == MAXVALUE) {
            return -1;
        }
        if (a == MAXVALUE || b == MINVALUE) {
            return 1;
        }
        if (a == null || b == null) {
            return a == null ? 1 : -1;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        return a.toString().compareTo(b.toString());
    }
}
