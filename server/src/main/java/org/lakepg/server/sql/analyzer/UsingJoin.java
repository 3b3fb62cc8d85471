package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * JOIN ... USING (a, b) and NATURAL JOIN (PostgreSQL's transformFromClauseItem): equality of the
 * named columns of both sides, and one merged column per name (the left value, the right one for
 * RIGHT JOIN, COALESCE of both for FULL JOIN) that unqualified names and {@code *} then mean.
 */
final class UsingJoin {
    private final ExpressionAnalyzer expressions;

    UsingJoin(ExpressionAnalyzer expressions) {
        this.expressions = expressions;
    }

    /** The join condition (null when NATURAL finds no common column), the merged columns and their sides. */
    record Merged(BoundExpr condition, List<OutputColumn> columns, List<BoundExpr> left, List<BoundExpr> right) {

        List<BoundExpr> values(NestedLoopJoinNode.Kind kind) {
            List<BoundExpr> out = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                out.add(switch (kind) {
                    case INNER, LEFT, SEMI, ANTI -> left.get(i);
                    case RIGHT -> right.get(i);
                    case FULL -> new CoalesceExpr(List.of(left.get(i), right.get(i)), columns.get(i).type(), -1);
                });
            }
            return out;
        }
    }

    Merged merge(JoinExpr j, FromScope left, FromScope right) {
        List<String> names;
        if (j.isNatural()) {
            Set<String> rightNames = new LinkedHashSet<>(visibleNames(right));
            names = visibleNames(left).stream().distinct().filter(rightNames::contains).toList();
        } else {
            names = j.usingClause();
            Set<String> seen = new java.util.HashSet<>();
            for (String n : names) {
                if (!seen.add(n)) {
                    throw PgException.of(SqlState.DUPLICATE_COLUMN, "column name \"%s\" appears more than once in USING clause", n);
                }
            }
        }
        List<BoundExpr> equalities = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        List<BoundExpr> lefts = new ArrayList<>();
        List<BoundExpr> rights = new ArrayList<>();
        for (String name : names) {
            InputRef l = find(left, name, "left", 0);
            InputRef r = find(right, name, "right", left.width());
            BoundExpr equal = expressions.requireBoolean(expressions.operator(List.of("="), l, r, -1), "JOIN/USING", -1);
            equalities.add(equal);
            long type = new CommonType(expressions.coercer().rules()).select(List.of(l.type(), r.type()), "JOIN/USING");
            lefts.add(expressions.coercer().coerce(l, type, -1, TypeCoercion.Context.IMPLICIT, -1));
            rights.add(expressions.coercer().coerce(r, type, -1, TypeCoercion.Context.IMPLICIT, -1));
            columns.add(OutputColumn.computed(name, type, l.type() == r.type() && l.typmod() == r.typmod() ? l.typmod() : -1));
        }
        BoundExpr condition = equalities.isEmpty() ? null
                : equalities.size() == 1 ? equalities.get(0) : new BoolExpr(BoolExpr.Kind.AND, equalities);
        return new Merged(condition, columns, lefts, rights);
    }

    private static List<String> visibleNames(FromScope scope) {
        List<String> out = new ArrayList<>();
        for (FromScope.Entry e : scope.entries()) {
            for (int i = 0; i < e.columns().size(); i++) {
                if (e.visible(i)) {
                    out.add(e.columns().get(i).name());
                }
            }
        }
        return out;
    }

    private static InputRef find(FromScope scope, String name, String side, int shift) {
        InputRef found = null;
        for (FromScope.Entry e : scope.entries()) {
            for (int i = 0; i < e.columns().size(); i++) {
                if (e.visible(i) && e.columns().get(i).name().equals(name)) {
                    if (found != null) {
                        throw PgException.of(SqlState.AMBIGUOUS_COLUMN,
                                "common column name \"%s\" appears more than once in %s table", name, side);
                    }
                    OutputColumn c = e.columns().get(i);
                    e.used(i);
                    found = new InputRef(shift + e.offset() + i, c.type(), c.typmod(),
                            e.alias() == null ? name : e.alias() + "." + name);
                }
            }
        }
        if (found == null) {
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" specified in USING clause does not exist in %s table",
                    name, side);
        }
        return found;
    }
}
