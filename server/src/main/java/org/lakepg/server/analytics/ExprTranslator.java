package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.ExprTypes;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * Translates analyzed expressions into the columnar engine's: columns, constants, comparisons and arithmetic of the
 * types batches hold, AND/OR/NOT and IS [NOT] NULL. Anything else (functions, casts, LIKE, CASE, subqueries ...)
 * has no translation and keeps the query on the row engine. A translation is accepted only if the columnar
 * engine's result type is the one the analyzer chose, so results are identical either way.
 */
final class ExprTranslator {
    private ExprTranslator() {
    }

    /** {@code columns} maps the server's input column to the columnar plan's; {@code input} is that plan's schema. */
    static Optional<Expr> translate(BoundExpr e, IntUnaryOperator columns, Schema input) {
        try {
            Expr out = expr(e, columns, input);
            if (out == null) {
                return Optional.empty();
            }
            PgType type = ExprTypes.typeOf(out, input);
            Optional<PgType> expected = ColumnTypes.of(e.type());
            if (expected.isEmpty() || !sameValues(type, expected.get())) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IllegalArgumentException | UnsupportedValueException unsupported) {
            return Optional.empty();
        }
    }

    /** text, varchar hold the same Java values; everything else must match exactly. */
    private static boolean sameValues(PgType a, PgType b) {
        boolean aString = a == PgType.TEXT || a == PgType.VARCHAR;
        boolean bString = b == PgType.TEXT || b == PgType.VARCHAR;
        return a == b || (aString && bString);
    }

    private static Expr expr(BoundExpr e, IntUnaryOperator columns, Schema input) {
        return switch (e) {
            case InputRef r -> {
                if (ColumnTypes.of(r.type()).filter(ColumnTypes::comparable).isEmpty()) {
                    yield null;
                }
                yield Expr.column(columns.applyAsInt(r.index()));
            }
            case Const c -> ColumnTypes.of(c.type()).filter(ColumnTypes::comparable)
                    .map(t -> Expr.literal(c.value() == null ? null : ColumnTypes.toBatch(c.value()), t))
                    .orElse(null);
            case RelabelType r -> {
                boolean strings = (r.type() == 25 || r.type() == 1043)
                        && (r.argument().type() == 25 || r.argument().type() == 1043);
                yield strings ? expr(r.argument(), columns, input) : null;
            }
            case BoolExpr b -> {
                List<Expr> terms = new ArrayList<>();
                for (BoundExpr a : b.arguments()) {
                    Expr t = expr(a, columns, input);
                    if (t == null || ExprTypes.typeOf(t, input) != PgType.BOOL) {
                        yield null;
                    }
                    terms.add(t);
                }
                yield switch (b.kind()) {
                    case AND -> new Expr.And(terms);
                    case OR -> new Expr.Or(terms);
                    case NOT -> new Expr.Not(terms.get(0));
                };
            }
            case NullTest n -> {
                Expr operand = expr(n.argument(), columns, input);
                yield operand == null ? null : new Expr.IsNull(operand, n.negated());
            }
            case FuncExpr f -> operator(f, columns, input);
            default -> null;
        };
    }

    private static Expr operator(FuncExpr f, IntUnaryOperator columns, Schema input) {
        if (f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2) {
            return null;
        }
        Expr left = expr(f.arguments().get(0), columns, input);
        Expr right = expr(f.arguments().get(1), columns, input);
        if (left == null || right == null) {
            return null;
        }
        Expr.CompareOp compare = switch (f.name()) {
            case "=" -> Expr.CompareOp.EQ;
            case "<>" -> Expr.CompareOp.NE;
            case "<" -> Expr.CompareOp.LT;
            case "<=" -> Expr.CompareOp.LE;
            case ">" -> Expr.CompareOp.GT;
            case ">=" -> Expr.CompareOp.GE;
            default -> null;
        };
        if (compare != null) {
            ExprTypes.comparisonDomain(ExprTypes.typeOf(left, input), ExprTypes.typeOf(right, input));
            return Expr.compare(compare, left, right);
        }
        Expr.ArithOp arith = switch (f.name()) {
            case "+" -> Expr.ArithOp.ADD;
            case "-" -> Expr.ArithOp.SUBTRACT;
            case "*" -> Expr.ArithOp.MULTIPLY;
            case "/" -> Expr.ArithOp.DIVIDE;
            case "%" -> Expr.ArithOp.MODULO;
            default -> null;
        };
        if (arith == null) {
            return null;
        }
        PgType l = ExprTypes.typeOf(left, input);
        PgType r = ExprTypes.typeOf(right, input);
        // PostgreSQL resolves e.g. int4 + int8 as int48pl; the columnar engine must pick the same result type
        if (ExprTypes.arithmeticType(l, r).oid() != f.type()) {
            return null;
        }
        return new Expr.Arithmetic(arith, left, right);
    }
}
