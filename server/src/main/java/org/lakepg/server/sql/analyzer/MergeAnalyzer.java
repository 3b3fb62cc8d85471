package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.MergeStmt;
import org.lakepg.server.sql.ast.MergeWhenClause;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SetToDefault;
import org.lakepg.server.sql.plan.MergeActions;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * MERGE into a plan (PostgreSQL's transformMergeStmt): the source left-joined to the target on the ON condition,
 * and each WHEN clause's condition and new row bound over the joined row. WHEN NOT MATCHED clauses see only the
 * source; naming the target there is the error PostgreSQL gives.
 */
final class MergeAnalyzer {
    private final ExpressionAnalyzer expressions;
    private final QueryAnalyzer queries;
    private final AnalyzerCatalog catalog;
    private final ModifyAnalyzer modify;

    MergeAnalyzer(ExpressionAnalyzer expressions, QueryAnalyzer queries, AnalyzerCatalog catalog, ModifyAnalyzer modify) {
        this.expressions = expressions;
        this.queries = queries;
        this.catalog = catalog;
        this.modify = modify;
    }

    QueryPlan analyze(MergeStmt s, ParameterTypes parameters) {
        var r = s.relation();
        var view = catalog.view(r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname()));
        if (view.isPresent()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot execute MERGE on relation \"%s\"", r.relname())
                    .withDetail(view.get().materialized() ? "This operation is not supported for materialized views."
                            : "This operation is not supported for views.");
        }
        TableInfo table = queries.table(r);
        String alias = r.alias() == null ? table.name() : r.alias().aliasname();
        FromScope target = new FromScope();
        target.addTable(alias, QueryAnalyzer.tableColumns(table), 0, table.typeOid(), false, false, false,
                ModifyAnalyzer.columnUse(catalog, table)); // what MERGE reads of its target needs SELECT
        // the source may not see the target, and says so when it tries
        var source = new QueryAnalyzer(expressions, parameters, catalog, new InvisibleSiblings(null, target))
                .mergeSource(s.sourceRelation());
        FromScope sourceScope = source.getValue();
        if (sourceScope.entry(alias).isPresent()) {
            throw PgException.of(SqlState.DUPLICATE_ALIAS, "name \"%s\" specified more than once", alias)
                    .withDetail("The name is used both as MERGE target table and data source.");
        }
        int sourceWidth = source.getKey().width();
        FromScope joined = new FromScope();
        joined.addAll(sourceScope);
        joined.addAll(target);
        BoundExpr on = expressions.requireBoolean(expressions.analyzeWithoutAggregates(s.joinCondition(), joined,
                "JOIN conditions"), "JOIN/ON", ExpressionAnalyzer.location(s.joinCondition()));
        requireReachable(s.mergeWhenClauses());
        // without WHEN NOT MATCHED, source rows without a target row do nothing: an inner join drops them early
        boolean anyNotMatched = s.mergeWhenClauses().stream().anyMatch(w -> !w.matched());
        PlanNode join = new NestedLoopJoinNode(anyNotMatched ? NestedLoopJoinNode.Kind.LEFT : NestedLoopJoinNode.Kind.INNER,
                source.getKey(), new SeqScanNode(table, true, r.alias() == null ? null : alias), on);
        join = new org.lakepg.server.sql.optimizer.HashLookups(expressions::nextParamId, catalog::indexes).joins(join);
        Scope sourceOnly = new InvisibleSiblings(sourceScope, target);
        List<MergeActions.Action> matched = new ArrayList<>();
        List<MergeActions.Action> notMatched = new ArrayList<>();
        for (MergeWhenClause w : s.mergeWhenClauses()) {
            Scope scope = w.matched() ? joined : sourceOnly;
            BoundExpr condition = w.condition() == null ? null : expressions.requireBoolean(
                    expressions.analyzeWithoutAggregates(w.condition(), scope, "WHEN"), "WHEN",
                    ExpressionAnalyzer.location(w.condition()));
            MergeActions.Action action = switch (w.commandType()) {
                case UPDATE -> {
                    List<BoundExpr> row = new ArrayList<>();
                    for (ColumnInfo c : table.columns()) {
                        row.add(new InputRef(sourceWidth + c.number() - 1, c.type(), c.typmod(), c.name()));
                    }
                    modify.assignments(table, w.targetList(), joined, row, "UPDATE");
                    yield new MergeActions.Action(MergeActions.Kind.UPDATE, condition, row);
                }
                case DELETE -> new MergeActions.Action(MergeActions.Kind.DELETE, condition, null);
                case INSERT -> new MergeActions.Action(MergeActions.Kind.INSERT, condition,
                        insertRow(table, w, sourceOnly));
                case NOTHING -> new MergeActions.Action(MergeActions.Kind.NOTHING, condition, null);
            };
            (w.matched() ? matched : notMatched).add(action);
        }
        ModifyNode node = new ModifyNode(ModifyNode.Kind.MERGE, table, join, List.of(), modify.checks(table), null,
                new MergeActions(sourceWidth, r.alias() == null ? null : alias, on, matched, notMatched));
        return new QueryPlan(node, null, parameters.resolved(), QueryPlan.Tag.MERGE);
    }

    /** A WHEN clause after an unconditional one of the same kind could never act: PostgreSQL refuses it. */
    private static void requireReachable(List<MergeWhenClause> clauses) {
        boolean matchedDone = false;
        boolean notMatchedDone = false;
        for (MergeWhenClause w : clauses) {
            if (w.matched() ? matchedDone : notMatchedDone) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "unreachable WHEN clause specified after unconditional WHEN clause");
            }
            if (w.condition() == null) {
                if (w.matched()) {
                    matchedDone = true;
                } else {
                    notMatchedDone = true;
                }
            }
        }
    }

    /** WHEN NOT MATCHED THEN INSERT [(columns)] VALUES (...) | DEFAULT VALUES: the whole new row. */
    private List<BoundExpr> insertRow(TableInfo table, MergeWhenClause w, Scope scope) {
        List<ResTarget> explicit = w.targetList() == null ? List.of() : w.targetList();
        List<ColumnInfo> targets = ModifyAnalyzer.targetColumns(table, explicit);
        if (w.values() == null) {
            return modify.fullRow(table, List.of(), List.of());
        }
        List<Expr> values = w.values();
        if (explicit.isEmpty() && values.size() <= targets.size()) {
            targets = table.columns().subList(0, values.size());
        }
        ModifyAnalyzer.checkArity(values.size(), targets.size());
        InsertStmt.Overriding overriding = w.override() == null ? InsertStmt.Overriding.NOT_SET : w.override();
        List<BoundExpr> assigned = new ArrayList<>();
        java.util.Map<Integer, BoundExpr> partial = new java.util.HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Expr e = values.get(i);
            boolean useDefault = e instanceof SetToDefault || !ModifyAnalyzer.checkIdentityInsert(targets.get(i), overriding);
            assigned.add(useDefault ? null : modify.insertTarget(table, targets, explicit, i, partial,
                    expressions.analyzeWithoutAggregates(e, scope, "VALUES"), e));
        }
        return modify.fullRow(table, targets, assigned);
    }
}
