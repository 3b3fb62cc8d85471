package org.lakepg.server.sql.optimizer;

import java.util.Optional;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * Whether one btree comparison of an expression with a constant implies another of the same expression (a small
 * part of PostgreSQL's predtest.c): {@code x = 'ATAAAA'} implies {@code x < 'B'}, {@code x < 5} implies
 * {@code x <= 7}. Constants are compared only where their order needs no collation: integers and name.
 */
final class PredicateImplication {
    private PredicateImplication() {}

    /** A comparison {@code expression op constant}, flipped when the constant is on the left. */
    record Comparison(BoundExpr expression, String operator, Const constant) {

        static Optional<Comparison> of(BoundExpr e) {
            if (!(e instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                    || flipped(f.name()) == null) {
                return Optional.empty();
            }
            BoundExpr left = f.arguments().get(0);
            BoundExpr right = f.arguments().get(1);
            if (constant(right) instanceof Const c && !c.isNull() && !(constant(left) instanceof Const)) {
                return Optional.of(new Comparison(left, f.name(), c));
            }
            if (constant(left) instanceof Const c && !c.isNull() && !(constant(right) instanceof Const)) {
                return Optional.of(new Comparison(right, flipped(f.name()), c));
            }
            return Optional.empty();
        }

        private static BoundExpr constant(BoundExpr e) {
            return e instanceof RelabelType r ? constant(r.argument()) : e;
        }

        private static String flipped(String operator) {
            return switch (operator) {
                case "<" -> ">";
                case "<=" -> ">=";
                case "=" -> "=";
                case ">=" -> "<=";
                case ">" -> "<";
                default -> null;
            };
        }
    }

    /**
     * Whether {@code clause} implies {@code predicate}, both comparisons of the same expression (the caller checks
     * that) with constants of one orderable type.
     */
    static boolean implies(Comparison clause, Comparison predicate) {
        Integer order = compare(clause.constant(), predicate.constant());
        if (order == null) {
            return false;
        }
        int c = order; // clause's constant against the predicate's
        return switch (clause.operator()) {
            case "=" -> switch (predicate.operator()) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case "=" -> c == 0;
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                default -> false;
            };
            case "<" -> (predicate.operator().equals("<") || predicate.operator().equals("<=")) && c <= 0;
            case "<=" -> predicate.operator().equals("<") ? c < 0 : predicate.operator().equals("<=") && c <= 0;
            case ">" -> (predicate.operator().equals(">") || predicate.operator().equals(">=")) && c >= 0;
            case ">=" -> predicate.operator().equals(">") ? c > 0 : predicate.operator().equals(">=") && c >= 0;
            default -> false;
        };
    }

    private static Integer compare(Const a, Const b) {
        if (integer(a.type()) && integer(b.type()) && a.value() instanceof Number x && b.value() instanceof Number y) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a.type() == TypeOids.NAME && b.type() == TypeOids.NAME && a.value() instanceof String x
                && b.value() instanceof String y) {
            // name compares bytewise (collation "C")
            return Integer.signum(java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static boolean integer(long type) {
        return type == TypeOids.INT2 || type == TypeOids.INT4 || type == TypeOids.INT8;
    }
}
