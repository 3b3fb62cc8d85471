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
        TableInfo table = queries.table(s.relation());
        String alias = s.relation().alias() == null ? table.name() : s.relation().alias().aliasname();
        var source = queries.mergeSource(s.sourceRelation());
        FromScope sourceScope = source.getValue();
        int sourceWidth = source.getKey().width();
        FromScope target = new FromScope();
        target.add(alias, QueryAnalyzer.tableColumns(table));
        FromScope joined = new FromScope();
        joined.addAll(sourceScope);
        joined.addAll(target);
        BoundExpr on = expressions.requireBoolean(expressions.analyzeWithoutAggregates(s.joinCondition(), joined,
                "JOIN conditions"), "JOIN/ON", ExpressionAnalyzer.location(s.joinCondition()));
        PlanNode join = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, source.getKey(), new SeqScanNode(table, true),
                on);
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
                new MergeActions(sourceWidth, matched, notMatched));
        return new QueryPlan(node, null, parameters.resolved(), QueryPlan.Tag.MERGE);
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
        for (int i = 0; i < values.size(); i++) {
            Expr e = values.get(i);
            boolean useDefault = e instanceof SetToDefault || !ModifyAnalyzer.checkIdentityInsert(targets.get(i), overriding);
            assigned.add(useDefault ? null : modify.assign(targets.get(i), table,
                    expressions.analyzeWithoutAggregates(e, scope, "VALUES"), e));
        }
        return modify.fullRow(table, targets, assigned);
    }
}
