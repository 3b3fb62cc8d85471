package org.lakepg.analytics.plan;

import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;

/** The result type of an expression over an input schema, by PostgreSQL's operator resolution for these types. */
public final class ExprTypes {

    private ExprTypes() {
    }

    public static PgType typeOf(Expr expr, Schema input) {
        return switch (expr) {
            case Expr.ColumnRef c -> input.column(c.index()).type();
            case Expr.Literal l -> l.type();
            case Expr.Arithmetic a -> arithmeticType(typeOf(a.left(), input), typeOf(a.right(), input));
            case Expr.Comparison c -> {
                comparisonDomain(typeOf(c.left(), input), typeOf(c.right(), input));
                yield PgType.BOOL;
            }
            case Expr.And a -> PgType.BOOL;
            case Expr.Or o -> PgType.BOOL;
            case Expr.Not n -> PgType.BOOL;
            case Expr.IsNull n -> PgType.BOOL;
        };
    }

    /**
     * int2 op int2 = int2, the wider integer otherwise; numeric with integers = numeric; float4 op float4 = float4;
     * any other mix with a float = float8 (PostgreSQL casts integers and numeric to float8 there).
     */
    public static PgType arithmeticType(PgType left, PgType right) {
        if (!left.isNumeric() || !right.isNumeric()) {
            throw new IllegalArgumentException("operator does not exist: " + left.name().toLowerCase() + " and "
                    + right.name().toLowerCase() + " (only numeric arithmetic runs on the columnar engine)");
        }
        if (left.isInteger() && right.isInteger()) {
            if (left == PgType.INT8 || right == PgType.INT8) {
                return PgType.INT8;
            }
            return left == PgType.INT4 || right == PgType.INT4 ? PgType.INT4 : PgType.INT2;
        }
        if (left == PgType.FLOAT4 && right == PgType.FLOAT4) {
            return PgType.FLOAT4;
        }
        if (left == PgType.FLOAT4 || left == PgType.FLOAT8 || right == PgType.FLOAT4 || right == PgType.FLOAT8) {
            return PgType.FLOAT8;
        }
        return PgType.NUMERIC;
    }

    /** How two values are compared. */
    public enum Domain { LONG, DOUBLE, DECIMAL, STRING, BYTES, BOOL, UUID, DATE, TIMESTAMP, TIMESTAMPTZ }

    public static Domain comparisonDomain(PgType left, PgType right) {
        if (left.isNumeric() && right.isNumeric()) {
            PgType t = arithmeticType(left, right);
            return t.isInteger() ? Domain.LONG : t == PgType.NUMERIC ? Domain.DECIMAL : Domain.DOUBLE;
        }
        Domain l = domainOf(left);
        if (l != domainOf(right)) {
            throw new IllegalArgumentException("operator does not exist: " + left.name().toLowerCase() + " = "
                    + right.name().toLowerCase());
        }
        return l;
    }

    private static Domain domainOf(PgType t) {
        return switch (t) {
            case BOOL -> Domain.BOOL;
            case TEXT, VARCHAR, BPCHAR -> Domain.STRING;
            case BYTEA -> Domain.BYTES;
            case UUID -> Domain.UUID;
            case DATE -> Domain.DATE;
            case TIMESTAMP -> Domain.TIMESTAMP;
            case TIMESTAMPTZ -> Domain.TIMESTAMPTZ;
            case INT2, INT4, INT8 -> Domain.LONG;
            case FLOAT4, FLOAT8 -> Domain.DOUBLE;
            case NUMERIC -> Domain.DECIMAL;
        };
    }
}
