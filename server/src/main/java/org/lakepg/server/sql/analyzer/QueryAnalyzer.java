package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SELECT statements into plans (PostgreSQL's transformSelectStmt and the planner's simple cases):
 * FROM (VALUES, subqueries, joins), WHERE, GROUP BY with aggregates and HAVING, DISTINCT, ORDER BY,
 * LIMIT/OFFSET, UNION/INTERSECT/EXCEPT and VALUES statements. Tables arrive with the storage engine.
 */
public final class QueryAnalyzer {
    private final ExpressionAnalyzer expressions;
    private final ParameterTypes parameters;
    private final AnalyzerCatalog catalog;

    /** Whether this query's table scans carry their rows' tids (it names a system column such as xmin). */
    private boolean tupleIds;

    /** The enclosing query's names when this analyzes a subquery; null at the top level. */
    private final Scope outer;

    public QueryAnalyzer(ExpressionAnalyzer expressions, ParameterTypes parameters, AnalyzerCatalog catalog) {
        this(expressions, parameters, catalog, null);
    }

    QueryAnalyzer(ExpressionAnalyzer expressions, ParameterTypes parameters, AnalyzerCatalog catalog, Scope outer) {
        this.expressions = expressions;
        this.parameters = parameters;
        this.catalog = catalog;
        this.outer = outer;
    }

    /** The names this query sees around it (null at top level). */
    Scope outerScope() {
        return outer;
    }

    /** An analyzer for items of the same query level that see {@code around} instead. */
    QueryAnalyzer beside(Scope around) {
        return new QueryAnalyzer(expressions, parameters, catalog, around);
    }

    ParameterTypes parameters() {
        return parameters;
    }

    public ExpressionAnalyzer expressions() {
        return expressions;
    }

    public QueryPlan select(SelectStmt select) {
        Relation r = query(select);
        return new QueryPlan(r.plan(), r.columns(), parameters.resolved(), QueryPlan.Tag.SELECT,
                expressions.rangeTableEntries());
    }

    Relation query(SelectStmt s) {
        return query(s, true);
    }

    /**
     * @param resolveUnknowns output columns of unknown type become text (PostgreSQL does this for
     *                        every query level except the leaves of set operations, where the set
     *                        operation's column type decides)
     */
    Relation query(SelectStmt s, boolean resolveUnknowns) {
        Relation r = queryWithClause(s, resolveUnknowns);
        PlanNode plan = org.lakepg.server.sql.optimizer.MergeAppends.apply(r.plan(), catalog.planner());
        plan = new org.lakepg.server.sql.optimizer.JoinRemoval(catalog::indexes, catalog.planner()).apply(plan);
        return new Relation(org.lakepg.server.sql.optimizer.UnusedSubqueryOutputs.apply(plan), r.columns());
    }

    private Relation queryWithClause(SelectStmt s, boolean resolveUnknowns) {
        boolean topLevel = expressions.ctes().enterQuery();
        try {
            if (s.withClause() == null) {
                return queryBody(s, resolveUnknowns);
            }
            CteAnalyzer with = new CteAnalyzer(this, expressions, catalog).inliningIn(s);
            expressions.ctes().push();
            try {
                with.define(s.withClause(), topLevel);
                Relation body = queryBody(s, resolveUnknowns);
                return with.runModifying(body);
            } finally {
                expressions.ctes().pop();
            }
        } finally {
            expressions.ctes().exitQuery();
        }
    }

    /** An INSERT/UPDATE/DELETE with its WITH clause: the items visible to it, the data-modifying ones run. */
    QueryPlan withClause(org.lakepg.server.sql.ast.WithClause with, java.util.function.Supplier<QueryPlan> body) {
        boolean topLevel = expressions.ctes().enterQuery();
        try {
            if (with == null) {
                return body.get();
            }
            CteAnalyzer ctes = new CteAnalyzer(this, expressions, catalog);
            expressions.ctes().push();
            try {
                ctes.define(with, topLevel);
                QueryPlan plan = body.get();
                Relation r = ctes.runModifying(new Relation(plan.root(), plan.columns() == null ? List.of() : plan.columns()));
                return new QueryPlan(r.plan(), plan.columns(), parameters.resolved(), plan.tag());
            } finally {
                expressions.ctes().pop();
            }
        } finally {
            expressions.ctes().exitQuery();
        }
    }

