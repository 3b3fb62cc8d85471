package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SetToDefault;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** INSERT, UPDATE and DELETE into plans (PostgreSQL's transformInsertStmt and friends). */
public final class ModifyAnalyzer {
    private final ExpressionAnalyzer expressions;
    private final QueryAnalyzer queries;
    private final ParameterTypes parameters;
    private final AnalyzerCatalog catalog;

    public ModifyAnalyzer(ExpressionAnalyzer expressions, QueryAnalyzer queries, ParameterTypes parameters,
                          AnalyzerCatalog catalog) {
        this.expressions = expressions;
        this.queries = queries;
        this.parameters = parameters;
        this.catalog = catalog;
    }

    private static void unsupported(boolean condition, String what) {
        if (condition) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s is not supported yet", what);
        }
    }

    public QueryPlan insert(InsertStmt s) {
        return queries.withClause(s.withClause(), () -> insertBody(s));
    }

    private QueryPlan insertBody(InsertStmt s) {
        unsupported(s.onConflictClause() != null, "ON CONFLICT");
        TableInfo table = queries.table(s.relation());
        List<ResTarget> explicitColumns = s.cols() == null ? List.of() : s.cols();
        List<ColumnInfo> targets = targetColumns(table, s.cols());
        int width = table.columns().size();
        PlanNode source;
        if (s.selectStmt() == null) {
            source = new ValuesNode(List.of(fullRow(table, targets, List.of())), width);
        } else if (s.selectStmt().valuesLists() != null && !s.selectStmt().valuesLists().isEmpty()
                && (s.selectStmt().sortClause() == null || s.selectStmt().sortClause().isEmpty())
                && s.selectStmt().limitCount() == null && s.selectStmt().limitOffset() == null) {
            List<List<BoundExpr>> rows = new ArrayList<>();
            for (List<Expr> values : s.selectStmt().valuesLists()) {
                // without a column list the values fill the first columns, the rest take their defaults
                if (explicitColumns.isEmpty() && values.size() <= targets.size()) {
                    targets = table.columns().subList(0, values.size());
                }
                checkArity(values.size(), targets.size());
                List<BoundExpr> assigned = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    Expr e = values.get(i);
                    assigned.add(e instanceof SetToDefault ? null : assign(targets.get(i), table,
                            expressions.analyzeWithoutAggregates(e, Scope.EMPTY, "VALUES"), e));
                }
                rows.add(fullRow(table, targets, assigned));
            }
            source = new ValuesNode(rows, width);
        } else {
            Relation query = queries.query(s.selectStmt(), false);
            if (explicitColumns.isEmpty() && query.columns().size() <= targets.size()) {
                targets = table.columns().subList(0, query.columns().size());
            }
            checkArity(query.columns().size(), targets.size());
            List<BoundExpr> assigned = new ArrayList<>();
            for (int i = 0; i < query.columns().size(); i++) {
                OutputColumn c = query.columns().get(i);
                assigned.add(assign(targets.get(i), table, new InputRef(i, c.type(), c.typmod(), c.name()), null));
            }
            source = new ProjectNode(query.plan(), fullRow(table, targets, assigned));
        }
        return modify(ModifyNode.Kind.INSERT, table, source, s.returningList(), s.relation().alias() == null
                ? table.name() : s.relation().alias().aliasname(), QueryPlan.Tag.INSERT);
    }

    public QueryPlan update(UpdateStmt s) {
        return queries.withClause(s.withClause(), () -> updateBody(s));
    }

    private QueryPlan updateBody(UpdateStmt s) {
        unsupported(s.fromClause() != null && !s.fromClause().isEmpty(), "UPDATE ... FROM");
        TableInfo table = queries.table(s.relation());
        String alias = s.relation().alias() == null ? table.name() : s.relation().alias().aliasname();
        FromScope scope = tableScope(table, alias);
        PlanNode plan = scanWhere(table, scope, s.whereClause());
        List<BoundExpr> row = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            row.add(new InputRef(c.number() - 1, c.type(), c.typmod(), c.name()));
        }
        Set<String> assigned = new HashSet<>();
        for (ResTarget t : s.targetList()) {
            if (t.indirection() != null && !t.indirection().isEmpty()) {
                ColumnInfo column = column(table, t.name(), t.location());
                row.set(column.number() - 1, new Subscripting(expressions, catalog).assign(row.get(column.number() - 1),
                        t.indirection(), t.val(), scope));
                continue;
            }
            ColumnInfo column = column(table, t.name(), t.location());
            if (!assigned.add(t.name())) {
                throw Coercer.at(PgException.of(SqlState.DUPLICATE_COLUMN, "multiple assignments to same column \"%s\"",
                        t.name()), t.location());
            }
            BoundExpr value = t.val() instanceof SetToDefault ? new Const(column.type(), column.typmod(), null)
                    : assign(column, table, expressions.analyzeWithoutAggregates(t.val(), scope, "UPDATE"), t.val());
            row.set(column.number() - 1, value);
        }
        row.add(new InputRef(table.columns().size(), org.lakepg.server.catalog.TypeOids.TID, -1, "ctid"));
        return modify(ModifyNode.Kind.UPDATE, table, new ProjectNode(plan, row), s.returningList(), alias,
                QueryPlan.Tag.UPDATE);
    }

    public QueryPlan delete(DeleteStmt s) {
        return queries.withClause(s.withClause(), () -> deleteBody(s));
    }

    private QueryPlan deleteBody(DeleteStmt s) {
        unsupported(s.usingClause() != null && !s.usingClause().isEmpty(), "DELETE ... USING");
        TableInfo table = queries.table(s.relation());
        String alias = s.relation().alias() == null ? table.name() : s.relation().alias().aliasname();
        PlanNode plan = scanWhere(table, tableScope(table, alias), s.whereClause());
        return modify(ModifyNode.Kind.DELETE, table, plan, s.returningList(), alias, QueryPlan.Tag.DELETE);
    }

    private PlanNode scanWhere(TableInfo table, FromScope scope, Expr where) {
        PlanNode plan = new SeqScanNode(table, true);
        if (where != null) {
            BoundExpr condition = expressions.requireBoolean(
                    expressions.analyzeWithoutAggregates(where, scope, "WHERE"), "WHERE", ExpressionAnalyzer.location(where));
            plan = new FilterNode(org.lakepg.server.sql.optimizer.IndexSelection.choose((SeqScanNode) plan, condition,
                    catalog.indexes(table)), condition);
        }
        return plan;
    }

    private static FromScope tableScope(TableInfo table, String alias) {
        FromScope scope = new FromScope();
        scope.add(alias, QueryAnalyzer.tableColumns(table));
        return scope;
    }

    private QueryPlan modify(ModifyNode.Kind kind, TableInfo table, PlanNode source, List<ResTarget> returningList,
                             String alias, QueryPlan.Tag tag) {
        List<BoundExpr> returning = new ArrayList<>();
        List<OutputColumn> columns = null;
        if (returningList != null && !returningList.isEmpty()) {
            columns = new ArrayList<>();
            FromScope scope = tableScope(table, alias);
            for (ResTarget t : returningList) {
                if (t.val() instanceof org.lakepg.server.sql.ast.ColumnRef c && c.star()) {
                    for (ColumnInfo col : table.columns()) {
                        returning.add(new InputRef(col.number() - 1, col.type(), col.typmod(), col.name()));
                        columns.add(new OutputColumn(col.name(), col.type(), col.typmod(), table.oid(), col.number()));
                    }
                    continue;
                }
                BoundExpr e = expressions.analyzeWithoutAggregates(t.val(), scope, "RETURNING");
                if (e.type() == org.lakepg.server.catalog.TypeOids.UNKNOWN) {
                    e = expressions.coercer().coerce(e, org.lakepg.server.catalog.TypeOids.TEXT, -1,
                            TypeCoercion.Context.IMPLICIT, ExpressionAnalyzer.location(t.val()));
                }
                returning.add(e);
                columns.add(OutputColumn.computed(t.name() != null ? t.name() : ColumnNames.figure(t.val()), e.type(),
                        e.typmod()));
            }
        }
        return new QueryPlan(new ModifyNode(kind, table, source, returning), columns, parameters.resolved(), tag);
    }

    private static List<ColumnInfo> targetColumns(TableInfo table, List<ResTarget> cols) {
        if (cols == null || cols.isEmpty()) {
            return table.columns();
        }
        List<ColumnInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResTarget t : cols) {
            unsupported(t.indirection() != null && !t.indirection().isEmpty(), "assignment to subscripts or fields");
            if (!seen.add(t.name())) {
                throw Coercer.at(PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once",
                        t.name()), t.location());
            }
            out.add(column(table, t.name(), t.location()));
        }
        return out;
    }

    private static ColumnInfo column(TableInfo table, String name, int location) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> Coercer.at(
                PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", name,
                        table.name()), location));
    }

    private static void checkArity(int values, int targets) {
        if (values > targets) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
        if (values < targets) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions");
        }
    }

    /** The table's full row: assigned values at their columns, NULL (the default default) elsewhere. */
    private static List<BoundExpr> fullRow(TableInfo table, List<ColumnInfo> targets, List<BoundExpr> values) {
        List<BoundExpr> row = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            row.add(new Const(c.type(), c.typmod(), null));
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                row.set(targets.get(i).number() - 1, values.get(i));
            }
        }
        return row;
    }

    /** Assignment coercion, with PostgreSQL's "column x is of type ... but expression is of type ..." error. */
    private BoundExpr assign(ColumnInfo column, TableInfo table, BoundExpr value, Expr source) {
        int location = source == null ? -1 : ExpressionAnalyzer.location(source);
        return expressions.coercer().tryCoerce(value, column.type(), column.typmod(), TypeCoercion.Context.ASSIGNMENT,
                location).orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                "column \"%s\" is of type %s but expression is of type %s", column.name(),
                TypeNames.format(catalog, column.type()), TypeNames.format(catalog, value.type()))
                .withHint("You will need to rewrite or cast the expression."), location));
    }
}
