package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SELECT statements into plans. So far: queries without FROM (target list and WHERE), which is
 * what the server answers until tables exist; everything else gets a clear "not supported" error.
 */
public final class QueryAnalyzer {
    private final ExpressionAnalyzer expressions;
    private final ParameterTypes parameters;

    public QueryAnalyzer(ExpressionAnalyzer expressions, ParameterTypes parameters) {
        this.expressions = expressions;
        this.parameters = parameters;
    }

    public QueryPlan select(SelectStmt select) {
        if (select.op() != SelectStmt.SetOperation.NONE) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "UNION, INTERSECT and EXCEPT are not supported yet");
        }
        if (select.valuesLists() != null && !select.valuesLists().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "VALUES is not supported yet");
        }
        if (select.fromClause() != null && !select.fromClause().isEmpty()) {
            FromItem first = select.fromClause().get(0);
            if (first instanceof RangeVar r) {
                String name = r.schemaname() == null ? r.relname() : r.schemaname() + "." + r.relname();
                throw Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", name),
                        r.location());
            }
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this FROM clause is not supported yet");
        }
        if (select.withClause() != null || select.groupClause() != null && !select.groupClause().isEmpty()
                || select.havingClause() != null || select.sortClause() != null && !select.sortClause().isEmpty()
                || select.limitCount() != null || select.limitOffset() != null
                || select.distinctClause() != null || select.intoClause() != null
                || select.lockingClause() != null && !select.lockingClause().isEmpty()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "WITH, DISTINCT, GROUP BY, HAVING, ORDER BY, LIMIT, INTO and locking clauses are not supported yet");
        }
        List<BoundExpr> targets = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        for (ResTarget target : select.targetList()) {
            BoundExpr e = expressions.analyze(target.val(), Scope.EMPTY);
            if (e.type() == TypeOids.UNKNOWN) {
                // output columns of unknown type are resolved as text (PostgreSQL 10 and later)
                e = expressions.coercer().coerce(e, TypeOids.TEXT, -1, TypeCoercion.Context.IMPLICIT,
                        ExpressionAnalyzer.location(target.val()));
            }
            targets.add(e);
            String name = target.name() != null ? target.name() : ColumnNames.figure(target.val());
            columns.add(OutputColumn.computed(name, e.type(), e.typmod()));
        }
        BoundExpr filter = select.whereClause() == null ? null
                : expressions.requireBoolean(expressions.analyze(select.whereClause(), Scope.EMPTY), "WHERE",
                        ExpressionAnalyzer.location(select.whereClause()));
        return new QueryPlan(new ResultNode(targets, filter), columns, parameters.resolved());
    }
}
