package org.lakepg.server.sql.optimizer;

import java.util.List;
import org.lakepg.server.catalog.OperatorEntry;
import org.lakepg.server.catalog.TypeEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * Whether an uncorrelated {@code x op ANY (subquery)} runs as a hashed subplan (subselect.c's testexpr_is_hashable):
 * its comparison, or each part of an AND of them, must be a strict operator that can hash, with the test value alone
 * on the left and the subquery's value alone on the right. Inlining an operator's SQL function can swap the sides or
 * change the operator, so the check reads the comparison as analyzed. Anything else rescans the subquery's rows,
 * materialized (build_subplan).
 */
public final class AnyHashing {
    private AnyHashing() {}

    public static boolean hashed(SubqueryExpr q, AnalyzerCatalog catalog) {
        return q.kind() == SubqueryExpr.Kind.ANY && !q.correlated() && q.comparison() != null
                && hashable(q.comparison(), catalog);
    }

    private static boolean hashable(BoundExpr comparison, AnalyzerCatalog catalog) {
        if (comparison instanceof BoolExpr b && b.kind() == BoolExpr.Kind.AND) {
            return b.arguments().stream().allMatch(a -> hashable(a, catalog));
        }
        if (!(comparison instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                || !f.strict()) {
            return false;
        }
        BoundExpr left = f.arguments().get(0);
        BoundExpr right = f.arguments().get(1);
        // the test value (input 0) must be all of the left side, the subquery's value (input 1) all of the right
        if (ExprRewriter.any(left, x -> x instanceof InputRef in && in.index() == 1)
                || ExprRewriter.any(right, x -> x instanceof InputRef in && in.index() == 0)) {
            return false;
        }
        return hashOk(f, catalog);
    }

    /** hash_ok_operator: a strict binary operator that can hash, of a type whose values hash. */
    static boolean hashOk(FuncExpr f, AnalyzerCatalog catalog) {
        OperatorEntry op = operator(f, catalog);
        if (op == null || !op.canHash() || !f.strict() || f.arguments().size() != 2) {
            return false;
        }
        // record and array equality hash only when their fields or elements do (hash_ok_operator)
        return typeHashes(f.arguments().get(0).type(), catalog, 0);
    }

    static OperatorEntry operator(FuncExpr f, AnalyzerCatalog catalog) {
        for (OperatorEntry o : catalog.operators(List.of(f.name()))) {
            if (o.procedure() == f.function() && o.kind() == 'b') {
                return o;
            }
        }
        return null;
    }

    /**
     * An anonymous record never hashes here (the type cache cannot know its fields), an array when its element's
     * equality hashes; other types were decided by their operator.
     */
    private static boolean typeHashes(long type, AnalyzerCatalog catalog, int depth) {
        if (type == TypeOids.RECORD) {
            return false;
        }
        TypeEntry entry = catalog.type(type).orElse(null);
        if (entry == null || !entry.isArray() || depth > 8) {
            return true;
        }
        long element = entry.elementType();
        if (element == TypeOids.RECORD) {
            return false;
        }
        for (OperatorEntry o : catalog.operators(List.of("pg_catalog", "="))) {
            if (o.kind() == 'b' && o.leftType() == element && o.rightType() == element) {
                return o.canHash() && typeHashes(element, catalog, depth + 1);
            }
        }
        return true;
    }
}
