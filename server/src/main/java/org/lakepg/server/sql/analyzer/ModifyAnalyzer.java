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
    /** Partitions whose bounds the statement's WHERE contradicts (partition pruning of UPDATE/DELETE members). */
    private final Set<Long> refutedMembers = new HashSet<>();
    /** While planning a statement whose WHERE no member table can satisfy: its scan is a dummy relation. */
    private boolean noRows;

    public ModifyAnalyzer(ExpressionAnalyzer expressions, QueryAnalyzer queries, ParameterTypes parameters,
                          AnalyzerCatalog catalog) {
        this.expressions = expressions;
        this.queries = queries;
        this.parameters = parameters;
        this.catalog = catalog;
    }

    /** Where WHERE CURRENT OF finds the row a cursor is on (the session's cursors), or null without cursors. */
    private java.util.function.BiFunction<String, TableInfo, org.lakepg.server.access.heap.Tid> currentOf;

    public ModifyAnalyzer withCursors(
            java.util.function.BiFunction<String, TableInfo, org.lakepg.server.access.heap.Tid> cursorPositions) {
        this.currentOf = cursorPositions;
        return this;
    }

    /** The views WITH CHECK OPTION the statement was rewritten through (their conditions test each new row). */
    private List<ViewCheckOption> viewChecks = List.of();

    public ModifyAnalyzer withViewChecks(List<ViewCheckOption> checks) {
        this.viewChecks = List.copyOf(checks);
        return this;
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
                && s.selectStmt().limitCount() == null && s.selectStmt().limitOffset() == null
                && !(s.selectStmt().valuesLists().size() == 1
                        && SetReturningCalls.any(s.selectStmt().valuesLists().get(0), catalog))) {
            List<List<BoundExpr>> rows = new ArrayList<>();
            for (List<Expr> values : s.selectStmt().valuesLists()) {
                // without a column list the values fill the first columns, the rest take their defaults
                if (explicitColumns.isEmpty() && values.size() <= targets.size()) {
                    targets = table.columns().subList(0, values.size());
                }
                checkArity(values.size(), targets.size(), values, explicitColumns);
                List<BoundExpr> assigned = new ArrayList<>();
                java.util.Map<Integer, BoundExpr> partial = new java.util.HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    Expr e = values.get(i);
                    boolean useDefault = e instanceof SetToDefault
                            || !checkIdentityInsert(targets.get(i), overriding);
                    if (e instanceof SetToDefault && indirected(explicitColumns, i)) {
                        throw AssignmentIndirection.defaultRefused(explicitColumns.get(i).indirection(),
                                explicitColumns.get(i).location());
                    }
                    BoundExpr value = useDefault ? null : expressions.analyzeWithoutAggregates(e, Scope.EMPTY, "VALUES");
                    if (value != null) {
                        SetReturningCalls.refuseInValues(value, e, catalog);
                    }
                    assigned.add(useDefault ? null : insertTarget(table, targets, explicitColumns, i, partial, value, e));
                }
                rows.add(fullRow(table, targets, assigned));
            }
            source = new ValuesNode(rows, width);
        } else {
            var select = s.selectStmt().valuesLists() != null && s.selectStmt().valuesLists().size() == 1
                    && (s.selectStmt().sortClause() == null || s.selectStmt().sortClause().isEmpty())
                    && s.selectStmt().limitCount() == null && s.selectStmt().limitOffset() == null
                    ? SetReturningCalls.asSelect(s.selectStmt().valuesLists().get(0)) : s.selectStmt();
            Relation query = queries.query(select, false);
            if (explicitColumns.isEmpty() && query.columns().size() <= targets.size()) {
                targets = table.columns().subList(0, query.columns().size());
            }
            checkArity(query.columns().size(), targets.size());
            List<BoundExpr> assigned = new ArrayList<>();
            java.util.Map<Integer, BoundExpr> partial = new java.util.HashMap<>();
            for (int i = 0; i < query.columns().size(); i++) {
                OutputColumn c = query.columns().get(i);
                assigned.add(checkIdentityInsert(targets.get(i), overriding) ? insertTarget(table, targets,
                        explicitColumns, i, partial, new InputRef(i, c.type(), c.typmod(), c.name()), null) : null);
            }
            source = new ProjectNode(query.plan(), fullRow(table, targets, assigned));
        }
        String alias = s.relation().alias() == null ? table.name() : s.relation().alias().aliasname();
        org.lakepg.server.sql.plan.OnConflict onConflict = s.onConflictClause() == null ? null
                : new OnConflictAnalyzer(expressions, catalog, this).analyze(table, alias, s.onConflictClause());
        QueryPlan plan = modify(ModifyNode.Kind.INSERT, table, source, s.returningList(), alias, QueryPlan.Tag.INSERT,
                onConflict);
        PartitionRoutes routes = new PartitionRoutes(catalog, this);
        if (routes.needed(table)) {
            PlanNode routed = routes.route((ModifyNode) plan.root());
            if (catalog.inheritance().isPartitioned(table.oid())) {
                // the partitioned table's statement triggers fire, not the partitions' the rows go to
                routed = new org.lakepg.server.sql.plan.ParentModifyNode(table, ModifyNode.Kind.INSERT, List.of(routed),
                        routed.width());
            }
            plan = new QueryPlan(routed, plan.columns(), plan.parameterTypes(), plan.tag());
        }
        return plan;
    }

    public QueryPlan update(UpdateStmt s) {
        return queries.withClause(s.withClause(), () -> updateBody(s));
    }

    private QueryPlan updateBody(UpdateStmt s) {
        TableInfo parent = queries.table(s.relation());
        String alias = s.relation().alias() == null ? parent.name() : s.relation().alias().aliasname();
        PartitionRoutes routes = new PartitionRoutes(catalog, this);
        return forEachMember(parent, s.relation().inh(), QueryPlan.Tag.UPDATE, member -> {
            QueryPlan plan = updateOf(s, parent, member, alias);
            return new QueryPlan(routes.update((ModifyNode) plan.root(), parent), plan.columns(), plan.parameterTypes(),
                    plan.tag());
        });
    }

    /**
     * UPDATE or DELETE of a table and, unless ONLY, of every table inheriting from it: one modification per table
     * (each with its own columns), their RETURNING rows in the parent's columns, appended.
     */
    private QueryPlan forEachMember(TableInfo parent, boolean inh, QueryPlan.Tag tag,
                                    java.util.function.Function<TableInfo, QueryPlan> modification) {
        List<TableInfo> members = InheritedScans.members(catalog, parent, inh);
        if (members.isEmpty() || members.size() == 1 && members.get(0).oid() == parent.oid()) {
            return modification.apply(parent);
        }
        List<PlanNode> roots = new ArrayList<>();
        QueryPlan first = null;
        List<QueryPlan> plans = new ArrayList<>();
        refutedMembers.clear(); // filled by this statement's members' scans only
        for (TableInfo member : members) {
            plans.add(modification.apply(member));
        }
        // partitions whose bounds the WHERE contradicts are left out, as PostgreSQL prunes them while planning
        boolean allRefuted = members.stream().allMatch(m -> refutedMembers.contains(m.oid()));
        if (allRefuted) {
            // no member left: the table named is modified over no rows (Result / One-Time Filter: false), its
            // statement triggers firing as PostgreSQL's do
            noRows = true;
            try {
                return modification.apply(parent);
            } finally {
                noRows = false;
            }
        }
        for (int i = 0; i < members.size(); i++) {
            if (allRefuted || !refutedMembers.contains(members.get(i).oid())) {
                first = first == null ? plans.get(i) : first;
                roots.add(plans.get(i).root());
            }
        }
        return new QueryPlan(new org.lakepg.server.sql.plan.ParentModifyNode(parent, ModifyNode.Kind.valueOf(tag.name()),
                roots, first.root().width()), first.columns(), parameters.resolved(), tag);
    }

    private QueryPlan updateOf(UpdateStmt s, TableInfo parent, TableInfo table, String alias) {
        boolean joined = s.fromClause() != null && !s.fromClause().isEmpty();
        JoinedTarget from = joined ? JoinedTarget.of(queries, expressions, catalog, table, alias,
                scanAlias(parent, table, alias), s.fromClause(),
                s.whereClause()) : null;
        FromScope scope = joined ? from.scope() : rowScope(table, alias);
        PlanNode plan = joined ? from.plan() : scanWhere(table, scanAlias(parent, table, alias), scope, s.whereClause(),
                policyUsing(parent, table, 'w',
                s.whereClause() != null || s.returningList() != null && !s.returningList().isEmpty()));
        List<BoundExpr> row = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            row.add(new InputRef(c.number() - 1, c.type(), c.typmod(), c.name()));
        }
        assignments(table, s.targetList(), scope, row, "UPDATE");
        row.add(new InputRef(table.columns().size(), org.lakepg.server.catalog.TypeOids.TID, -1, "ctid"));
        if (joined) {
            // the other items' columns ride along for RETURNING
            for (int i = table.columns().size() + 1; i < scope.width(); i++) {
                OutputColumn c = scope.columnAt(i);
                row.add(new InputRef(i, c.type(), c.typmod(), c.name()));
            }
        }
        return modify(ModifyNode.Kind.UPDATE, table, new ProjectNode(plan, row), s.returningList(), alias,
                QueryPlan.Tag.UPDATE, null, joined ? scope : null, parent);
    }

    private static boolean indirected(List<ResTarget> explicit, int i) {
        return i < explicit.size() && explicit.get(i).indirection() != null && !explicit.get(i).indirection().isEmpty();
    }

    /**
     * The value INSERT gives its i-th target column: the value itself, or for {@code (c[1])} / {@code (c.f)} a
     * value of the column with that part set, over what an earlier target of the same column set (else NULL).
     *
     * @param partial the row's columns set in part so far (by column number), before their domain checks
     */
    BoundExpr insertTarget(TableInfo table, List<ColumnInfo> targets, List<ResTarget> explicit, int i,
                           java.util.Map<Integer, BoundExpr> partial, BoundExpr value, Expr source) {
        ColumnInfo column = targets.get(i);
        if (!indirected(explicit, i)) {
            return assign(column, table, value, source);
        }
        BoundExpr base = partial.getOrDefault((int) column.number(), new Const(column.type(), column.typmod(), null));
        ResTarget target = explicit.get(i);
        AssignmentIndirection indirection = new AssignmentIndirection(expressions, catalog, Scope.EMPTY);
        BoundExpr changed = indirection.assign(base, column.name(), target.indirection(), value, target.location(),
                source == null ? -1 : ExpressionAnalyzer.location(source));
        partial.put((int) column.number(), changed);
        return indirection.checked(changed, column.type(), column.typmod());
    }

    /** SET col = value, ...: replaces the assigned columns' expressions in {@code row} (one per table column). */
    void assignments(TableInfo table, List<ResTarget> targets, FromScope scope, List<BoundExpr> row, String context) {
        Set<String> assigned = new HashSet<>();
        Set<String> partlyAssigned = new HashSet<>();
        java.util.Map<Integer, BoundExpr> partial = new java.util.HashMap<>();
        MultiAssignments multi = new MultiAssignments(expressions, catalog, scope, context);
        for (ResTarget t : targets) {
            if (t.indirection() != null && !t.indirection().isEmpty()) {
                ColumnInfo column = column(table, t.name(), t.location());
                partlyAssigned.add(t.name());
                if (assigned.contains(t.name())) {
                    throw PgException.of(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"%s\"", t.name());
                }
                if (t.val() instanceof SetToDefault) {
                    throw AssignmentIndirection.defaultRefused(t.indirection(), t.location());
                }
                BoundExpr value = t.val() instanceof org.lakepg.server.sql.ast.MultiAssignRef m ? multi.value(m)
                        : expressions.analyzeWithoutAggregates(t.val(), scope, context);
                AssignmentIndirection indirection = new AssignmentIndirection(expressions, catalog, scope);
                BoundExpr changed = indirection.assign(partial.getOrDefault((int) column.number(),
                        row.get(column.number() - 1)), column.name(), t.indirection(), value, t.location(),
                        ExpressionAnalyzer.location(t.val()));
                partial.put((int) column.number(), changed);
                row.set(column.number() - 1, indirection.checked(changed, column.type(), column.typmod()));
                continue;
            }
            ColumnInfo column = column(table, t.name(), t.location());
            if (!assigned.add(t.name()) || partlyAssigned.contains(t.name())) {
                throw PgException.of(SqlState.SYNTAX_ERROR, "multiple assignments to same column \"%s\"", t.name());
            }
            if (column.generated() && !(t.val() instanceof SetToDefault)) {
                throw PgException.of(SqlState.GENERATED_ALWAYS, "column \"%s\" can only be updated to DEFAULT",
                        column.name()).withDetail("Column \"" + column.name() + "\" is a generated column.");
            }
            if (column.identity() == 'a' && !(t.val() instanceof SetToDefault)) {
                throw PgException.of(SqlState.GENERATED_ALWAYS, "column \"%s\" can only be updated to DEFAULT",
                        column.name()).withDetail("Column \"" + column.name()
                        + "\" is an identity column defined as GENERATED ALWAYS.");
            }
            BoundExpr value = t.val() instanceof SetToDefault ? defaultValue(table, column)
                    : assign(column, table, t.val() instanceof org.lakepg.server.sql.ast.MultiAssignRef m ? multi.value(m)
                    : expressions.analyzeWithoutAggregates(t.val(), scope, context), t.val());
            if (value instanceof InputRef same && same.index() == column.number() - 1) {
                // SET a = a still names a: kept apart from the untouched columns (UPDATE OF triggers fire for it)
                value = new org.lakepg.server.sql.plan.expr.RelabelType(value, value.type(), value.typmod());
            }
            row.set(column.number() - 1, value);
        }
        generate(table, row);
    }

    /**
     * Replaces the value of each STORED generated column in {@code row} (one expression per table column) by its
     * generation expression over the row's other values; generation expressions cannot name generated columns.
     */
    private void generate(TableInfo table, List<BoundExpr> row) {
        List<BoundExpr> given = List.copyOf(row.subList(0, table.columns().size()));
        for (ColumnInfo c : table.columns()) {
            if (c.generated() && c.defaultExpr() != null) {
                // bound and coerced as COPY and ALTER TABLE ADD COLUMN bind it, then read from this row's values
                BoundExpr over = bindDefault(table, c, DefaultExpressions.parse(c.defaultExpr()));
                row.set(c.number() - 1, ExprRewriter.map(over, e -> e instanceof InputRef r && r.index() < given.size()
                        ? given.get(r.index()) : e));
            }
        }
    }

    public QueryPlan merge(org.lakepg.server.sql.ast.MergeStmt s) {
        if (s.withClause() != null && s.withClause().recursive()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "WITH RECURSIVE is not supported for MERGE statement");
        }
        return queries.withClause(s.withClause(), () -> new MergeAnalyzer(expressions, queries, catalog, this)
                .analyze(s, parameters));
    }

    public QueryPlan delete(DeleteStmt s) {
        return queries.withClause(s.withClause(), () -> deleteBody(s));
    }

    private QueryPlan deleteBody(DeleteStmt s) {
        TableInfo parent = queries.table(s.relation());
        String alias = s.relation().alias() == null ? parent.name() : s.relation().alias().aliasname();
        return forEachMember(parent, s.relation().inh(), QueryPlan.Tag.DELETE, table -> {
            if (s.usingClause() != null && !s.usingClause().isEmpty()) {
                // DELETE ... USING: each member joined to the other items (a WITH item among them still runs once)
                JoinedTarget using = JoinedTarget.of(queries, expressions, catalog, table, alias,
                        scanAlias(parent, table, alias), s.usingClause(),
                        s.whereClause());
                return modify(ModifyNode.Kind.DELETE, table, using.plan(), s.returningList(), alias,
                        QueryPlan.Tag.DELETE, null, using.scope(), parent);
            }
            PlanNode plan = scanWhere(table, scanAlias(parent, table, alias), rowScope(table, alias), s.whereClause(),
                    policyUsing(parent, table, 'd',
                    s.whereClause() != null || s.returningList() != null && !s.returningList().isEmpty()));
            return modify(ModifyNode.Kind.DELETE, table, plan, s.returningList(), alias, QueryPlan.Tag.DELETE, null, null,
                    parent);
        });
    }

    /**
     * The rows of an UPDATE ({@code command} w) or DELETE (d) of {@code table} that the row-level security policies
     * of {@code named} (the table the statement names) let it change, and see when it {@code reads} them (WHERE,
     * RETURNING); null when row security does not apply.
     */
    private BoundExpr policyUsing(TableInfo named, TableInfo table, char command, boolean reads) {
        var policies = RowSecurity.policies(catalog, named);
        if (policies == null) {
            return null;
        }
        BoundExpr own = RowSecurity.using(expressions, named, table, policies, command);
        return reads ? new org.lakepg.server.sql.plan.expr.BoolExpr(org.lakepg.server.sql.plan.expr.BoolExpr.Kind.AND,
                List.of(RowSecurity.using(expressions, named, table, policies, 'r'), own)) : own;
    }

    /** The row-level security WITH CHECKs of {@code named}'s policies for {@code command} over {@code table}'s row. */
    List<ModifyNode.Check> policyChecks(TableInfo named, TableInfo table, char command) {
        var policies = RowSecurity.policies(catalog, named);
        return policies == null ? List.of() : RowSecurity.withChecks(expressions, named, table, policies, command);
    }

    /**
     * The alias EXPLAIN shows for the target's scan (and the statement: "Update on public.t x"): the one the
     * statement gave, when it names the table itself (a parent's members are shown their own way).
     */
    private static String scanAlias(TableInfo parent, TableInfo table, String alias) {
        return parent.oid() == table.oid() && !alias.equals(table.name()) ? alias : null;
    }

    private PlanNode scanWhere(TableInfo table, String alias, FromScope scope, Expr where, BoundExpr policy) {
        PlanNode plan = new SeqScanNode(table, true, alias);
        if (policy != null) {
            unsupported(where instanceof org.lakepg.server.sql.ast.CurrentOfExpr, "WHERE CURRENT OF with row security");
            // the policies' condition first, as PostgreSQL's security barrier quals go before the statement's
            BoundExpr condition = where == null ? policy : new org.lakepg.server.sql.plan.expr.BoolExpr(
                    org.lakepg.server.sql.plan.expr.BoolExpr.Kind.AND, List.of(policy, expressions.requireBoolean(
                    expressions.analyzeWithoutAggregates(where, scope, "WHERE"), "WHERE", ExpressionAnalyzer.location(where))));
            return new FilterNode(org.lakepg.server.sql.optimizer.IndexSelection.choose((SeqScanNode) plan, condition,
                    catalog.indexes(table)), condition);
        }
        if (where instanceof org.lakepg.server.sql.ast.CurrentOfExpr c) {
            unsupported(currentOf == null, "WHERE CURRENT OF here");
            // the row the cursor is on, found by its tid (PostgreSQL's TID scan with a CurrentOfExpr)
            BoundExpr sameRow = new org.lakepg.server.sql.plan.expr.FuncExpr(1292, "=", "tideq",
                    org.lakepg.server.sql.plan.expr.FuncExpr.Form.OPERATOR, List.of(new InputRef(table.columns().size(),
                    org.lakepg.server.catalog.TypeOids.TID, -1, "ctid"), new Const(org.lakepg.server.catalog.TypeOids.TID, -1,
                    currentOf.apply(c.cursorName(), table))), true, 'i', org.lakepg.server.catalog.TypeOids.BOOL, -1);
            return new FilterNode(plan, sameRow);
        }
        if (where != null) {
            // constant parts evaluated while planning, as for a query's WHERE ('97'::numeric, not (97)::numeric)
            BoundExpr condition = expressions.foldConstants(expressions.requireBoolean(
                    expressions.analyzeWithoutAggregates(where, scope, "WHERE"), "WHERE", ExpressionAnalyzer.location(where)));
            if (catalog.inheritance().isPartition(table.oid()) && !new PartitionPruning(catalog, condition,
                    table.columns().stream().map(ColumnInfo::name).toList()).mayMatch(table.oid())) {
                refutedMembers.add(table.oid());
            }
            if (noRows || condition instanceof org.lakepg.server.sql.plan.expr.Const k && !Boolean.TRUE.equals(k.value())) {
                refutedMembers.add(table.oid());
                return noRowsOf(table); // a constant-false WHERE: a dummy relation, nothing scanned
            }
            java.util.function.Function<BoundExpr, PlanNode> scan = c -> new FilterNode(
                    org.lakepg.server.sql.optimizer.IndexSelection.choose(new SeqScanNode(table, true, alias), c,
                            catalog.indexes(table)), c);
            PlanNode gated = org.lakepg.server.sql.optimizer.ContradictoryScans.gated(condition, scan);
            return gated != null ? gated : scan.apply(condition); // k = 1 AND k = 2: the scan under a false gate
        }
        return plan;
    }

    /** No rows, in the shape of a table's scan for UPDATE/DELETE (its columns, then the tid). */
    private static PlanNode noRowsOf(TableInfo table) {
        List<BoundExpr> refs = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            refs.add(new InputRef(c.number() - 1, c.type(), c.typmod(), c.name()));
        }
        refs.add(new InputRef(table.columns().size(), org.lakepg.server.catalog.TypeOids.TID, -1, "ctid"));
        return new ProjectNode(new FilterNode(new org.lakepg.server.sql.plan.ResultNode(),
                new org.lakepg.server.sql.plan.expr.Const(org.lakepg.server.catalog.TypeOids.BOOL, -1, false)), refs);
    }

    /** The names of a table's rows followed by their tid (rows scanned for UPDATE/DELETE, rows RETURNING reads). */
    /**
     * A member's whole row in RETURNING of a statement naming its parent is the parent's row type, its fields in the
     * parent's column order (as PostgreSQL converts the partition's row to the root's).
     */
    private static BoundExpr asShapeRow(BoundExpr e, TableInfo table, TableInfo shape) {
        return ExprRewriter.map(e, x -> {
            if (!(x instanceof org.lakepg.server.sql.plan.expr.FuncExpr f && RowExpressions.isConstructor(f)
                    && f.type() == table.typeOid() && f.arguments().size() == table.columns().size())) {
                return x;
            }
            List<BoundExpr> fields = new ArrayList<>();
            for (ColumnInfo c : shape.columns()) {
                var member = table.column(c.name());
                if (member.isEmpty()) {
                    return x;
                }
                fields.add(f.arguments().get(member.get().number() - 1));
            }
            return RowExpressions.constructor(fields, shape.typeOid());
        });
    }

    /** The target's row (with its tid) as WHERE and RETURNING name it: what they read counts for column privileges. */
    private FromScope rowScope(TableInfo table, String alias) {
        FromScope scope = new FromScope();
        scope.addTable(alias, QueryAnalyzer.tableColumns(table), table.oid(), table.typeOid(), false, true, false,
                columnUse(catalog, table));
        return scope;
    }

    /** Where reads of the target's columns are noted for its column privileges. */
    static FromScope.ColumnUse columnUse(AnalyzerCatalog catalog, TableInfo table) {
        return position -> catalog.columnRead(table.oid(), position);
    }

    private static FromScope tableScope(TableInfo table, String alias) {
        FromScope scope = new FromScope();
        scope.addTable(alias, QueryAnalyzer.tableColumns(table), table.oid(), table.typeOid(), false);
        return scope;
    }

    private QueryPlan modify(ModifyNode.Kind kind, TableInfo table, PlanNode source, List<ResTarget> returningList,
                             String alias, QueryPlan.Tag tag) {
        return modify(kind, table, source, returningList, alias, tag, null, null, table);
    }

    private QueryPlan modify(ModifyNode.Kind kind, TableInfo table, PlanNode source, List<ResTarget> returningList,
                             String alias, QueryPlan.Tag tag, org.lakepg.server.sql.plan.OnConflict onConflict) {
        return modify(kind, table, source, returningList, alias, tag, onConflict, null, table);
    }

    /**
     * @param joinedScope the names of UPDATE ... FROM / DELETE ... USING rows (RETURNING may use them), or null
     * @param shape       the table named in the statement, whose columns RETURNING * lists (a parent of {@code table})
     */
    private QueryPlan modify(ModifyNode.Kind kind, TableInfo table, PlanNode source, List<ResTarget> returningList,
                             String alias, QueryPlan.Tag tag, org.lakepg.server.sql.plan.OnConflict onConflict,
                             FromScope joinedScope, TableInfo shape) {
        List<BoundExpr> returning = new ArrayList<>();
        List<OutputColumn> columns = null;
        if (returningList != null && !returningList.isEmpty()) {
            columns = new ArrayList<>();
            Scope scope = joinedScope != null ? joinedScope : rowScope(table, alias);
            if (onConflict != null) {
                // EXCLUDED is known, but only DO UPDATE may use it (PostgreSQL's error says so)
                scope = new InvisibleSiblings(scope, tableScope(table, "excluded"));
            }
            for (ResTarget t : returningList) {
                if (t.val() instanceof org.lakepg.server.sql.ast.ColumnRef c && c.star() && joinedScope != null
                        && !alias.equals(starQualifier(c))) {
                    // * of a joined UPDATE/DELETE: every item's columns (the tid slot excepted); t.*: that item's
                    String only = starQualifier(c);
                    if (only != null && joinedScope.entry(only).isEmpty()) {
                        throw Coercer.at(PgException.of(SqlState.UNDEFINED_TABLE,
                                "missing FROM-clause entry for table \"%s\"", only), c.location());
                    }
                    for (FromScope.Entry e : joinedScope.entries()) {
                        if (e.alias() == null || only != null && !only.equals(e.alias())) {
                            continue;
                        }
                        for (int i = 0; i < e.columns().size(); i++) {
                            if (e.visible(i)) {
                                OutputColumn col = e.columns().get(i);
                                returning.add(new InputRef(e.offset() + i, col.type(), col.typmod(), col.name()));
                                columns.add(col);
                            }
                        }
                    }
                    continue;
                }
                if (t.val() instanceof org.lakepg.server.sql.ast.ColumnRef c && c.star()) {
                    for (ColumnInfo shown : shape.columns()) {
                        ColumnInfo col = table.column(shown.name()).orElseThrow();
                        returning.add(new InputRef(col.number() - 1, col.type(), col.typmod(), col.name()));
                        columns.add(new OutputColumn(col.name(), col.type(), col.typmod(), table.oid(), col.number()));
                    }
                    continue;
                }
                BoundExpr e = expressions.analyzeWithoutAggregates(t.val(), scope, "RETURNING");
                if (shape.oid() != table.oid()) {
                    e = asShapeRow(e, table, shape);
                }
                if (e.type() >= org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID) {
                    catalog.userType(e.type()); // a whole-row value's row type (a table's) is known to the output
                }
                if (e.type() == org.lakepg.server.catalog.TypeOids.UNKNOWN) {
                    e = expressions.coercer().coerce(e, org.lakepg.server.catalog.TypeOids.TEXT, -1,
                            TypeCoercion.Context.IMPLICIT, ExpressionAnalyzer.location(t.val()));
                }
                returning.add(e);
                columns.add(OutputColumn.computed(t.name() != null ? t.name() : ColumnNames.figure(t.val()), e.type(),
                        e.typmod()));
            }
        }
        List<ModifyNode.Check> checks = kind == ModifyNode.Kind.DELETE ? List.of() : checksOf(table);
        if (kind == ModifyNode.Kind.INSERT || kind == ModifyNode.Kind.UPDATE) {
            // row-level security is checked before the table's constraints (ExecWithCheckOptions first)
            List<ModifyNode.Check> policies = policyChecks(shape, table, kind == ModifyNode.Kind.INSERT ? 'a' : 'w');
            if (!policies.isEmpty()) {
                List<ModifyNode.Check> all = new ArrayList<>(policies);
                all.addAll(checks);
                checks = all;
            }
        }
        return new QueryPlan(new ModifyNode(kind, table, source, returning, checks, onConflict), columns,
                parameters.resolved(), tag);
    }

    /** The t of {@code t.*}, null for a bare {@code *}. */
    private static String starQualifier(org.lakepg.server.sql.ast.ColumnRef c) {
        List<String> names = c.fields().stream().filter(f -> !f.equals("*")).toList();
        return names.isEmpty() ? null : names.get(names.size() - 1);
    }

    static List<ColumnInfo> targetColumns(TableInfo table, List<ResTarget> cols) {
        if (cols == null || cols.isEmpty()) {
            return table.columns();
        }
        List<ColumnInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> partlySeen = new HashSet<>();
        for (ResTarget t : cols) {
            boolean partly = t.indirection() != null && !t.indirection().isEmpty();
            // (c[1], c[2]) sets parts of one column; c with c[1] or c twice sets it more than once
            boolean repeated = partly ? seen.contains(t.name()) : seen.contains(t.name()) || partlySeen.contains(t.name());
            (partly ? partlySeen : seen).add(t.name());
            if (repeated) {
                throw Coercer.at(PgException.of(SqlState.DUPLICATE_COLUMN, "column \"%s\" specified more than once",
                        t.name()), t.location());
            }
            out.add(column(table, t.name(), t.location()));
        }
        return out;
    }

    static ColumnInfo column(TableInfo table, String name, int location) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> Coercer.at(
                PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", name,
                        table.name()), location));
    }

    /** {@link #checkArity(int, int)} pointing at the first value or target column left over, as PostgreSQL does. */
    static void checkArity(int values, int targets, List<Expr> given, List<ResTarget> columns) {
        try {
            checkArity(values, targets);
        } catch (PgException e) {
            int location = values > targets ? ExpressionAnalyzer.location(given.get(targets))
                    : values < columns.size() ? columns.get(values).location() : -1;
            throw Coercer.at(e, location);
        }
    }

    static void checkArity(int values, int targets) {
        if (values > targets) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
        if (values < targets) {
            throw PgException.of(SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions");
        }
    }

    /** The table's full row: assigned values at their columns, each other column's default elsewhere. */
    List<BoundExpr> fullRow(TableInfo table, List<ColumnInfo> targets, List<BoundExpr> values) {
        BoundExpr[] row = new BoundExpr[table.columns().size()];
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                row[targets.get(i).number() - 1] = values.get(i);
            }
        }
        for (ColumnInfo c : table.columns()) {
            if (row[c.number() - 1] == null) {
                row[c.number() - 1] = c.generated() ? new Const(c.type(), c.typmod(), null) : defaultValue(table, c);
            }
        }
        List<BoundExpr> full = new ArrayList<>(java.util.Arrays.asList(row));
        generate(table, full);
        return List.copyOf(full);
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
        if (text == null && catalog.userType(column.type()).isPresent()) {
            // a domain's own default; without one, a NULL that still passes the domain's NOT NULL test
            text = domainDefault(column.type());
            if (text == null) {
                return assign(column, table, new Const(org.lakepg.server.catalog.TypeOids.UNKNOWN, -1, null), null);
            }
        }
        if (text == null) {
            return new Const(column.type(), column.typmod(), null);
        }
        return assign(column, table, expressions.analyzeWithoutAggregates(DefaultExpressions.parse(text), Scope.EMPTY,
                "DEFAULT expressions"), null);
    }

    /** The default of a domain, or of the domain it is made from (get_typdefault); null when none has one. */
    private String domainDefault(long type) {
        for (int guard = 0; guard < 64; guard++) {
            if (!(catalog.userType(type).orElse(null) instanceof org.lakepg.server.catalog.types.UserType.Domain d)) {
                return null;
            }
            if (d.defaultText() != null) {
                return d.defaultText();
            }
            type = d.baseType();
        }
        return null;
    }

    /**
     * Whether a value given for the column is used: an identity column GENERATED ALWAYS refuses one unless
     * OVERRIDING SYSTEM VALUE; OVERRIDING USER VALUE makes identity columns ignore it.
     */
    static boolean checkIdentityInsert(ColumnInfo column, InsertStmt.Overriding overriding) {
        if (column.generated()) {
            throw PgException.of(SqlState.GENERATED_ALWAYS, "cannot insert a non-DEFAULT value into column \"%s\"",
                    column.name()).withDetail("Column \"" + column.name() + "\" is a generated column.");
        }
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

    /**
     * INSERT of ready rows (COPY FROM) into a partitioned table or a partition: routed to the leaf partitions and
     * checked against the partition bounds; null for a table that needs no routing.
     */
    public PlanNode routedInsert(TableInfo table, PlanNode rows) {
        PartitionRoutes routes = new PartitionRoutes(catalog, this);
        return routes.needed(table) ? routes.route(new ModifyNode(ModifyNode.Kind.INSERT, table, rows, List.of(),
                checks(table))) : null;
    }

    /** A table's CHECK constraints, and the conditions of views WITH CHECK OPTION, bound over its row. */
    List<ModifyNode.Check> checksOf(TableInfo table) {
        List<ModifyNode.Check> checks = checks(table);
        if (viewChecks.isEmpty()) {
            return checks;
        }
        // then the conditions of the views WITH CHECK OPTION the statement went through, over this table's row
        checks = new ArrayList<>(checks);
        for (ViewCheckOption v : viewChecks) {
            BoundExpr condition = expressions.requireBoolean(expressions.analyzeWithoutAggregates(v.condition(),
                    tableScope(table, v.tableName()), "WHERE"), "WHERE", ExpressionAnalyzer.location(v.condition()));
            checks.add(new ModifyNode.Check(v.view(), condition, true));
        }
        return checks;
    }

    /** The table's CHECK constraints bound over its row, for the executor to test on every written row. */
    List<ModifyNode.Check> checks(TableInfo table) {
        List<ModifyNode.Check> out = new ArrayList<>();
        for (var c : catalog.constraints(table)) {
            if (c.type() == org.lakepg.server.table.ConstraintInfo.CHECK) {
                out.add(new ModifyNode.Check(c.name(), bindCheck(table, DefaultExpressions.parse(c.checkExpr()))));
            }
        }
        return out;
    }

    /** An expression over a table's row (a partition key expression). */
    public BoundExpr bindExpression(TableInfo table, Expr expression) {
        return expressions.analyzeWithoutAggregates(expression, tableScope(table, table.name()),
                "partition key expressions");
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
        BoundExpr bound = column.generated() ? generationExpression(table, value)
                : expressions.analyzeWithoutAggregates(value, Scope.EMPTY, "DEFAULT expressions");
        int location = ExpressionAnalyzer.location(value);
        return expressions.coercer().tryCoerce(bound, column.type(), column.typmod(), TypeCoercion.Context.ASSIGNMENT,
                location).orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                "column \"%s\" is of type %s but default expression is of type %s", column.name(),
                TypeNames.format(catalog, column.type()), TypeNames.format(catalog, bound.type()))
                .withHint("You will need to rewrite or cast the expression."), location));
    }

    /** A generation expression over the table's row: it may not name another generated column. */
    private BoundExpr generationExpression(TableInfo table, Expr value) {
        BoundExpr bound = expressions.analyzeWithoutAggregates(value, tableScope(table, table.name()),
                "generation expressions");
        ExprRewriter.map(bound, e -> {
            if (e instanceof InputRef r && r.index() < table.columns().size()
                    && table.columns().get(r.index()).generated()) {
                throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION,
                        "cannot use generated column \"%s\" in column generation expression",
                        table.columns().get(r.index()).name())
                        .withDetail("A generated column cannot reference another generated column.");
            }
            return e;
        });
        return bound;
    }

    /** Assignment coercion, with PostgreSQL's "column x is of type ... but expression is of type ..." error. */
    BoundExpr assign(ColumnInfo column, TableInfo table, BoundExpr value, Expr source) {
        int location = source == null ? -1 : ExpressionAnalyzer.location(source);
        return expressions.coercer().tryCoerce(value, column.type(), column.typmod(), TypeCoercion.Context.ASSIGNMENT,
                location).orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                "column \"%s\" is of type %s but expression is of type %s", column.name(),
                TypeNames.format(catalog, column.type()), TypeNames.format(catalog, value.type()))
                .withHint("You will need to rewrite or cast the expression."), location));
    }
}
