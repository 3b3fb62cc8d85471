package org.lakepg.server.index;

import java.util.Optional;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * A condition a B-tree index can answer (PostgreSQL's index qual): {@code column op value} with a built-in
 * comparison operator, where the column is a key column of the index and the value does not depend on the row, or
 * {@code column IS [NOT] NULL}. {@code position} is the key column's place in the index; {@code operator} is read
 * with the column on the left ({@code 42 > x} is {@code x < 42}).
 */
public record IndexCondition(int position, Operator operator, BoundExpr value) {

    public enum Operator {
        EQ, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL,
        /** {@code column = ANY (array)}: the value is the array; the scan reads from its least to its greatest key. */
        EQ_ANY,
        /** {@code column <, <=, > or >= ANY (array)}: checked on each entry, it does not bound the scan. */
        COMPARED_ANY;

        /** The operator with its sides swapped. */
        Operator commuted() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    /** First OID of objects users create: operators below it are PostgreSQL's own. */
    private static final long FIRST_USER_OID = 16384;

    /** The condition {@code conjunct} (over the table's columns) is for {@code index}, if it is one. */
    public static Optional<IndexCondition> of(BoundExpr conjunct, IndexInfo index, TableInfo table) {
        if (!index.expressions().isEmpty() || !IndexInfo.BTREE.equals(index.method())) {
            return Optional.empty();
        }
        if (conjunct instanceof NullTest n) {
            int position = position(n.argument(), index);
            return position < 0 ? Optional.empty()
                    : Optional.of(new IndexCondition(position, n.negated() ? Operator.IS_NOT_NULL : Operator.IS_NULL, null));
        }
        if (conjunct instanceof ScalarArrayOpExpr x) {
            return arrayCondition(x, index, table);
        }
        if (!(conjunct instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                || f.function() >= FIRST_USER_OID || !f.strict()) {
            return Optional.empty();
        }
        Operator operator = switch (f.name()) {
            case "=" -> Operator.EQ;
            case "<" -> Operator.LT;
            case "<=" -> Operator.LE;
            case ">" -> Operator.GT;
            case ">=" -> Operator.GE;
            default -> null;
        };
        if (operator == null) {
            return Optional.empty();
        }
        for (int side = 0; side < 2; side++) {
            int position = position(f.arguments().get(side), index);
            BoundExpr value = f.arguments().get(1 - side);
            if (position < 0 || dependsOnRow(value)) {
                continue;
            }
            long columnType = table.columns().get(index.columns().get(position) - 1).type();
            if (!comparable(columnType, value.type())) {
                continue;
            }
            return Optional.of(new IndexCondition(position, side == 0 ? operator : operator.commuted(), value));
        }
        return Optional.empty();
    }

    /**
     * {@code column op ANY (array)} with a built-in comparison whose element type the column's keys order alike and an
     * array that does not depend on the row (PostgreSQL's ScalarArrayOpExpr index qual, amsearcharray).
     */
    private static Optional<IndexCondition> arrayCondition(ScalarArrayOpExpr x, IndexInfo index, TableInfo table) {
        int position = position(x.left(), index);
        if (!x.any() || position < 0 || dependsOnRow(x.array()) || !(x.comparison() instanceof FuncExpr f)
                || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2 || f.function() >= FIRST_USER_OID
                || !f.strict()) {
            return Optional.empty();
        }
        Operator operator = switch (f.name()) {
            case "=" -> Operator.EQ_ANY;
            case "<", "<=", ">", ">=" -> Operator.COMPARED_ANY;
            default -> null;
        };
        BoundExpr element = f.arguments().get(1);
        while (element instanceof RelabelType r) {
            element = r.argument();
        }
        long columnType = table.columns().get(index.columns().get(position) - 1).type();
        if (operator == null || !(element instanceof InputRef in) || in.index() != 1 || !comparable(columnType, in.type())) {
            return Optional.empty();
        }
        return Optional.of(new IndexCondition(position, operator, x.array()));
    }

    /** The key position of the index column {@code e} reads, or -1. */
    private static int position(BoundExpr e, IndexInfo index) {
        while (e instanceof RelabelType r) {
            e = r.argument();
        }
        if (!(e instanceof InputRef in)) {
            return -1;
        }
        return index.columns().indexOf((short) (in.index() + 1));
    }

    /** Whether the index key encoding orders a column's and a value's types alike. */
    private static boolean comparable(long column, long value) {
        return integer(column) && integer(value) || column == value && column != TypeOids.BPCHAR
                || text(column) && text(value) || column == TypeOids.BPCHAR && value == TypeOids.BPCHAR;
    }

    private static boolean integer(long t) {
        return t == TypeOids.INT2 || t == TypeOids.INT4 || t == TypeOids.INT8;
    }

    private static boolean text(long t) {
        return t == TypeOids.TEXT || t == TypeOids.VARCHAR || t == TypeOids.NAME;
    }

    /** Whether the expression may give another value for another row (or on another call). */
    public static boolean dependsOnRow(BoundExpr e) {
        return switch (e) {
            case InputRef in -> true;
            case FuncExpr f -> f.volatility() == 'v' || f.arguments().stream().anyMatch(IndexCondition::dependsOnRow);
            case RelabelType r -> dependsOnRow(r.argument());
            case CoerceViaIO c -> dependsOnRow(c.argument());
            case Const c -> false;
            case org.lakepg.server.sql.plan.expr.ArrayExpr a -> a.elements().stream().anyMatch(IndexCondition::dependsOnRow);
            case ParamRef p -> false;
            case OuterParam p -> false;
            default -> true;
        };
    }
}
