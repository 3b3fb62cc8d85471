package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's convert_EXISTS_to_ANY, for the AlternativeSubPlan make_subplan builds beside a correlated EXISTS:
 * each WHERE conjunct that reads outer values must be {@code outer expression op inner expression} with a hashable
 * operator; without them the subquery returns its inner expressions, planned for all its rows, which a hashed ANY
 * then probes with the outer ones. Offered only when those rows fit in hash_mem (subplan_is_hashable).
 */
public final class ExistsToAny {
    /** hash_mem: work_mem (4MB) times hash_mem_multiplier (2), in bytes. */
    private static final double HASH_MEM_BYTES = 8.0 * 1024 * 1024;
    /** MAXALIGN(SizeofHeapTupleHeader): subplan_is_hashable's fudge for the hash table's overhead. */
    private static final int HEAP_TUPLE_HEADER = 24;

    private ExistsToAny() {}

    /** The plan of the hashed form's rows, or null when the EXISTS has no such form. */
    public static PlanNode hashedPlan(SubqueryExpr exists, AnalyzerCatalog catalog) {
        if (exists.kind() != SubqueryExpr.Kind.EXISTS) {
            return null;
        }
        SublinkPullUp.ExistsBody body = SublinkPullUp.existsBody(exists, true);
        if (body == null || body.innerOnly().stream().anyMatch(ExistsToAny::volatileCall)
                || body.correlated().stream().anyMatch(ExistsToAny::volatileCall)) {
            return null;
        }
        List<BoundExpr> innerValues = new ArrayList<>();
        for (BoundExpr c : body.correlated()) {
            BoundExpr inner = innerSide(c, catalog);
            if (inner == null) {
                return null;
            }
            innerValues.add(inner);
        }
        PlanNode rows = body.below();
        if (!body.innerOnly().isEmpty()) {
            BoundExpr rest = Conjuncts.and(body.innerOnly());
            if (rows instanceof SeqScanNode scan) {
                PlanNode chosen = IndexSelection.cheapest(scan, QualOrder.equalitiesLast(rest),
                        catalog.indexes(scan.table()), catalog.planner());
                BoundExpr remaining = IndexSelection.remainingCondition(chosen, rest, false);
                rows = remaining == null ? chosen : new FilterNode(chosen, remaining);
            } else {
                rows = new FilterNode(rows, rest);
            }
        }
        PlanNode plan = new JoinRemoval(catalog::indexes, catalog.planner()).apply(new ProjectNode(rows, innerValues));
        PlanEstimate e = new CostModel(catalog.planner()).estimate(plan);
        double bytes = e.rows() * ((e.width() + 7) / 8 * 8 + HEAP_TUPLE_HEADER);
        return bytes > HASH_MEM_BYTES ? null : plan;
    }

    /**
     * The subquery's side of {@code outer op inner} (either way round: a commutator puts the outer side left), or
     * null when the conjunct is not such a hashable comparison.
     */
    private static BoundExpr innerSide(BoundExpr c, AnalyzerCatalog catalog) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || f.arguments().size() != 2
                || !AnyHashing.hashOk(f, catalog)) {
            return null;
        }
        BoundExpr left = f.arguments().get(0);
        BoundExpr right = f.arguments().get(1);
        if (outerOnly(left) && innerOnly(right)) {
            return right;
        }
        if (outerOnly(right) && innerOnly(left)) {
            var op = AnyHashing.operator(f, catalog);
            return op != null && op.commutator() != 0 ? left : null;
        }
        return null;
    }

    /** Outer values only: the part pulled up as the test, without the subquery's columns or subqueries. */
    private static boolean outerOnly(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof OuterParam)
                && !ExprRewriter.any(e, x -> x instanceof InputRef || x instanceof SubqueryExpr);
    }

    private static boolean innerOnly(BoundExpr e) {
        return !ExprRewriter.any(e, x -> x instanceof OuterParam);
    }

    private static boolean volatileCall(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof FuncExpr f && f.volatility() == 'v');
    }
}
