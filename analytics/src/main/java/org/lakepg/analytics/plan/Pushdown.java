package org.lakepg.analytics.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;

/**
 * Picks from a filter the conjuncts a scan can use to skip row groups: {@code column op literal} (either order) and
 * {@code column IS [NOT] NULL}, with the literal converted to the column's own Java type when that is exact.
 */
public final class Pushdown {

    private Pushdown() {
    }

    /**
     * @param filter  the predicate over the scan's output columns
     * @param source  the scan source's schema
     * @param columns the scan's column list (output position -> source column)
     */
    public static List<ColumnPredicate> extract(Expr filter, Schema source, List<Integer> columns) {
        List<ColumnPredicate> out = new ArrayList<>();
        collect(filter, source, columns, out);
        return out;
    }

    private static void collect(Expr e, Schema source, List<Integer> columns, List<ColumnPredicate> out) {
        switch (e) {
            case Expr.And and -> and.terms().forEach(t -> collect(t, source, columns, out));
            case Expr.IsNull isNull when isNull.operand() instanceof Expr.ColumnRef c -> out.add(new ColumnPredicate(
                    columns.get(c.index()), isNull.negated() ? ColumnPredicate.Op.IS_NOT_NULL
                    : ColumnPredicate.Op.IS_NULL, null));
            case Expr.Comparison cmp -> {
                if (cmp.left() instanceof Expr.ColumnRef c && cmp.right() instanceof Expr.Literal l) {
                    add(columns.get(c.index()), cmp.op(), l, source, out);
                } else if (cmp.right() instanceof Expr.ColumnRef c && cmp.left() instanceof Expr.Literal l) {
                    add(columns.get(c.index()), cmp.op().flipped(), l, source, out);
                }
            }
            default -> {
            }
        }
    }

    private static void add(int column, Expr.CompareOp op, Expr.Literal literal, Schema source,
                            List<ColumnPredicate> out) {
        if (literal.value() == null) {
            return;
        }
        Object value = convert(literal, source.column(column).type());
        if (value != null) {
            out.add(new ColumnPredicate(column, ColumnPredicate.Op.valueOf(op.name()), value));
        }
    }

    /** The literal as a value of the column's type, or null if the conversion is not exact. */
    private static Object convert(Expr.Literal literal, PgType columnType) {
        Object v = literal.value();
        PgType t = literal.type();
        if (t.isInteger() && columnType.isInteger()) {
            long x = ((Number) v).longValue();
            return switch (columnType) {
                case INT2 -> x == (short) x ? (Object) (short) x : null;
                case INT4 -> x == (int) x ? (Object) (int) x : null;
                default -> x;
            };
        }
        if (t.isInteger() && columnType == PgType.NUMERIC) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (t.kind() == columnType.kind() && (t == columnType || t.kind() == PgType.Kind.STRING)) {
            return v;
        }
        return null;
    }
}
