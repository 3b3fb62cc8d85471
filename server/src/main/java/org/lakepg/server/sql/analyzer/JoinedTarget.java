package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * UPDATE ... FROM and DELETE ... USING: the target's rows (with their tid) joined to the other FROM items on the
 * WHERE condition. The joined row is the target's columns, its tid, then the other items' columns; the scope names
 * them all, so SET, WHERE and RETURNING may use the other items too.
 */
record JoinedTarget(PlanNode plan, FromScope scope) {

    static JoinedTarget of(QueryAnalyzer queries, ExpressionAnalyzer expressions, AnalyzerCatalog catalog,
                           TableInfo table, String alias, String scanAlias, List<FromItem> items, Expr where) {
        FromScope scope = new FromScope();
        scope.addTable(alias, QueryAnalyzer.tableColumns(table), table.oid(), table.typeOid(), false, true, false,
                ModifyAnalyzer.columnUse(catalog, table));
        PlanNode others = null;
        // the other items may not name the target (PostgreSQL explains why when they try)
        FromScope target = new FromScope();
        target.add(alias, QueryAnalyzer.tableColumns(table));
        for (FromItem item : items) {
            boolean lateral = item instanceof org.lakepg.server.sql.ast.RangeSubselect sub && sub.lateral();
            var source = queries.beside(new InvisibleSiblings(queries.outerScope(), target, lateral)).mergeSource(item);
            if (source.getValue().entry(alias).isPresent()) {
                throw PgException.of(SqlState.DUPLICATE_ALIAS, "table name \"%s\" specified more than once", alias);
            }
            scope.addAll(source.getValue());
            others = others == null ? source.getKey()
                    : new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, others, source.getKey(), null);
        }
        BoundExpr condition = where == null ? null : expressions.requireBoolean(
                expressions.analyzeWithoutAggregates(where, scope, "WHERE"), "WHERE", ExpressionAnalyzer.location(where));
        PlanNode plan = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(table, true, scanAlias), others,
                condition);
        plan = new org.lakepg.server.sql.optimizer.HashLookups(expressions::nextParamId, catalog::indexes).joins(plan);
        return new JoinedTarget(plan, scope);
    }
}
