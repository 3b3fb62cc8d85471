package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * PostgreSQL's check for self-contradictory restrictions (relation_excluded_by_constraints: predicate_refuted_by of a
 * relation's immutable restrictions by themselves, weak form), which it makes for the members of an inheritance scan
 * under constraint_exclusion = partition. Covered are the proofs predtest.c makes without operator knowledge:
 * {@code x IS NULL} refutes any condition strict in x and {@code x IS NOT NULL}; and, from the equivalence classes,
 * one column held to two different constants.
 */
public final class SelfRefutingQuals {
    private SelfRefutingQuals() {}

    /** Whether no row can pass all of {@code conjuncts}. */
    public static boolean refuted(List<BoundExpr> conjuncts) {
        List<BoundExpr> immutable = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            if (!ExprRewriter.any(c, x -> x instanceof FuncExpr f && f.volatility() != 'i')) {
                immutable.add(c);
            }
        }
        if (EquivalenceConstants.contradictory(immutable)) {
            return true;
        }
        for (BoundExpr c : immutable) {
            if (!(c instanceof NullTest isNull) || isNull.negated()) {
                continue;
            }
            for (BoundExpr other : immutable) {
                if (other != c && (strictFor(other, isNull.argument())
                        || other instanceof NullTest notNull && notNull.negated()
                            && same(notNull.argument(), isNull.argument()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** clause_is_strict_for: whether {@code e} is NULL whenever {@code x} is (x itself, or strict calls reaching it). */
    private static boolean strictFor(BoundExpr e, BoundExpr x) {
        if (same(e, x)) {
            return true;
        }
        return switch (e) {
            case RelabelType r -> strictFor(r.argument(), x);
            case FuncExpr f when f.strict() -> f.arguments().stream().anyMatch(a -> strictFor(a, x));
            default -> false;
        };
    }

    private static boolean same(BoundExpr a, BoundExpr b) {
        return a instanceof InputRef x && b instanceof InputRef y ? x.index() == y.index() : a.equals(b);
    }
}
