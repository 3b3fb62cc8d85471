package org.lakepg.server.sql.optimizer;

import java.util.List;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.index.IndexExpressions;
import org.lakepg.server.index.IndexFunctionContext;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.deparse.ExpressionDeparser;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Index choice for expression and partial indexes: an index qualifies when the query's conditions imply its
 * predicate (each of the predicate's AND-ed terms is one of the query's, or is {@code x IS NOT NULL} where a
 * strict operator of the query compares x), and it is used for {@code key = value} where key is the index's
 * single key column or expression. Expressions are compared by their deparsed text over the table's columns,
 * which is the same for the same bound tree.
 */
final class IndexMatching {
    private IndexMatching() {}

    static PlanNode choose(SeqScanNode scan, List<BoundExpr> conjuncts, List<IndexInfo> indexes) {
        if (scan.table().columns().isEmpty()) {
            return null;
        }
        ExpressionDeparser deparser = new ExpressionDeparser(scan.table().columns().stream().map(ColumnInfo::name).toList(),
                new BuiltinAnalyzerCatalog(), WireTypeIO.INSTANCE, IndexFunctionContext.INSTANCE).callOids();
        List<String> terms = conjuncts.stream().map(c -> text(deparser, c)).toList();
        for (IndexInfo index : indexes) {
            if (index.plain() || index.columns().size() != 1) {
                continue;
            }
            IndexExpressions.Compiled bound;
            try {
                bound = IndexExpressions.of(index, scan.table());
            } catch (RuntimeException e) {
                continue; // an expression lakepg cannot bind on its own is never used for scans
            }
            if (bound.predicate() != null && !implied(deparser, bound.predicate(), conjuncts, terms)) {
                continue;
            }
            String key = text(deparser, bound.keys().get(0));
            for (BoundExpr conjunct : conjuncts) {
                if (!(conjunct instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                        || f.arguments().size() != 2) {
                    continue;
                }
                for (int side = 0; side < 2; side++) {
                    BoundExpr value = f.arguments().get(1 - side);
                    if (key != null && key.equals(text(deparser, f.arguments().get(side)))
                            && !IndexSelection.dependsOnRow(value)
                            && IndexSelection.sameKeyFamily(bound.keys().get(0).type(), value.type())) {
                        return new IndexScanNode(scan.table(), index, value, scan.withTid(), scan.alias());
                    }
                }
            }
        }
        return null;
    }

    /** Whether the query's conditions imply a partial index's predicate, so its rows include every answer. */
    static boolean predicateImplied(TableInfo table, IndexInfo index, List<BoundExpr> conjuncts) {
        ExpressionDeparser deparser = deparser(table);
        BoundExpr predicate;
        try {
            predicate = IndexExpressions.of(index, table).predicate();
        } catch (RuntimeException e) {
            return false;
        }
        return predicate == null
                || implied(deparser, predicate, conjuncts, conjuncts.stream().map(c -> text(deparser, c)).toList());
    }

    private static ExpressionDeparser deparser(TableInfo table) {
        return new ExpressionDeparser(table.columns().stream().map(ColumnInfo::name).toList(),
                new BuiltinAnalyzerCatalog(), WireTypeIO.INSTANCE, IndexFunctionContext.INSTANCE).callOids();
    }

    private static boolean implied(ExpressionDeparser deparser, BoundExpr predicate, List<BoundExpr> conjuncts,
                                   List<String> terms) {
        for (BoundExpr term : Conjuncts.conjuncts(predicate)) {
            if (!impliedTerm(deparser, term, conjuncts, terms)) {
                return false;
            }
        }
        return true;
    }

    /** One AND-ed term of a predicate; an OR is implied when one of its arms is (predicate_implied_by). */
    private static boolean impliedTerm(ExpressionDeparser deparser, BoundExpr term, List<BoundExpr> conjuncts,
                                       List<String> terms) {
        if (term instanceof org.lakepg.server.sql.plan.expr.BoolExpr b
                && b.kind() == org.lakepg.server.sql.plan.expr.BoolExpr.Kind.OR) {
            return b.arguments().stream().anyMatch(arm -> implied(deparser, arm, conjuncts, terms));
        }
        String text = text(deparser, term);
        if (text == null) {
            return false;
        }
        return terms.contains(text)
                || term instanceof NullTest n && n.negated() && strictlyCompared(deparser, n.argument(), conjuncts)
                || impliedByComparison(deparser, term, conjuncts);
    }

    /** Whether a comparison of the query implies {@code term}, a comparison of the same expression with a constant. */
    private static boolean impliedByComparison(ExpressionDeparser deparser, BoundExpr term, List<BoundExpr> conjuncts) {
        var predicate = PredicateImplication.Comparison.of(term);
        if (predicate.isEmpty()) {
            return false;
        }
        String expression = text(deparser, predicate.get().expression());
        for (BoundExpr c : conjuncts) {
            var clause = PredicateImplication.Comparison.of(c);
            if (clause.isPresent() && expression != null && expression.equals(text(deparser, clause.get().expression()))
                    && PredicateImplication.implies(clause.get(), predicate.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The query's conditions that a partial index's predicate already guarantees (each one of the predicate's terms):
     * an index scan need not check them again (create_indexscan_plan), unless the rows are locked or changed.
     */
    static List<BoundExpr> impliedByPredicate(IndexScanNode scan, List<BoundExpr> conjuncts) {
        return impliedByPredicate(scan.table(), scan.index(), conjuncts);
    }

    static List<BoundExpr> impliedByPredicate(TableInfo table, IndexInfo index, List<BoundExpr> conjuncts) {
        if (index.predicate() == null || table.columns().isEmpty()) {
            return List.of();
        }
        ExpressionDeparser deparser = deparser(table);
        BoundExpr predicate;
        try {
            predicate = IndexExpressions.of(index, table).predicate();
        } catch (RuntimeException e) {
            return List.of();
        }
        if (predicate == null) {
            return List.of();
        }
        List<String> terms = Conjuncts.conjuncts(predicate).stream().map(t -> text(deparser, t)).toList();
        return conjuncts.stream().filter(c -> {
            String text = text(deparser, c);
            return text != null && terms.contains(text);
        }).toList();
    }

    /** Whether a strict operator of the query takes {@code x} as an argument (so the query only keeps non-null x). */
    private static boolean strictlyCompared(ExpressionDeparser deparser, BoundExpr x, List<BoundExpr> conjuncts) {
        String wanted = text(deparser, x);
        for (BoundExpr c : conjuncts) {
            if (c instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR && f.strict()
                    && f.arguments().stream().anyMatch(a -> wanted != null && wanted.equals(text(deparser, a)))) {
                return true;
            }
        }
        return false;
    }

    private static String text(ExpressionDeparser deparser, BoundExpr e) {
        try {
            return deparser.deparse(e);
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