    private Relation queryBody(SelectStmt s, boolean resolveUnknowns) {
        if (s.intoClause() != null) {
            throw SelectIntoPlaces.notAllowedHere(s.intoClause()); // a top-level SELECT INTO is CREATE TABLE AS
        }
        if (s.lockingClause() != null && !s.lockingClause().isEmpty() && (s.op() != SelectStmt.SetOperation.NONE
                || s.valuesLists() != null && !s.valuesLists().isEmpty() || s.distinctClause() != null
                || s.groupClause() != null && !s.groupClause().isEmpty() || s.havingClause() != null)) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "FOR UPDATE/SHARE is not supported yet");
        }
        if (s.op() != SelectStmt.SetOperation.NONE) {
            Relation set = setOperation(s);
            return orderAndLimit(set, s, null);
        }
        if (s.valuesLists() != null && !s.valuesLists().isEmpty()) {
            return orderAndLimit(values(s.valuesLists()), s, null);
        }
        return simpleSelect(s, resolveUnknowns);
    }

    // ---- FROM ----

    /**
     * An analyzed FROM item: its plan, its names, and (for a LATERAL item) the values it takes from
     * the items to its left.
     */
    private record Source(PlanNode plan, FromScope scope, List<Correlation> lateral, boolean includesBefore) {
        Source(PlanNode plan, FromScope scope, List<Correlation> lateral) {
            this(plan, scope, lateral, false);
        }

        Source(PlanNode plan, FromScope scope) {
            this(plan, scope, List.of());
        }
    }

    private Source from(List<FromItem> items) {
        if (items == null || items.isEmpty()) {
            return new Source(new ResultNode(), new FromScope(outer));
        }
        Source result = null;
        for (FromItem item : items) {
            Source next = result != null && item instanceof JoinExpr j ? join(j, result.scope(), result)
                    : fromItem(item, result == null ? null : result.scope());
            if (result == null || next.includesBefore()) {
                result = next;
            } else {
                result.scope().checkNameConflicts(next.scope());
                FromScope scope = new FromScope(outer);
                scope.addAll(result.scope());
                scope.addAll(next.scope());
                result = new Source(new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, result.plan(), next.plan(), null,
                        next.lateral()), scope);
            }
        }
        return result;
    }

    /**
     * @param left the FROM items to this one's left, which a LATERAL item may name (null when none)
     */
    private Source fromItem(FromItem item, FromScope left) {
        expressions.rangeTableEntry();
        return switch (item) {
            // a WITH item hides a table of the same name, pg_catalog's too
            case RangeVar r when expressions.ctes().find(r).isPresent() -> cteReference(r, expressions.ctes().find(r).get());
            case RangeVar r when systemRelation(r).isPresent() -> {
                var relation = systemRelation(r).get();
                FromScope scope = new FromScope(outer);
                String alias = r.alias() != null ? r.alias().aliasname() : r.relname();
                List<OutputColumn> columns = new ArrayList<>();
                for (var c : relation.columns()) {
                    columns.add(new OutputColumn(c.name(), c.type(), c.typmod(), relation.oid(), c.number()));
                }
                List<OutputColumn> named = renamed(columns, r.alias() == null ? null : r.alias().colnames(), alias);
                if (relation.kind() == 'r') {
                    // a catalog table has the system column tableoid (psql's \dL joins pg_description on it)
                    scope.addTable(alias, named, relation.oid(), relation.oid(), false);
                } else {
                    scope.add(alias, named);
                }
                yield new Source(new org.lakepg.server.sql.plan.SystemScanNode(relation), scope);
            }
            case RangeVar r -> {
                var view = catalog.view(r.schemaname() == null ? List.of(r.relname())
                        : List.of(r.schemaname(), r.relname()));
                if (view.isPresent()) {
                    Relation body = ViewExpansion.expand(expressions, parameters, catalog, view.get());
                    FromScope scope = new FromScope(outer);
                    String alias = r.alias() != null ? r.alias().aliasname() : r.relname();
                    scope.add(alias, renamed(body.columns(), r.alias() == null ? null : r.alias().colnames(), alias),
                            view.get().oid());
                    yield new Source(body.plan(), scope);
                }
                org.lakepg.server.table.TableInfo table = table(r);
                FromScope scope = new FromScope(outer);
                String alias = r.alias() != null ? r.alias().aliasname() : r.relname();
                InheritedScans.Scan scan = InheritedScans.scan(catalog, table, r.inh(), r.alias() == null ? null : alias,
                        tupleIds);
                scope.addTable(alias, renamed(tableColumns(table), r.alias() == null ? null : r.alias().colnames(), alias),
                        table.oid(), table.typeOid(), scan.tableOidColumn(), tupleIds, r.alias() == null, columnUse(table));
                var policies = RowSecurity.policies(catalog, table);
                yield new Source(policies == null ? scan.plan() : new org.lakepg.server.sql.plan.FilterNode(scan.plan(),
                        RowSecurity.using(expressions, table, policies, 'r')), scope);
            }
            case RangeSubselect sub -> {
                if (sub.alias() == null) {
                    boolean values = sub.subquery().valuesLists() != null && !sub.subquery().valuesLists().isEmpty();
                    throw values ? PgException.of(SqlState.SYNTAX_ERROR, "VALUES in FROM must have an alias")
                            .withHint("For example, FROM (VALUES ...) [AS] foo.")
                            : PgException.of(SqlState.SYNTAX_ERROR, "subquery in FROM must have an alias")
                            .withHint("For example, FROM (SELECT ...) [AS] foo.");
                }
                CorrelatedScope lateral = sub.lateral() && left != null
                        ? new CorrelatedScope(left, expressions::nextParamId) : null;
                Relation r = lateral != null
                        ? new QueryAnalyzer(expressions, parameters, catalog, lateral).query(sub.subquery())
                        : left != null
                        ? new QueryAnalyzer(expressions, parameters, catalog, new InvisibleSiblings(outer, left))
                                .query(sub.subquery())
                        : query(sub.subquery());
                FromScope scope = new FromScope(outer);
                List<OutputColumn> named = renamed(r.columns(), sub.alias().colnames(), sub.alias().aliasname());
                if (sub.subquery() instanceof SelectStmt values && !values.valuesLists().isEmpty()
                        && r.plan() instanceof org.lakepg.server.sql.plan.ValuesNode) {
                    scope.addValues(sub.alias().aliasname(), named);
                } else {
                    scope.add(sub.alias().aliasname(), named);
                }
                PlanNode plan = lateral == null ? SubqueryScans.of(r.plan(), sub.alias().aliasname(), named)
                        : SubqueryScans.ofLateral(r.plan(), sub.alias().aliasname(), named);
                if (lateral == null) {
                    plan = SubqueryScans.withItems(plan, sub.subquery(), sub.alias().aliasname(), named);
                }
                yield new Source(plan, scope, lateral == null ? List.of() : lateral.correlations());
            }
            case org.lakepg.server.sql.ast.RangeFunction f -> functionItem(f, left);
            case JoinExpr j -> join(j, left, null);
            default -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "this FROM item is not supported yet");
        };
    }

    /** MERGE's USING item: its plan and the names it brings into scope, as a FROM list of just it has them. */
    java.util.Map.Entry<PlanNode, FromScope> mergeSource(FromItem item) {
        Source source = fromItem(item, null);
        return java.util.Map.entry(source.plan(), source.scope());
    }

    /** Functions in FROM; like LATERAL items they may name the FROM items to their left. */
    private Source functionItem(org.lakepg.server.sql.ast.RangeFunction f, FromScope left) {
        CorrelatedScope lateral = left == null ? null : new CorrelatedScope(left, expressions::nextParamId);
        Scope scope = lateral != null ? lateral : outer != null ? outer : Scope.EMPTY;
        FunctionItems.Analyzed analyzed = new FunctionItems(expressions, catalog).analyze(f, scope);
        FromScope items = new FromScope(outer);
        PlanNode constant = ConstantFunctionItems.pullUp(analyzed, expressions);
        if (constant != null) {
            items.add(analyzed.alias(), analyzed.columns());
            return new Source(constant, items, List.of());
        }
        var inlined = SqlFunctionScans.inline(f, analyzed, this, expressions, catalog);
        if (inlined.isPresent()) {
            Relation body = inlined.get();
            items.add(analyzed.alias(), body.columns());
            PlanNode plan = lateral == null ? SubqueryScans.of(body.plan(), analyzed.alias(), body.columns()) : body.plan();
            return new Source(plan, items, lateral == null ? List.of() : lateral.correlations());
        }
        items.add(analyzed.alias(), analyzed.columns());
        return new Source(analyzed.plan(), items, lateral == null ? List.of() : lateral.correlations());
    }

    private Source cteReference(RangeVar r, CteScope.Cte cte) {
        String alias = r.alias() != null ? r.alias().aliasname() : r.relname();
        if (cte.inlined != null) {
            // planned here as a FROM subquery would be, seeing the names its definition sees
            var outside = expressions.ctes().replace(cte.visible);
            cte.readWorkTables.forEach(w -> w.selfReferenced = false); // read here instead of in the item's analysis
            Relation body;
            try {
                body = cte.definer.query(cte.inlined);
            } finally {
                expressions.ctes().replace(outside);
            }
            List<OutputColumn> named = renamed(renamed(body.columns(), cte.columnNames, cte.name),
                    r.alias() == null ? null : r.alias().colnames(), alias);
            FromScope scope = new FromScope(outer);
            scope.add(alias, named);
            return new Source(SubqueryScans.of(body.plan(), alias, named), scope);
        }
        FromScope scope = new FromScope(outer);
        PlanNode plan;
        List<OutputColumn> columns;
        if (cte.body == null) {
            if (cte.inNonRecursiveTerm) {
                throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                        "recursive reference to query \"%s\" must not appear within its non-recursive term", cte.name),
                        r.location());
            }
            if (cte.workTableId < 0) {
                throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                        "recursive query \"%s\" does not have the form non-recursive-term UNION [ALL] recursive-term",
                        cte.name), cte.location >= 0 ? cte.location : r.location());
            }
            if (expressions.subqueryDepth() != cte.subqueryDepth) {
                throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                        "recursive reference to query \"%s\" must not appear within a subquery", cte.name), r.location());
            }
            if (cte.selfReferenced) {
                throw Coercer.at(PgException.of(SqlState.INVALID_RECURSION,
                        "recursive reference to query \"%s\" must not appear more than once", cte.name), r.location());
            }
            cte.selfReferenced = true;
            columns = cte.workColumns;
            plan = new org.lakepg.server.sql.plan.WorkTableScanNode(cte.workTableId, cte.name, alias,
                    renamed(columns, r.alias() == null ? null : r.alias().colnames(), alias).stream()
                            .map(OutputColumn::name).toList(), cte.nonRecursivePlan);
        } else {
            if (cte.withoutReturning) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "WITH query \"%s\" does not have a RETURNING clause", cte.name), r.location());
            }
            columns = cte.body.columns();
            plan = new org.lakepg.server.sql.plan.CteScanNode(cte.name, alias, cte.body.plan(), columns.size(),
                    renamed(columns, r.alias() == null ? null : r.alias().colnames(), alias).stream()
                            .map(OutputColumn::name).toList());
        }
        List<OutputColumn> visible = new ArrayList<>();
        for (OutputColumn c : columns) {
            visible.add(OutputColumn.computed(c.name(), c.type(), c.typmod()));
        }
        scope.add(alias, renamed(visible, r.alias() == null ? null : r.alias().colnames(), alias));
        return new Source(plan, scope);
    }

    private java.util.Optional<org.lakepg.server.systemcatalog.SystemRelation> systemRelation(RangeVar r) {
        return catalog.systemRelation(r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname()));
    }

    /** A table named in a statement, or 42P01. */
    org.lakepg.server.table.TableInfo table(RangeVar r) {
        List<String> name = r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
        return catalog.table(name).orElseThrow(() -> Coercer.at(CteScope.forwardReferenceHint(
                PgException.of(SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", String.join(".", name)),
                r.schemaname() == null && expressions.ctes().isFutureItem(r.relname()), r.relname()), r.location()));
    }

    /** Where reads of a named table's columns are noted for its column privileges. */
    private FromScope.ColumnUse columnUse(org.lakepg.server.table.TableInfo table) {
        return position -> catalog.columnRead(table.oid(), position);
    }

    static List<OutputColumn> tableColumns(org.lakepg.server.table.TableInfo table) {
        List<OutputColumn> out = new ArrayList<>();
        for (var c : table.columns()) {
            out.add(new OutputColumn(c.name(), c.type(), c.typmod(), table.oid(), c.number()));
        }
        return out;
    }

    /** The plan under a projection that passes every input column through unchanged, in order. */
    private static PlanNode withoutIdentityProjection(PlanNode plan) {
        if (!(plan instanceof ProjectNode x) || x.expressions().size() != x.input().width()) {
            return plan;
        }
        for (int i = 0; i < x.expressions().size(); i++) {
            if (!(x.expressions().get(i) instanceof InputRef in) || in.index() != i) {
                return plan;
            }
        }
        return x.input();
    }

    static List<OutputColumn> renamed(List<OutputColumn> columns, List<String> aliases, String table) {
        if (aliases == null || aliases.isEmpty()) {
            return columns;
        }
        if (aliases.size() > columns.size()) {
            throw PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                    "table \"%s\" has %d columns available but %d columns specified", table, columns.size(),
                    aliases.size());
        }
        List<OutputColumn> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            OutputColumn c = columns.get(i);
            out.add(i < aliases.size() ? new OutputColumn(aliases.get(i), c.type(), c.typmod(), c.tableOid(),
                    c.columnNumber()) : c);
        }
        return out;
    }

    /**
     * @param beforeSource the FROM items before this join in a FROM list (null inside another join): a LATERAL item on
     *     the right may name them too, and then the join takes them in as its left side
     */
    private Source join(JoinExpr j, FromScope before, Source beforeSource) {
        Source left = fromItem(j.larg(), before);
        LateralBefore.Visible visible = beforeSource == null ? null
                : LateralBefore.visible(j, beforeSource, beforeSource.scope(), left.scope(), outer);
        Source right = fromItem(j.rarg(), visible != null ? visible.scope()
                : before != null ? LateralBefore.insideJoin(before, left.scope(), outer) : left.scope());
        Source takenIn = null; // the items before the join, when the right side reads them
        if (visible != null) {
            var reach = LateralBefore.reach(right.lateral(), beforeSource.scope().width());
            if (reach.reachesBefore()) {
                takenIn = beforeSource;
            } else {
                right = new Source(right.plan(), right.scope(), reach.shifted());
            }
        }
        left.scope().checkNameConflicts(right.scope());
        FromScope scope = new FromScope(outer);
        scope.addAll(left.scope());
        scope.addAll(right.scope());
        BoundExpr condition = null;
        UsingJoin.Merged using = null;
        if (j.isNatural() || j.usingClause() != null && !j.usingClause().isEmpty()) {
            using = new UsingJoin(expressions).merge(j, left.scope(), right.scope());
            condition = using.condition();
        } else if (j.quals() != null) {
            condition = expressions.requireBoolean(expressions.analyzeWithoutAggregates(j.quals(), scope,
                    "JOIN conditions"), "JOIN/ON", ExpressionAnalyzer.location(j.quals()));
        }
        NestedLoopJoinNode.Kind kind = switch (j.jointype()) {
            case INNER, CROSS -> NestedLoopJoinNode.Kind.INNER;
            case LEFT -> NestedLoopJoinNode.Kind.LEFT;
            case RIGHT -> NestedLoopJoinNode.Kind.RIGHT;
            case FULL -> NestedLoopJoinNode.Kind.FULL;
        };
        if (kind == NestedLoopJoinNode.Kind.LEFT || kind == NestedLoopJoinNode.Kind.FULL) {
            scope.markNullable(left.scope().width(), scope.width());
        }
        if (kind == NestedLoopJoinNode.Kind.RIGHT || kind == NestedLoopJoinNode.Kind.FULL) {
            scope.markNullable(0, left.scope().width());
        }
        var leftReferences = right.lateral().stream()
                .filter(c -> !(c.value() instanceof org.lakepg.server.sql.plan.expr.OuterParam)).toList();
        if (!leftReferences.isEmpty() && (kind == NestedLoopJoinNode.Kind.RIGHT || kind == NestedLoopJoinNode.Kind.FULL)) {
            var first = leftReferences.get(0).value();
            String table = first instanceof InputRef in && in.name() != null && in.name().contains(".")
                    ? in.name().substring(0, in.name().indexOf('.')) : "?";
            throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                    "invalid reference to FROM-clause entry for table \"%s\"", table).withDetail(
                    "The combining JOIN type must be INNER or LEFT for a LATERAL reference."),
                    expressions.parameterLocation(leftReferences.get(0).id()));
        }
        if (condition instanceof org.lakepg.server.sql.plan.expr.Const c && Boolean.TRUE.equals(c.value())) {
            condition = null; // ON true joins every pair: PostgreSQL drops the constant
        }
        if (takenIn != null) {
            takenIn.scope().checkNameConflicts(scope);
            int shift = takenIn.scope().width();
            if (kind == NestedLoopJoinNode.Kind.INNER && LateralBefore.readsOnly(right.lateral(), shift)) {
                return LateralBefore.beforeTheLeftSide(takenIn.plan(), takenIn.scope(), left.plan(), left.scope(),
                        left.lateral(), right.plan(), right.scope(), right.lateral(), condition, outer,
                        (plan, names) -> new Source(plan, names, beforeSource.lateral(), true));
            }
            FromScope all = new FromScope(outer);
            all.addAll(takenIn.scope());
            all.addAll(scope);
            PlanNode leftPlan = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, takenIn.plan(), left.plan(), null,
                    left.lateral());
            condition = LateralBefore.shift(condition, shift);
            return new Source(new NestedLoopJoinNode(kind, leftPlan, right.plan(), condition, right.lateral()), all,
                    takenIn.lateral(), true);
        }
        PlanNode plan = new NestedLoopJoinNode(kind, left.plan(), right.plan(), condition, right.lateral());
        // a join without USING or alias is planned with the query's WHERE, as PostgreSQL plans the whole FROM at
        // once: WHERE conditions filter its inputs, may make an outer join inner, and the joins are ordered together
        // so is a FULL join USING: the WHERE on its merged columns (COALESCE of both sides) filters both inputs
        boolean plannedLater = (using == null || kind == NestedLoopJoinNode.Kind.FULL) && j.alias() == null;
        if (right.lateral().isEmpty() && !plannedLater) {
            plan = new org.lakepg.server.sql.optimizer.HashLookups(expressions::nextParamId, catalog::indexes,
                    catalog.planner(), catalog::btreeComparison).joins(plan);
        }
        if (using != null && !using.columns().isEmpty()) {
            // the merged columns go after the joined row: l.x and r.x stay reachable by qualified names
            List<BoundExpr> row = new ArrayList<>();
            for (int i = 0; i < scope.width(); i++) {
                OutputColumn c = scope.columnAt(i);
                row.add(new InputRef(i, c.type(), c.typmod(), c.name()));
            }
            List<BoundExpr> merged = using.values(kind);
            for (int i = 0; i < merged.size(); i++) {
                scope.mergedFrom(row.size() + i, merged.get(i));
            }
            row.addAll(merged);
            plan = new ProjectNode(plan, row);
            scope.hide(using.columns().stream().map(OutputColumn::name).toList());
            scope.addMergedFirst(using.columns());
            if (j.joinUsingAlias() != null) {
                // USING (...) AS x names just the merged columns
                String usingAlias = j.joinUsingAlias().aliasname();
                if (scope.entries().stream().anyMatch(e -> usingAlias.equals(e.alias()))) {
                    throw PgException.of(SqlState.DUPLICATE_ALIAS, "table name \"%s\" specified more than once",
                            usingAlias);
                }
                scope.addQualifiedOnly(j.joinUsingAlias().aliasname(), scope.entries().get(0));
            }
        }
        List<Correlation> lateral = left.lateral();
        if (j.alias() != null) {
            Source aliased = aliasedJoin(plan, scope, j.alias());
            return new Source(aliased.plan(), aliased.scope(), lateral);
        }
        return new Source(plan, scope, lateral);
    }

    /** {@code (a JOIN b ...) AS j}: the join's columns, as * lists them, become one item named j. */
    private Source aliasedJoin(PlanNode plan, FromScope scope, org.lakepg.server.sql.ast.Alias alias) {
        List<BoundExpr> row = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        for (FromScope.Entry e : scope.entries()) {
            for (int i = 0; i < e.columns().size(); i++) {
                if (e.visible(i)) {
                    OutputColumn c = e.columns().get(i);
                    row.add(new InputRef(e.offset() + i, c.type(), c.typmod(), c.name()));
                    columns.add(OutputColumn.computed(c.name(), c.type(), c.typmod()));
                }
            }
        }
        FromScope named = new FromScope(outer);
        if (alias.colnames() != null && alias.colnames().size() > columns.size()) {
            throw PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                    "join expression \"%s\" has %d columns available but %d columns specified", alias.aliasname(),
                    columns.size(), alias.colnames().size());
        }
        named.add(alias.aliasname(), renamed(columns, alias.colnames(), alias.aliasname()));
        named.aliasAway(scope);
        return new Source(new ProjectNode(plan, row), named);
    }

    // ---- SELECT ----

    private record Target(String name, Expr source, BoundExpr expr) {}

    private Relation simpleSelect(SelectStmt s, boolean resolveUnknowns) {
        // window calls belong to the query level they appear in, never to an enclosing one
        WindowCollector enclosing = expressions.windows(null);
        try {
            return simpleSelect(s, resolveUnknowns, new WindowCollector(s.windowClause()));
        } finally {
            expressions.windows(enclosing);
        }
    }

    /**
     * PostgreSQL analyzes the select list before WHERE (transformSelectStmt): when WHERE fails, an error of the select
     * list is the one to report. The statement fails either way, so analyzing the list again later does no harm.
     */
    /** The FROM rows of a WHERE that never passes: none, with the FROM items' columns. */
    private static PlanNode emptyFrom(PlanNode plan, FromScope scope) {
        List<org.lakepg.server.sql.plan.OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < plan.width(); i++) {
            try {
                columns.add(scope.columnAt(i));
            } catch (IndexOutOfBoundsException notAnItemsColumn) {
                return org.lakepg.server.sql.optimizer.GatingQuals.emptyRows(plan.width());
            }
        }
        return org.lakepg.server.sql.optimizer.GatingQuals.emptyRows(columns);
    }

    private PgException targetListFirst(SelectStmt s, FromScope scope, boolean resolveUnknowns, PgException whereError) {
        WindowCollector previous = expressions.windows(new WindowCollector(s.windowClause()));
        try {
            targets(s.targetList(), scope, new AggregateCollector(), resolveUnknowns);
        } catch (PgException earlier) {
            return earlier;
        } finally {
            expressions.windows(previous);
        }
        return whereError;
    }

    private Relation simpleSelect(SelectStmt s, boolean resolveUnknowns, WindowCollector windows) {
        boolean locking = s.lockingClause() != null && !s.lockingClause().isEmpty();
        tupleIds = s.fromClause() != null && !s.fromClause().isEmpty() && (locking || SystemColumns.mentioned(s));
        Source source = from(s.fromClause());
        PlanNode plan = source.plan();
        FromScope scope = source.scope();
        List<org.lakepg.server.sql.optimizer.SublinkPullUp.SemiJoin> semiJoins = List.of();
        BoundExpr gate = null;
        // the single table scanned and its WHERE, for min()/max() through an index
        org.lakepg.server.sql.plan.SeqScanNode singleScan = plan instanceof org.lakepg.server.sql.plan.SeqScanNode scan0
                ? scan0 : null;
        BoundExpr singleWhere = null;
        BoundExpr wholeWhere = null;
        if (s.whereClause() != null) {
            BoundExpr where;
            try {
                where = expressions.requireBoolean(
                        expressions.analyzeWithoutAggregates(s.whereClause(), scope, "WHERE"), "WHERE",
                        ExpressionAnalyzer.location(s.whereClause()));
            } catch (PgException whereError) {
                throw targetListFirst(s, scope, resolveUnknowns, whereError);
            }
            wholeWhere = where;
            if (!locking) {
                // constants folded; a constant-false WHERE leaves no rows, conditions of no column gate the rows
                var gating = org.lakepg.server.sql.optimizer.GatingQuals.split(expressions.foldConstants(
                        org.lakepg.server.sql.optimizer.GatingQuals.withConstantColumns(plan, where)));
                if (gating.neverPasses()) {
                    plan = emptyFrom(plan, scope);
                }
                gate = gating.gate();
                where = gating.neverPasses() ? null
                        : org.lakepg.server.sql.optimizer.SelfEqualities.rewrite(gating.rest());
            }
            if (!locking && where != null) {
                // EXISTS / NOT EXISTS / IN (subquery) conjuncts become semi and anti joins with the FROM rows
                var split = org.lakepg.server.sql.optimizer.SublinkPullUp.split(where, plan.width());
                semiJoins = split.joins();
                where = split.remaining();
            }
            PlanNode pushed = where == null ? null : InheritedScans.filtered(catalog, plan, where);
            if (pushed == null && where != null && plan instanceof org.lakepg.server.sql.plan.SubqueryScanNode subquery) {
                var quals = org.lakepg.server.sql.optimizer.LockedSubqueryQuals.applies(subquery)
                        ? org.lakepg.server.sql.optimizer.LockedSubqueryQuals.push(subquery, where,
                                (scan, condition) -> filteredScan(scan, condition, true))
                        : org.lakepg.server.sql.optimizer.SubqueryQuals.push(subquery, where,
                                (op, l, r) -> expressions.operator(List.of(op), l, r, -1));
                plan = quals.plan();
                where = quals.remaining();
                pushed = where == null ? plan : null;
            }
            if (pushed == null && where != null && !locking) {
                var quals = new org.lakepg.server.sql.optimizer.SetOpQuals(expressions::foldConstants,
                        p -> setOperationCasts.getOrDefault(p, new java.util.BitSet()),
                        (scan, condition) -> filteredScan(scan,
                                org.lakepg.server.sql.optimizer.QualOrder.equalitiesLast(condition), false)).push(plan, where);
                if (quals != null) {
                    plan = quals.plan();
                    where = quals.remaining();
                    pushed = where == null ? plan : null;
                }
            }
            if (pushed == null && where != null) {
                plan = SubqueryScans.filteredUnion(plan, s.fromClause());
            }
            if (pushed != null) {
                plan = pushed;
            } else {
                if (where != null && withoutIdentityProjection(plan) instanceof FilterNode inner
                        && inner.input() instanceof org.lakepg.server.sql.plan.SeqScanNode below
                        && RowSecurity.policies(catalog, below.table()) == null) {
                    // a pulled-up subquery's (view's, inlined function's) WHERE joins this one, so the scan's
                    // indexes serve both, as after PostgreSQL's pull_up_subqueries
                    List<BoundExpr> both = new ArrayList<>(
                            org.lakepg.server.sql.optimizer.Conjuncts.conjuncts(inner.condition()));
                    both.addAll(org.lakepg.server.sql.optimizer.Conjuncts.conjuncts(where));
                    where = new org.lakepg.server.sql.plan.expr.BoolExpr(org.lakepg.server.sql.plan.expr.BoolExpr.Kind.AND, both);
                    plan = below;
                } else if (where != null && org.lakepg.server.sql.optimizer.WholeTableScans.asSeqScan(
                        withoutIdentityProjection(plan)) instanceof
                        org.lakepg.server.sql.plan.SeqScanNode below && RowSecurity.policies(catalog, below.table()) == null) {
                    plan = below; // a pulled-up SELECT of one table's columns: the outer WHERE may use its indexes
                }
                if (where != null && plan instanceof org.lakepg.server.sql.plan.SeqScanNode scan) {
                    boolean locked = lockedRows(s);
                    PlanNode gated = locking ? null : org.lakepg.server.sql.optimizer.ContradictoryScans.gated(where,
                            w -> filteredScan(scan, org.lakepg.server.sql.optimizer.QualOrder.equalitiesLast(w), locked));
                    where = org.lakepg.server.sql.optimizer.QualOrder.equalitiesLast(where);
                    singleWhere = gated == null ? where : null;
                    plan = gated != null ? gated : filteredScan(scan, where, locked);
                } else if (where != null) {
                    plan = new FilterNode(plan, where);
                }
            }
            if (singleWhere == null) {
                singleScan = null;
            }
        }
        PlanNode scanned = plan;
        var hashLookups = new org.lakepg.server.sql.optimizer.HashLookups(expressions::nextParamId, catalog::indexes,
                catalog.planner(), catalog::btreeComparison).folding(expressions::foldConstants);
        plan = hashLookups.joinsWithSublinks(plan, semiJoins);
        if (gate != null) {
            plan = new FilterNode(plan, gate);
        }
        if (locking) {
            plan = LockedRows.lock(catalog, plan, scope, s.lockingClause(), s.fromClause());
        }
        AggregateCollector aggregates = new AggregateCollector();
        expressions.windows(windows);
        List<Target> targets = targets(s.targetList(), scope, aggregates, resolveUnknowns);
        expressions.windows(null);

        List<BoundExpr> groupKeys = new ArrayList<>();
        List<List<Integer>> groupingSets = List.of();
        if (GroupingSets.present(s.groupClause())) {
            var expansion = GroupingSets.expand(s.groupClause(), s.groupDistinct(), g -> groupKey(g, targets, scope));
            groupKeys.addAll(expansion.keys());
            groupingSets = expansion.sets();
        } else if (s.groupClause() != null) {
            for (Expr g : s.groupClause()) {
                // GROUP BY (a, b) groups by a and b, as in PostgreSQL
                for (Expr item : g instanceof org.lakepg.server.sql.ast.RowExpr r && !r.explicitRow() ? r.args() : List.of(g)) {
                    groupKeys.add(groupKey(item, targets, scope));
                }
            }
        }
        BoundExpr having = s.havingClause() == null ? null : expressions.requireBoolean(
                expressions.analyzeWithAggregates(s.havingClause(), scope, aggregates), "HAVING",
                ExpressionAnalyzer.location(s.havingClause()));

        List<Target> sortTargets = new ArrayList<>(targets);
        List<SortSpec> sorts = new ArrayList<>();
        if (s.sortClause() != null) {
            expressions.windows(windows);
            for (SortBy by : s.sortClause()) {
                sorts.add(sortSpec(by, sortTargets, scope, aggregates));
            }
            expressions.windows(null);
        }

        List<Integer> distinctOn = distinctOn(s, sorts, sortTargets, scope, aggregates);
        boolean grouped = !groupKeys.isEmpty() || !aggregates.isEmpty() || having != null || !groupingSets.isEmpty()
                || projected(targets).stream().anyMatch(GroupingRewriter::containsGrouping);
        if (!grouped && distinctOn == null && s.distinctClause() == null && windows.isEmpty()) {
            List<SortSpec> kept = org.lakepg.server.sql.optimizer.RedundantSortKeys.without(wholeWhere, sorts,
                    spec -> sortTargets.get(spec.column()).expr());
            sorts.retainAll(kept);
        }
        List<BoundExpr> projected = new ArrayList<>();
        sortTargets.forEach(t -> projected.add(t.expr()));
        GroupingRewriter rewriter = null;
        if (grouped) {
            List<SortKey> keyOrder = new ArrayList<>();
            java.util.Set<Integer> dependent = groupingSets.isEmpty()
                    ? GroupByDependencies.surplus(groupKeys, scope, catalog) : java.util.Set.of();
            for (int i = 0; i < groupKeys.size(); i++) {
                if (!dependent.contains(i)) {
                    keyOrder.add(sortKey(i, groupKeys.get(i).type(), false, false, -1));
                }
            }
            if (groupKeys.isEmpty() && aggregates.isEmpty() && groupingSets.isEmpty() && windows.isEmpty()) {
                // a degenerate grouping (HAVING alone) gives one row or none whatever the input holds: PostgreSQL
                // does not read the input at all, so a WHERE that would fail is never evaluated
                plan = new org.lakepg.server.sql.plan.ResultNode();
            }
            AggregateNode aggregate = new AggregateNode(plan, groupKeys, keyOrder, aggregates.calls(), groupingSets);
            if (!groupKeys.isEmpty() && groupingSets.isEmpty() && (!hashAggregation() || sorts.isEmpty()
                    && s.distinctClause() == null && windows.isEmpty()
                    && org.lakepg.server.sql.optimizer.GroupStrategy.sorted(aggregate, catalog.planner()))) {
                // with enable_hashagg off, or when hashing costs no less, PostgreSQL groups the sorted rows
                aggregate = aggregate.withSorted(true);
            }
            PlanNode minMax = singleScan == null || plan != scanned || locking || having != null || !windows.isEmpty()
                    ? null : org.lakepg.server.sql.optimizer.MinMaxAggregates.plan(aggregate, singleScan, singleWhere,
                    catalog.planner());
            if (minMax == null && plan == scanned && !locking && having == null && windows.isEmpty()) {
                minMax = org.lakepg.server.sql.optimizer.MinMaxAppends.plan(aggregate,
                        (column, type, descending) -> sortKey(column, type, descending, descending, -1), catalog.planner());
            }
            plan = minMax != null ? minMax : aggregate;
            rewriter = new GroupingRewriter(groupKeys, groupingSets, groupKeys.size() + aggregates.calls().size(),
                    expressions::columnLocation, scope::mergedValue).checkingDirectArguments(aggregates.calls());
            // the select list is checked for ungrouped columns before HAVING, as in PostgreSQL
            projected.replaceAll(rewriter::rewrite);
            if (having != null) {
                plan = new FilterNode(plan, rewriter.rewrite(having));
            }
        }
        if (!windows.isEmpty()) {
            plan = new WindowPlanner(this).plan(plan, windows, rewriter, projected);
        }
        plan = setReturning(plan, projected);
        projected.replaceAll(expressions::foldConstants);
        plan = org.lakepg.server.sql.optimizer.MinMaxAggregates.project(plan, projected);
        List<OutputColumn> columns = new ArrayList<>();
        for (Target t : targets) {
            // a plain column of a FROM item keeps its table OID and attnum, as PostgreSQL reports them
            if (!grouped && t.expr() instanceof InputRef in) {
                OutputColumn origin = scope.columnAt(in.index());
                columns.add(new OutputColumn(t.name(), in.type(), in.typmod(), origin.tableOid(), origin.columnNumber()));
            } else {
                // a set-returning call's OUT row keeps the typmod naming its fields (set by setReturning)
                int typmod = t.expr().type() == TypeOids.RECORD && t.expr().typmod() < 0
                        && columns.size() < projected.size() && projected.get(columns.size()) instanceof InputRef ref
                        ? ref.typmod() : t.expr().typmod();
                columns.add(OutputColumn.computed(t.name(), t.expr().type(), typmod));
            }
        }
        if (s.distinctClause() != null) {
            boolean plainDistinct = s.distinctClause().size() == 1 && s.distinctClause().get(0) == null;
            if (!plainDistinct) {
                return finish(plan, columns, sorts, sortTargets.size(), s, distinctOn);
            }
            if (sortTargets.size() > targets.size()) {
                throw PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
            }
            List<SortKey> distinctKeys = keysFor(columns);
            if (sorts.isEmpty() && !distinctKeys.isEmpty() && (!hashAggregation()
                    || org.lakepg.server.sql.optimizer.DistinctStrategy.sorted(plan, distinctKeys, catalog.planner()))) {
                // with enable_hashagg off, or when hashing costs no less, PostgreSQL sorts the rows and keeps the
                // first of each run (Unique over Sort), so they come out in that order
                plan = new SortNode(plan, distinctKeys);
            }
            plan = new DistinctNode(plan, distinctKeys);
        }
        return finish(plan, columns, sorts, sortTargets.size(), s);
    }

    /**
     * Moves the select list's set-returning calls into a ProjectSet below the projection, which then
     * reads their values as columns after the input's.
     */
    private PlanNode setReturning(PlanNode plan, List<BoundExpr> projected) {
        List<org.lakepg.server.sql.plan.expr.FuncExpr> calls = new ArrayList<>();
        int base = plan.width();
        for (int i = 0; i < projected.size(); i++) {
            projected.set(i, ExprRewriter.map(projected.get(i), e -> {
                if (!(e instanceof org.lakepg.server.sql.plan.expr.FuncExpr f)
                        || !catalog.function(f.function()).map(org.lakepg.server.catalog.ProcEntry::returnsSet).orElse(false)) {
                    return e;
                }
                if (f.type() == TypeOids.RECORD && !RecordColumns.recordSetInSelectList(f, catalog)) {
                    throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "set-returning functions returning records in a select list are not supported yet");
                }
                for (BoundExpr arg : f.arguments()) {
                    if (ExprRewriter.any(arg, x -> x instanceof InputRef in && in.index() >= base)) {
                        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "nested set-returning functions are not supported yet");
                    }
                }
                int at = calls.indexOf(f);
                if (at < 0) {
                    calls.add(f);
                    at = calls.size() - 1;
                }
                int typmod = f.type() == TypeOids.RECORD && f.typmod() < 0 ? RecordColumns.outRowTypmod(f, catalog)
                        : f.typmod();
                return new InputRef(base + at, f.type(), typmod, f.name());
            }));
        }
        return calls.isEmpty() ? plan : new org.lakepg.server.sql.plan.ProjectSetNode(plan, calls);
    }

    private List<Target> targets(List<ResTarget> list, FromScope scope, AggregateCollector aggregates,
                                 boolean resolveUnknowns) {
        List<Target> out = new ArrayList<>();
        for (ResTarget t : list) {
            if (t.val() instanceof ColumnRef c && c.star()) {
                expandStar(c, scope, out);
                continue;
            }
            if (RowStar.is(t.val())) {
                for (RowStar.Field f : RowStar.expand((org.lakepg.server.sql.ast.AIndirection) t.val(), scope, expressions,
                        catalog, aggregates)) {
                    out.add(new Target(f.name(), t.val(), f.expr()));
                }
                continue;
            }
            BoundExpr e = expressions.analyzeWithAggregates(t.val(), scope, aggregates);
            if (resolveUnknowns) {
                e = unknownAsText(e, t.val());
            }
            out.add(new Target(t.name() != null ? t.name() : ColumnNames.figure(t.val()), t.val(), e));
        }
        return out;
    }

    private void expandStar(ColumnRef star, FromScope scope, List<Target> out) {
        List<FromScope.Entry> entries;
        if (star.fields().isEmpty()) {
            entries = scope.entries();
            if (entries.isEmpty() && scope.width() == 0) {
                throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid"),
                        star.location());
            }
        } else {
            String alias = star.fields().get(star.fields().size() - 1);
            if (scope.entry(alias).isEmpty() && outer != null) {
                // an item of an enclosing query (LATERAL, subqueries): its columns as correlation parameters
                var outerColumns = outer.outerStar(alias);
                if (outerColumns.isPresent()) {
                    outerColumns.get().forEach(c -> out.add(new Target(c.getKey(), null, c.getValue())));
                    return;
                }
            }
            entries = List.of(scope.entry(alias).orElseThrow(() -> Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                    "missing FROM-clause entry for table \"%s\"", alias), star.location())));
        }
        for (FromScope.Entry e : entries) {
            for (int i = 0; i < e.columns().size(); i++) {
                if (star.fields().isEmpty() && !e.visible(i)) {
                    continue;
                }
                OutputColumn c = e.columns().get(i);
                e.used(i);
                out.add(new Target(c.name(), null, new InputRef(e.offset() + i, c.type(), c.typmod(), c.name())));
            }
        }
    }

    private BoundExpr unknownAsText(BoundExpr e, Expr source) {
        if (e.type() == TypeOids.UNKNOWN) {
            return expressions.coercer().coerce(e, TypeOids.TEXT, -1, TypeCoercion.Context.IMPLICIT,
                    ExpressionAnalyzer.location(source));
        }
        return e;
    }

    private static List<BoundExpr> projected(List<Target> targets) {
        return targets.stream().map(Target::expr).toList();
    }

    /** A select-list item GROUP BY names by position: a window call in it is an error there. */
    private static BoundExpr withoutWindowCalls(Target t) {
        if (ExprRewriter.any(t.expr(), x -> x instanceof org.lakepg.server.sql.plan.expr.WindowRef)) {
            throw Coercer.at(PgException.of(SqlState.WINDOWING_ERROR, "window functions are not allowed in GROUP BY"),
                    t.source() == null ? -1 : ExpressionAnalyzer.location(t.source()));
        }
        return t.expr();
    }

    /** GROUP BY items may name output columns by position or name, as in PostgreSQL. */
    private BoundExpr groupKey(Expr g, List<Target> targets, FromScope scope) {
        if (g instanceof AConst c && c.kind() == AConst.Kind.INTEGER) {
            int position = Integer.parseInt(c.value());
            if (position < 1 || position > targets.size()) {
                throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "GROUP BY position %d is not in select list", position), c.location());
            }
            return withoutWindowCalls(targets.get(position - 1));
        }
        if (g instanceof ColumnRef c && c.fields().size() == 1 && !c.star()) {
            var inScope = scope.column(c.fields(), c.location());
            if (inScope.isEmpty()) {
                for (Target t : targets) {
                    if (c.fields().get(0).equals(t.name())) {
                        return t.expr();
                    }
                }
            }
        }
        return expressions.analyzeWithoutAggregates(g, scope, "GROUP BY");
    }

    // ---- ORDER BY, LIMIT ----

    private record SortSpec(int column, boolean descending, boolean nullsFirst, int location) {}

    /** An ORDER BY item: an output column by position or name, else an expression added as a hidden column. */
    private SortSpec sortSpec(SortBy by, List<Target> targets, Scope scope, AggregateCollector aggregates) {
        boolean desc = by.dir() == SortBy.SortDir.DESC;
        if (by.dir() == SortBy.SortDir.USING) {
            // USING < / USING > are the btree orderings; other operators order nothing PostgreSQL knows
            String op = by.useOp().get(by.useOp().size() - 1);
            if (!op.equals("<") && !op.equals(">")) {
                throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE, "operator %s is not a valid ordering operator", op)
                        .withHint("Ordering operators must be \"<\" or \">\" members of btree operator families."),
                        by.location());
            }
            desc = op.equals(">");
        }
        boolean nullsFirst = by.nulls() == SortBy.SortNulls.DEFAULT ? desc : by.nulls() == SortBy.SortNulls.FIRST;
        Expr node = by.node();
        if (node instanceof AConst c && c.kind() == AConst.Kind.INTEGER) {
            int position = Integer.parseInt(c.value());
            if (position < 1 || position > targets.size()) {
                throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "ORDER BY position %d is not in select list", position), c.location());
            }
            return new SortSpec(position - 1, desc, nullsFirst, by.location());
        }
        if (node instanceof ColumnRef c && c.fields().size() == 1 && !c.star()) {
            int match = -1;
            for (int i = 0; i < targets.size(); i++) {
                if (c.fields().get(0).equals(targets.get(i).name())) {
                    if (match >= 0 && !targets.get(match).expr().equals(targets.get(i).expr())) {
                        throw Coercer.at(PgException.of(SqlState.AMBIGUOUS_COLUMN,
                                "ORDER BY \"%s\" is ambiguous", c.fields().get(0)), c.location());
                    }
                    if (match < 0) {
                        match = i;
                    }
                }
            }
            if (match >= 0) {
                return new SortSpec(match, desc, nullsFirst, by.location());
            }
        }
        BoundExpr e = unknownAsText(expressions.analyzeWithAggregates(node, scope == null ? Scope.EMPTY : scope,
                aggregates), node);
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).expr().equals(e)) {
                return new SortSpec(i, desc, nullsFirst, by.location());
            }
        }
        targets.add(new Target("?sort?", node, e));
        return new SortSpec(targets.size() - 1, desc, nullsFirst, by.location());
    }

    /** Sort, limit and drop hidden sort columns. */
    /**
     * DISTINCT ON's expressions as columns of the projected row (hidden ones added like ORDER BY's);
     * null without DISTINCT ON. ORDER BY must start with them, as PostgreSQL requires.
     */
    private List<Integer> distinctOn(SelectStmt s, List<SortSpec> sorts, List<Target> targets, Scope scope,
                                     AggregateCollector aggregates) {
        if (s.distinctClause() == null || s.distinctClause().size() == 1 && s.distinctClause().get(0) == null) {
            return null;
        }
        List<Integer> columns = new ArrayList<>();
        for (Expr e : s.distinctClause()) {
            columns.add(sortSpec(new SortBy(e, SortBy.SortDir.DEFAULT, SortBy.SortNulls.DEFAULT, List.of(),
                    ExpressionAnalyzer.location(e)), targets, scope, aggregates).column());
        }
        for (int i = 0; i < Math.min(sorts.size(), columns.size()); i++) {
            if (!columns.contains(sorts.get(i).column())) {
                throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "SELECT DISTINCT ON expressions must match initial ORDER BY expressions"), sorts.get(i).location());
            }
        }
        return columns;
    }

    private Relation finish(PlanNode plan, List<OutputColumn> columns, List<SortSpec> sorts, int width, SelectStmt s) {
        return finish(plan, columns, sorts, width, s, null);
    }

    /** @param distinctOn columns whose first row (in ORDER BY order) is kept, for DISTINCT ON; null otherwise */
    private Relation finish(PlanNode plan, List<OutputColumn> columns, List<SortSpec> sorts, int width, SelectStmt s,
                            List<Integer> distinctOn) {
        PlanNode projection = plan;
        List<SortKey> orderKeys = List.of();
        if (!sorts.isEmpty()) {
            List<SortKey> keys = new ArrayList<>();
            for (SortSpec spec : sorts) {
                long type = spec.column() < columns.size() ? columns.get(spec.column()).type()
                        : ((ProjectNode) (plan instanceof DistinctNode d ? d.input() : plan)).expressions()
                                .get(spec.column()).type();
                keys.add(sortKey(spec.column(), type, spec.descending(), spec.nullsFirst(), spec.location()));
            }
            plan = org.lakepg.server.sql.plan.PresortedInputs.backwardIfReversed(new SortNode(plan, keys));
            orderKeys = keys;
        }
        if (distinctOn != null) {
            List<SortKey> keys = new ArrayList<>();
            for (int column : distinctOn) {
                long type = column < columns.size() ? columns.get(column).type()
                        : ((ProjectNode) projection).expressions().get(column).type();
                keys.add(sortKey(column, type, false, false, -1));
            }
            plan = new DistinctNode(plan, keys);
        }
        plan = limit(plan, s, orderKeys);
        if (width > columns.size()) {
            List<BoundExpr> visible = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                visible.add(new InputRef(i, columns.get(i).type(), columns.get(i).typmod(), columns.get(i).name()));
            }
            plan = new ProjectNode(plan, visible);
        }
        return new Relation(plan, columns);
    }

    private Relation orderAndLimit(Relation r, SelectStmt s, Scope scope) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            OutputColumn c = r.columns().get(i);
            targets.add(new Target(c.name(), null, new InputRef(i, c.type(), c.typmod(), c.name())));
        }
        List<SortSpec> sorts = new ArrayList<>();
        if (s.sortClause() != null) {
            FromScope outputs = new FromScope();
            outputs.add(null, r.columns());
            for (SortBy by : s.sortClause()) {
                try {
                    sorts.add(sortSpec(by, targets, outputs, null));
                } catch (PgException e) {
                    throw s.op() == SelectStmt.SetOperation.NONE ? e : withLeafHint(e, by);
                }
            }
        }
        PlanNode plan = r.plan();
        if (targets.size() > r.columns().size()) {
            plan = new ProjectNode(plan, targets.stream().map(Target::expr).toList());
        }
        return finish(plan, r.columns(), sorts, targets.size(), s);
    }

    private PlanNode limit(PlanNode plan, SelectStmt s, List<SortKey> orderKeys) {
        boolean withTies = s.limitOption() == SelectStmt.LimitOption.WITH_TIES;
        if (withTies && orderKeys.isEmpty()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "WITH TIES cannot be specified without ORDER BY clause");
        }
        if (s.limitCount() == null && s.limitOffset() == null) {
            return plan;
        }
        BoundExpr count = s.limitCount() == null ? null : limitValue(s.limitCount(), "LIMIT");
        BoundExpr offset = s.limitOffset() == null ? null : limitValue(s.limitOffset(), "OFFSET");
        return new LimitNode(plan, offset, count, withTies ? orderKeys : List.of());
    }

    private BoundExpr limitValue(Expr e, String construct) {
        BoundExpr value = expressions.analyzeWithoutAggregates(e, Scope.EMPTY, construct);
        return expressions.coercer().coerce(value, TypeOids.INT8, -1, TypeCoercion.Context.ASSIGNMENT,
                ExpressionAnalyzer.location(e));
    }

    SortKey sortKey(int column, long type, boolean descending, boolean nullsFirst, int location) {
        return SortKeys.of(catalog, column, type, descending, nullsFirst, location);
    }

    /** Whether the rows are locked: FOR UPDATE/SHARE, which RowLocking plans as the query with a null locking clause. */
    private static boolean lockedRows(SelectStmt s) {
        return s.lockingClause() == null || !s.lockingClause().isEmpty();
    }

    /** enable_hashagg: whether DISTINCT and GROUP BY may be done by hashing. */
    private boolean hashAggregation() {
        return org.lakepg.server.sql.optimizer.CostSettings.of(catalog.planner()::setting).hashAgg();
    }

    List<SortKey> keysFor(List<OutputColumn> columns) {
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            keys.add(sortKey(i, columns.get(i).type(), false, false, -1));
        }
        return keys;
    }

    // ---- VALUES and set operations ----

    private Relation values(List<List<Expr>> lists) {
        lists = lists.stream().map(this::expandOuterStars).toList();
        int width = lists.get(0).size();
        List<List<BoundExpr>> rows = new ArrayList<>();
        for (List<Expr> list : lists) {
            if (list.size() != width) {
                throw Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length"),
                        ExpressionAnalyzer.location(list.get(0)));
            }
            List<BoundExpr> row = new ArrayList<>();
            for (Expr e : list) {
                row.add(expressions.analyzeWithoutAggregates(e, outer == null ? Scope.EMPTY : outer, "VALUES"));
            }
            rows.add(row);
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<Long> types = new ArrayList<>();
            for (List<BoundExpr> row : rows) {
                types.add(row.get(c).type());
            }
            long type = new CommonType(expressions.coercer().rules()).select(types, "VALUES");
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r).set(c, expressions.coercer().coerce(rows.get(r).get(c), type, -1,
                        TypeCoercion.Context.IMPLICIT, ExpressionAnalyzer.location(lists.get(r).get(c))));
            }
            columns.add(OutputColumn.computed("column" + (c + 1), type, -1));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < width; c++) {
                SetReturningCalls.refuseInValues(rows.get(r).get(c), lists.get(r).get(c), catalog);
            }
        }
        return new Relation(new ValuesNode(rows, width), columns);
    }


    /**
     * A VALUES row's {@code t.*} items as one column reference per column of t (transformExpressionList expands
     * them); in a LATERAL VALUES, t is an item of the enclosing FROM.
     */
    private List<Expr> expandOuterStars(List<Expr> list) {
        if (outer == null || list.stream().noneMatch(e -> e instanceof ColumnRef c && c.star() && !c.fields().isEmpty())) {
            return list;
        }
        List<Expr> out = new ArrayList<>();
        for (Expr e : list) {
            if (e instanceof ColumnRef c && c.star() && !c.fields().isEmpty()) {
                var columns = outer.outerStar(c.fields().get(c.fields().size() - 1));
                if (columns.isPresent()) {
                    for (var column : columns.get()) {
                        List<String> names = new ArrayList<>(c.fields());
                        names.add(column.getKey());
                        out.add(new ColumnRef(names, false, c.location()));
                    }
                    continue;
                }
            }
            out.add(e);
        }
        return out;
    }

    /** A table's rows under a condition: the cheapest index or sequential scan, and a filter for what it leaves. */
    private PlanNode filteredScan(org.lakepg.server.sql.plan.SeqScanNode scan, BoundExpr where, boolean lockedRows) {
        PlanNode plan = org.lakepg.server.sql.optimizer.IndexSelection.cheapest(scan, where,
                catalog.indexes(scan.table()), catalog.planner());
        BoundExpr rest = org.lakepg.server.sql.optimizer.IndexSelection.remainingCondition(plan, where, lockedRows);
        return rest == null ? plan : new FilterNode(plan, rest);
    }

    private Relation setOperation(SelectStmt s) {
        return setOperation(s.op(), s.all(), operand(s.larg()), operand(s.rarg()));
    }

    Relation setOperation(SelectStmt.SetOperation op, boolean all, Relation left, Relation right) {
        String what = op.name();
        if (left.columns().size() != right.columns().size()) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "each %s query must have the same number of columns", what);
        }
        List<OutputColumn> columns = new ArrayList<>();
        List<BoundExpr> leftCast = new ArrayList<>();
        List<BoundExpr> rightCast = new ArrayList<>();
        boolean leftChanged = false;
        boolean rightChanged = false;
        for (int i = 0; i < left.columns().size(); i++) {
            OutputColumn l = left.columns().get(i);
            OutputColumn r = right.columns().get(i);
            long type = new CommonType(expressions.coercer().rules()).select(List.of(l.type(), r.type()), what);
            checkLiteral(left, i, type);
            checkLiteral(right, i, type);
            BoundExpr lc = expressions.coercer().coerce(new InputRef(i, l.type(), l.typmod(), l.name()), type, -1,
                    TypeCoercion.Context.IMPLICIT, -1);
            BoundExpr rc = expressions.coercer().coerce(new InputRef(i, r.type(), r.typmod(), r.name()), type, -1,
                    TypeCoercion.Context.IMPLICIT, -1);
            leftChanged |= type != l.type();
            rightChanged |= type != r.type();
            leftCast.add(lc);
            rightCast.add(rc);
            columns.add(OutputColumn.computed(l.name(), type, l.type() == r.type() && l.typmod() == r.typmod() ? l.typmod() : -1));
        }
        PlanNode lp = leftChanged ? casts(new ProjectNode(left.plan(), leftCast), left, columns) : left.plan();
        PlanNode rp = rightChanged ? casts(new ProjectNode(right.plan(), rightCast), right, columns) : right.plan();
        PlanNode plan;
        if (op == SelectStmt.SetOperation.UNION && all) {
            // a UNION ALL chain is one Append, as PostgreSQL flattens it
            List<PlanNode> inputs = new ArrayList<>();
            for (PlanNode side : List.of(lp, rp)) {
                if (side instanceof AppendNode a) {
                    inputs.addAll(a.inputs());
                } else {
                    inputs.add(side);
                }
            }
            plan = new AppendNode(inputs, columns.size());
        } else {
            plan = new SetOpNode(SetOpNode.Kind.valueOf(what), all, lp, rp, keysFor(columns), columns);
        }
        return new Relation(plan, columns);
    }

    /**
     * The columns a set operation's side has to convert to the result's types, by the projection that does it:
     * PostgreSQL does not push the outer WHERE's conditions on them into the members (compare_tlist_datatypes).
     */
    private final java.util.Map<PlanNode, java.util.BitSet> setOperationCasts = new java.util.IdentityHashMap<>();

    private PlanNode casts(ProjectNode projection, Relation side, List<OutputColumn> columns) {
        java.util.BitSet changed = new java.util.BitSet();
        for (int i = 0; i < columns.size(); i++) {
            // an untyped literal is read as the column's type where it stands, no conversion PostgreSQL sees
            long type = side.columns().get(i).type();
            if (type != columns.get(i).type() && type != TypeOids.UNKNOWN) {
                changed.set(i);
            }
        }
        setOperationCasts.put(projection, changed);
        return projection;
    }

    /** One side of a set operation: a bare SELECT/VALUES, or a parenthesized query with its own ORDER BY/LIMIT. */
    Relation operand(SelectStmt s) {
        Relation r = query(s, false);
        if (s.op() == SelectStmt.SetOperation.NONE) {
            setOperationLeaves.add(r.columns().stream().map(OutputColumn::name).toList());
            if (s.targetList() != null && s.targetList().size() == r.columns().size()) {
                leafLocations.put(r.plan(), s.targetList().stream()
                        .map(t -> ExpressionAnalyzer.location(t.val())).toList());
            }
        }
        return r;
    }

    /** Where each select-list item of a set operation's leaf query was written, by the leaf's plan. */
    private final java.util.Map<PlanNode, List<Integer>> leafLocations = new java.util.IdentityHashMap<>();

    /**
     * A leaf's untyped literal column read as the set operation's column type right away, as PostgreSQL's
     * transformSetOperationTree coerces an UNKNOWN Const: a bad literal fails while analyzing, at its position (the
     * plan still casts the column when it runs).
     */
    private void checkLiteral(Relation side, int i, long type) {
        if (side.plan() instanceof ProjectNode x && x.expressions().get(i) instanceof org.lakepg.server.sql.plan.expr.Const c
                && c.type() == TypeOids.UNKNOWN && type != TypeOids.UNKNOWN && leafLocations.containsKey(x)) {
            expressions.coercer().coerce(c, type, -1, TypeCoercion.Context.IMPLICIT, leafLocations.get(x).get(i));
        }
    }

    /** The column names of the set operation's leaf queries, "*SELECT* 1", "*SELECT* 2" ..., for error hints. */
    private final List<List<String>> setOperationLeaves = new ArrayList<>();

    /**
     * A set operation's ORDER BY naming a column of one of its queries that is not a result column: PostgreSQL's
     * errorMissingColumn points at that query's range table entry.
     */
    private PgException withLeafHint(PgException e, SortBy by) {
        if (e.sqlState() != SqlState.UNDEFINED_COLUMN || e.hint() != null
                || !(by.node() instanceof ColumnRef c) || c.fields().size() != 1) {
            return e;
        }
        for (int i = 0; i < setOperationLeaves.size(); i++) {
            if (setOperationLeaves.get(i).contains(c.fields().get(0))) {
                return e.withHint("There is a column named \"" + c.fields().get(0) + "\" in table \"*SELECT* " + (i + 1)
                        + "\", but it cannot be referenced from this part of the query.");
            }
        }
        return e;
    }
}
