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
        InsertStmt.Overriding overriding = s.override() == null ? InsertStmt.Overriding.NOT_SET : s.override();
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
                    boolean useDefault = e instanceof SetToDefault
                            || !checkIdentityInsert(targets.get(i), overriding);
                    assigned.add(useDefault ? null : assign(targets.get(i), table,
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
                assigned.add(checkIdentityInsert(targets.get(i), overriding) ? assign(targets.get(i), table,
                        new InputRef(i, c.type(), c.typmod(), c.name()), null) : null);
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
            if (column.identity() == 'a' && !(t.val() instanceof SetToDefault)) {
                throw PgException.of(SqlState.GENERATED_ALWAYS, "column \"%s\" can only be updated to DEFAULT",
                        column.name()).withDetail("Column \"" + column.name()
                        + "\" is an identity column defined as GENERATED ALWAYS.");
            }
            BoundExpr value = t.val() instanceof SetToDefault ? defaultValue(table, column)
                    : assign(column, table, expressions.analyzeWithoutAggregates(t.val(), scope, "UPDATE"), t.val());
            if (value instanceof InputRef same && same.index() == column.number() - 1) {
                // SET a = a still names a: kept apart from the untouched columns (UPDATE OF triggers fire for it)
                value = new org.lakepg.server.sql.plan.expr.RelabelType(value, value.type(), value.typmod());
            }
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
        List<ModifyNode.Check> checks = kind == ModifyNode.Kind.DELETE ? List.of() : checks(table);
        return new QueryPlan(new ModifyNode(kind, table, source, returning, checks), columns, parameters.resolved(), tag);
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

    /** The table's full row: assigned values at their columns, each other column's default elsewhere. */
    private List<BoundExpr> fullRow(TableInfo table, List<ColumnInfo> targets, List<BoundExpr> values) {
        BoundExpr[] row = new BoundExpr[table.columns().size()];
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                row[targets.get(i).number() - 1] = values.get(i);
            }
        }
        for (ColumnInfo c : table.columns()) {
            if (row[c.number() - 1] == null) {
                row[c.number() - 1] = defaultValue(table, c);
            }
        }
        return List.of(row);
    }

    /**
     * The value a column gets when none is given (PostgreSQL's build_column_default): the next value of an
     * identity column's sequence, the column's DEFAULT, or NULL.
     */
    public BoundExpr defaultValue(TableInfo table, ColumnInfo column) {
        String text = column.defaultExpr();
        if (column.isIdentity()) {
            var sequence = catalog.ownedSequence(table, column.number()).orElseThrow(() -> PgException.of(
                    SqlState.INTERNAL_ERROR, "no owned sequence found for identity column \"%s\"", column.name()));
            text = "nextval(" + org.lakepg.server.table.ExpressionText.literal(sequence.name()) + ")";
        }
        if (text == null) {
            return new Const(column.type(), column.typmod(), null);
        }
        return assign(column, table, expressions.analyzeWithoutAggregates(DefaultExpressions.parse(text), Scope.EMPTY,
                "DEFAULT expressions"), null);
    }

    /**
     * Whether a value given for the column is used: an identity column GENERATED ALWAYS refuses one unless
     * OVERRIDING SYSTEM VALUE; OVERRIDING USER VALUE makes identity columns ignore it.
     */
    private static boolean checkIdentityInsert(ColumnInfo column, InsertStmt.Overriding overriding) {
        if (!column.isIdentity()) {
            return true;
        }
        if (column.identity() == 'a' && overriding == InsertStmt.Overriding.NOT_SET) {
            throw PgException.of(SqlState.GENERATED_ALWAYS, "cannot insert a non-DEFAULT value into column \"%s\"",
                    column.name()).withDetail("Column \"" + column.name()
                    + "\" is an identity column defined as GENERATED ALWAYS.")
                    .withHint("Use OVERRIDING SYSTEM VALUE to override.");
        }
        return overriding != InsertStmt.Overriding.USER_VALUE;
    }

    /** The table's CHECK constraints bound over its row, for the executor to test on every written row. */
    private List<ModifyNode.Check> checks(TableInfo table) {
        List<ModifyNode.Check> out = new ArrayList<>();
        for (var c : catalog.constraints(table)) {
            if (c.type() == org.lakepg.server.table.ConstraintInfo.CHECK) {
                out.add(new ModifyNode.Check(c.name(), bindCheck(table, DefaultExpressions.parse(c.checkExpr()))));
            }
        }
        return out;
    }

    /** A CHECK condition over the table's columns (their positions in the row), as a boolean. */
    public BoundExpr bindCheck(TableInfo table, Expr condition) {
        return expressions.requireBoolean(expressions.analyzeWithoutAggregates(condition,
                tableScope(table, table.name()), "check constraints"), "CHECK", ExpressionAnalyzer.location(condition));
    }

    /**
     * An expression over a table's row (ALTER COLUMN TYPE ... USING, or the column itself) converted to a new
     * column type by assignment coercion; empty when no such conversion exists.
     */
    public java.util.Optional<BoundExpr> bindConversion(TableInfo table, Expr value, long type, int typmod) {
        BoundExpr bound = expressions.analyzeWithoutAggregates(value, tableScope(table, table.name()),
                "transform expressions");
        return expressions.coercer().tryCoerce(bound, type, typmod, TypeCoercion.Context.ASSIGNMENT,
                ExpressionAnalyzer.location(value));
    }

    /** A column DEFAULT expression, coerced to the column's type as an INSERT would. */
    public BoundExpr bindDefault(TableInfo table, ColumnInfo column, Expr value) {
        BoundExpr bound = expressions.analyzeWithoutAggregates(value, Scope.EMPTY, "DEFAULT expressions");
        int location = ExpressionAnalyzer.location(value);
        return expressions.coercer().tryCoerce(bound, column.type(), column.typmod(), TypeCoercion.Context.ASSIGNMENT,
                location).orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                "column \"%s\" is of type %s but default expression is of type %s", column.name(),
                TypeNames.format(catalog, column.type()), TypeNames.format(catalog, bound.type()))
                .withHint("You will need to rewrite or cast the expression."), location));
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
