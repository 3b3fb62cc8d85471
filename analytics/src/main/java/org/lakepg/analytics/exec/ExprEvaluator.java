package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.FloatVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.ExprTypes;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Evaluates an {@link Expr} over a whole batch at once, producing one vector. */
public final class ExprEvaluator {

    private ExprEvaluator() {
    }

    public static ColumnVector evaluate(Expr expr, Batch batch) {
        int n = batch.rowCount();
        return switch (expr) {
            case Expr.ColumnRef c -> batch.column(c.index());
            case Expr.Literal l -> Vectors.constant(l.value(), l.type(), n);
            case Expr.Arithmetic a -> Arithmetic.apply(a.op(), evaluate(a.left(), batch), evaluate(a.right(), batch));
            case Expr.Comparison c -> compareMaybeScalar(c, batch);
            case Expr.And a -> logical(a.terms(), batch, true);
            case Expr.Or o -> logical(o.terms(), batch, false);
            case Expr.Not not -> {
                BoolVector v = bool(evaluate(not.operand(), batch));
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = !v.at(i);
                }
                yield new BoolVector(PgType.BOOL, out, n, v.nulls());
            }
            case Expr.IsNull isNull -> {
                ColumnVector v = evaluate(isNull.operand(), batch);
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = v.isNull(i) != isNull.negated();
                }
                yield new BoolVector(PgType.BOOL, out, n, NullMask.NONE);
            }
        };
    }

    private static BoolVector bool(ColumnVector v) {
        if (v instanceof BoolVector b) {
            return b;
        }
        throw PgException.of(SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type %s",
                v.type().name().toLowerCase());
    }

    /** Three-valued AND (all true → true, any false → false, else NULL) and OR (the dual). */
    private static BoolVector logical(List<Expr> terms, Batch batch, boolean isAnd) {
        int n = batch.rowCount();
        BoolVector[] values = new BoolVector[terms.size()];
        boolean anyNull = false;
        for (int t = 0; t < values.length; t++) {
            values[t] = bool(evaluate(terms.get(t), batch));
            anyNull |= values[t].nulls().hasNulls();
        }
        if (values.length == 0) {
            boolean[] out = new boolean[n];
            java.util.Arrays.fill(out, isAnd); // the empty AND is true, the empty OR false
            return new BoolVector(PgType.BOOL, out, n, NullMask.NONE);
        }
        if (!anyNull) {
            // two-valued: a plain AND/OR of the arrays
            boolean[] out = java.util.Arrays.copyOf(values[0].values(), n);
            for (int t = 1; t < values.length; t++) {
                boolean[] v = values[t].values();
                for (int i = 0; i < n; i++) {
                    out[i] = isAnd ? out[i] & v[i] : out[i] | v[i];
                }
            }
            return new BoolVector(PgType.BOOL, out, n, NullMask.NONE);
        }
        boolean[] decided = new boolean[n]; // a false (AND) / true (OR) term was seen
        boolean[] sawNull = new boolean[n];
        for (BoolVector v : values) {
            for (int i = 0; i < n; i++) {
                if (v.isNull(i)) {
                    sawNull[i] = true;
                } else if (v.at(i) != isAnd) {
                    decided[i] = true;
                }
            }
        }
        boolean[] out = new boolean[n];
        long[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (decided[i]) {
                out[i] = !isAnd;
            } else if (sawNull[i]) {
                if (nulls == null) {
                    nulls = NullMask.newBits(n);
                }
                NullMask.set(nulls, i);
            } else {
                out[i] = isAnd;
            }
        }
        return new BoolVector(PgType.BOOL, out, n, nulls == null ? NullMask.NONE : NullMask.of(nulls));
    }

    /** column op literal (either order) on integer or float columns compares against the scalar directly. */
    private static BoolVector compareMaybeScalar(Expr.Comparison c, Batch batch) {
        if (c.right() instanceof Expr.Literal l && l.value() != null && !(c.left() instanceof Expr.Literal)) {
            BoolVector fast = compareScalar(c.op(), evaluate(c.left(), batch), l);
            if (fast != null) {
                return fast;
            }
        } else if (c.left() instanceof Expr.Literal l && l.value() != null && !(c.right() instanceof Expr.Literal)) {
            BoolVector fast = compareScalar(c.op().flipped(), evaluate(c.right(), batch), l);
            if (fast != null) {
                return fast;
            }
        }
        return compare(c.op(), evaluate(c.left(), batch), evaluate(c.right(), batch));
    }

    /** The comparison of a vector with a scalar, or null when this fast path does not apply to the types. */
    private static BoolVector compareScalar(Expr.CompareOp op, ColumnVector left, Expr.Literal literal) {
        ExprTypes.Domain domain;
        try {
            domain = ExprTypes.comparisonDomain(left.type(), literal.type());
        } catch (IllegalArgumentException e) {
            return null;
        }
        int n = left.size();
        boolean[] out = new boolean[n];
        if (left instanceof org.lakepg.analytics.batch.StringVector text && text.isDictionaryEncoded()
                && literal.value() instanceof String b) {
            // each distinct string is compared once; rows pick their answer by dictionary id
            String[] dictionary = text.dictionary();
            boolean[] answer = new boolean[dictionary.length];
            for (int d = 0; d < dictionary.length; d++) {
                answer[d] = test(op, ValueOrder.compare(dictionary[d], b));
            }
            int[] ids = text.ids();
            for (int i = 0; dictionary.length > 0 && i < n; i++) { // no dictionary: every row is NULL
                out[i] = answer[ids[i]];
            }
        } else if (domain == ExprTypes.Domain.DOUBLE && (left instanceof DoubleVector || left instanceof FloatVector)
                && literal.value() instanceof Number number && !(literal.value() instanceof java.math.BigDecimal)) {
            double[] a = Vectors.doubles(left);
            double b = number.doubleValue();
            for (int i = 0; i < n; i++) {
                out[i] = test(op, ValueOrder.compareDoubles(a[i], b));
            }
        } else if ((domain == ExprTypes.Domain.LONG || domain == ExprTypes.Domain.DATE
                || domain == ExprTypes.Domain.TIMESTAMP || domain == ExprTypes.Domain.TIMESTAMPTZ)
                && literal.value() instanceof Number number) {
            long b = number.longValue();
            switch (left) {
                case org.lakepg.analytics.batch.IntVector v -> {
                    int[] a = v.values();
                    for (int i = 0; i < n; i++) {
                        out[i] = test(op, Long.compare(a[i], b));
                    }
                }
                case org.lakepg.analytics.batch.LongVector v -> {
                    long[] a = v.values();
                    for (int i = 0; i < n; i++) {
                        out[i] = test(op, Long.compare(a[i], b));
                    }
                }
                case org.lakepg.analytics.batch.ShortVector v -> {
                    short[] a = v.values();
                    for (int i = 0; i < n; i++) {
                        out[i] = test(op, Long.compare(a[i], b));
                    }
                }
                default -> {
                    return null;
                }
            }
        } else {
            return null;
        }
        return new BoolVector(PgType.BOOL, out, n, left.nulls());
    }

    static BoolVector compare(Expr.CompareOp op, ColumnVector left, ColumnVector right) {
        int n = left.size();
        NullMask nulls = NullMask.union(left.nulls(), right.nulls(), n);
        boolean[] out = new boolean[n];
        ExprTypes.Domain domain;
        try {
            domain = ExprTypes.comparisonDomain(left.type(), right.type());
        } catch (IllegalArgumentException e) {
            throw PgException.of(SqlState.UNDEFINED_FUNCTION, "%s", e.getMessage());
        }
        switch (domain) {
            case LONG, DATE, TIMESTAMP, TIMESTAMPTZ -> {
                long[] a = Vectors.longs(left);
                long[] b = Vectors.longs(right);
                for (int i = 0; i < n; i++) {
                    out[i] = test(op, Long.compare(a[i], b[i]));
                }
            }
            case DOUBLE -> {
                double[] a = Vectors.doubles(left);
                double[] b = Vectors.doubles(right);
                for (int i = 0; i < n; i++) {
                    out[i] = test(op, ValueOrder.compareDoubles(a[i], b[i]));
                }
            }
            case DECIMAL -> {
                BoolVector scaled = ScaledDecimals.compare(op, left, right, nulls, n);
                if (scaled != null) {
                    return scaled;
                }
                BigDecimal[] a = Vectors.decimals(left);
                BigDecimal[] b = Vectors.decimals(right);
                for (int i = 0; i < n; i++) {
                    if (!nulls.isNull(i)) {
                        out[i] = test(op, a[i].compareTo(b[i]));
                    }
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    if (!nulls.isNull(i)) {
                        out[i] = test(op, ValueOrder.compare(left.get(i), right.get(i)));
                    }
                }
            }
        }
        return new BoolVector(PgType.BOOL, out, n, nulls);
    }

    static boolean test(Expr.CompareOp op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** Vectorized arithmetic with PostgreSQL's result types and errors. */
    static final class Arithmetic {

        private Arithmetic() {
        }

        static ColumnVector apply(Expr.ArithOp op, ColumnVector left, ColumnVector right) {
            PgType type;
            try {
                type = ExprTypes.arithmeticType(left.type(), right.type());
            } catch (IllegalArgumentException e) {
                throw PgException.of(SqlState.UNDEFINED_FUNCTION, "%s", e.getMessage());
            }
            int n = left.size();
            NullMask nulls = NullMask.union(left.nulls(), right.nulls(), n);
            return switch (type) {
                case INT2, INT4, INT8 -> integers(op, type, Vectors.longs(left), Vectors.longs(right), nulls, n);
                case FLOAT4 -> floats(op, ((FloatVector) left).values(), ((FloatVector) right).values(), nulls, n);
                case FLOAT8 -> doubles(op, Vectors.doubles(left), Vectors.doubles(right), nulls, n);
                default -> {
                    ColumnVector scaled = ScaledDecimals.arithmetic(op, left, right, nulls, n);
                    yield scaled != null ? scaled : decimals(op, Vectors.decimals(left), Vectors.decimals(right), nulls, n);
                }
            };
        }

        private static PgException outOfRange(PgType type) {
            return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
                    type == PgType.INT2 ? "smallint" : type == PgType.INT4 ? "integer" : "bigint");
        }

        private static PgException divisionByZero() {
            return PgException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }

        private static ColumnVector integers(Expr.ArithOp op, PgType type, long[] a, long[] b, NullMask nulls, int n) {
            long min = type == PgType.INT2 ? Short.MIN_VALUE : type == PgType.INT4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = type == PgType.INT2 ? Short.MAX_VALUE : type == PgType.INT4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
            long[] out = new long[n];
            boolean anyNull = nulls.hasNulls();
            for (int i = 0; i < n; i++) {
                if (anyNull && nulls.isNull(i)) {
                    continue;
                }
                long x = a[i];
                long y = b[i];
                long r;
                try {
                    r = switch (op) {
                        case ADD -> Math.addExact(x, y);
                        case SUBTRACT -> Math.subtractExact(x, y);
                        case MULTIPLY -> Math.multiplyExact(x, y);
                        case DIVIDE -> {
                            if (y == 0) {
                                throw divisionByZero();
                            }
                            if (y == -1) {
                                yield Math.negateExact(x);
                            }
                            yield x / y;
                        }
                        case MODULO -> {
                            if (y == 0) {
                                throw divisionByZero();
                            }
                            yield y == -1 ? 0 : x % y;
                        }
                    };
                } catch (ArithmeticException e) {
                    throw outOfRange(type);
                }
                if (r < min || r > max) {
                    throw outOfRange(type);
                }
                out[i] = r;
            }
            VectorBuilder result = new VectorBuilder(type, n);
            for (int i = 0; i < n; i++) {
                if (anyNull && nulls.isNull(i)) {
                    result.addNull();
                } else if (type == PgType.INT2) {
                    result.addShort((short) out[i]);
                } else if (type == PgType.INT4) {
                    result.addInt((int) out[i]);
                } else {
                    result.addLong(out[i]);
                }
            }
            return result.build();
        }

        private static ColumnVector floats(Expr.ArithOp op, float[] a, float[] b, NullMask nulls, int n) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                if (!nulls.isNull(i)) {
                    out[i] = (float) checkedDouble(op, a[i], b[i], true);
                }
            }
            return new FloatVector(PgType.FLOAT4, out, n, nulls);
        }

        private static ColumnVector doubles(Expr.ArithOp op, double[] a, double[] b, NullMask nulls, int n) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                if (!nulls.isNull(i)) {
                    out[i] = checkedDouble(op, a[i], b[i], false);
                }
            }
            return new DoubleVector(PgType.FLOAT8, out, n, nulls);
        }

        /** float4/float8 operators: overflow to infinity and underflow to zero are errors, as in float.h. */
        private static double checkedDouble(Expr.ArithOp op, double x, double y, boolean single) {
            double r = switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> {
                    if (y == 0.0) {
                        throw divisionByZero();
                    }
                    yield x / y;
                }
                case MODULO -> throw PgException.of(SqlState.UNDEFINED_FUNCTION,
                        "operator does not exist: %s %% %s", single ? "real" : "double precision",
                        single ? "real" : "double precision");
            };
            if (single) {
                r = (float) r;
            }
            if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
            }
            if (r == 0.0 && (op == Expr.ArithOp.MULTIPLY && x != 0.0 && y != 0.0
                    || op == Expr.ArithOp.DIVIDE && x != 0.0 && !Double.isInfinite(y))) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
            }
            return r;
        }

        private static ColumnVector decimals(Expr.ArithOp op, BigDecimal[] a, BigDecimal[] b, NullMask nulls, int n) {
            VectorBuilder result = new VectorBuilder(PgType.NUMERIC, n);
            for (int i = 0; i < n; i++) {
                if (nulls.isNull(i)) {
                    result.addNull();
                    continue;
                }
                BigDecimal x = a[i];
                BigDecimal y = b[i];
                result.addObject(switch (op) {
                    case ADD -> x.add(y);
                    case SUBTRACT -> x.subtract(y);
                    case MULTIPLY -> x.multiply(y);
                    case DIVIDE -> {
                        if (y.signum() == 0) {
                            throw divisionByZero();
                        }
                        yield NumericDivision.divide(x, y);
                    }
                    case MODULO -> {
                        if (y.signum() == 0) {
                            throw divisionByZero();
                        }
                        yield x.remainder(y).setScale(Math.max(x.scale(), y.scale()));
                    }
                });
            }
            return result.build();
        }
    }
}
