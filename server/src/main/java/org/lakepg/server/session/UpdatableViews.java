package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.analyzer.AnalyzerCatalog;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.BoolExpr;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * INSERT/UPDATE/DELETE through an automatically updatable view (PostgreSQL's rewriteTargetView): a view
 * selecting plain columns of one table, without DISTINCT, grouping, aggregates, set operations, WITH or
 * LIMIT, is replaced by its table — view columns renamed to the table's, the view's WHERE added to the
 * statement's for UPDATE and DELETE.
 */
final class UpdatableViews {
    private final AnalyzerCatalog catalog;
    private final java.util.function.LongFunction<String> schemaNames;

    UpdatableViews(AnalyzerCatalog catalog, java.util.function.LongFunction<String> schemaNames) {
        this.catalog = catalog;
        this.schemaNames = schemaNames;
    }

    /** The table under a view, with the table column each view column is (null: not a plain column). */
    /**
     * @param columns each view column's base column (null: an expression, not updatable)
     * @param values each view column's expression in the view's query
     * @param refname how the view's query names its relation (its columns may be qualified by it)
     */
    private record Base(RangeVar table, Map<String, String> columns, Map<String, Expr> values, Expr where,
                        String refname, ViewStmt.CheckOption checkOption) {}

    /** The views the last rewrite went through, outermost first (the statement's target, then what it stands on). */
    private final List<ViewInfo> chain = new ArrayList<>();

    List<ViewInfo> lastChain() {
        return List.copyOf(chain);
    }

    /** The conditions of the views WITH CHECK OPTION the last rewrite went through, over the table's columns. */
    private final List<org.lakepg.server.sql.analyzer.ViewCheckOption> checkOptions = new ArrayList<>();

    /** Whether a view above WITH CASCADED CHECK OPTION makes every view below check its condition too. */
    private boolean cascading;

    /** What the last rewrite does to each level of its chain and to the table at the bottom (see {@link #level}). */
    private final List<RelationAccessCheck.Level> levels = new ArrayList<>();

    /** The columns the next level down is read on (the view's definition's), when its rows are read. */
    private java.util.Set<String> readsBelow = java.util.Set.of();

    private boolean rowsReadBelow;

    List<RelationAccessCheck.Level> lastLevels() {
        return List.copyOf(levels);
    }

    List<org.lakepg.server.sql.analyzer.ViewCheckOption> lastCheckOptions() {
        return List.copyOf(checkOptions);
    }

    /** How many views deep a statement is rewritten (a view over a view over a table ...). */
    private static final int MAX_DEPTH = 32;

    InsertStmt rewrite(InsertStmt s) {
        chain.clear();
        checkOptions.clear();
        levels.clear();
        cascading = false;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            InsertStmt next = rewriteOnce(s);
            if (next == s) {
                if (!chain.isEmpty()) {
                    level(s, null, null);
                }
                return s;
            }
            s = next;
        }
        throw tooDeep(s.relation());
    }

    UpdateStmt rewrite(UpdateStmt s) {
        chain.clear();
        checkOptions.clear();
        levels.clear();
        cascading = false;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            UpdateStmt next = rewriteOnce(s);
            if (next == s) {
                if (!chain.isEmpty()) {
                    level(s, null, null);
                }
                return s;
            }
            s = next;
        }
        throw tooDeep(s.relation());
    }

    DeleteStmt rewrite(DeleteStmt s) {
        chain.clear();
        checkOptions.clear();
        levels.clear();
        cascading = false;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            DeleteStmt next = rewriteOnce(s);
            if (next == s) {
                if (!chain.isEmpty()) {
                    level(s, null, null);
                }
                return s;
            }
            s = next;
        }
        throw tooDeep(s.relation());
    }

    /**
     * pg_column_is_updatable for each column of a view without INSTEAD rules or triggers (information_schema's
     * is_updatable, is_insertable_into): empty when the view is not automatically updatable, else per view column
     * whether it is a plain column of an updatable column underneath. Decided by the rewrite's own rules.
     */
    java.util.Optional<List<Boolean>> updatableColumns(ViewInfo view) {
        List<ViewInfo> savedChain = List.copyOf(chain);
        var savedChecks = List.copyOf(checkOptions);
        try {
            return updatableColumns(view, 0);
        } finally {
            chain.clear();
            chain.addAll(savedChain);
            checkOptions.clear();
            checkOptions.addAll(savedChecks);
        }
    }

    private java.util.Optional<List<Boolean>> updatableColumns(ViewInfo view, int depth) {
        Base base;
        try {
            // as DELETE sees it: a check option does not decide updatability
            base = base(view, "delete from", "deleting from", "DELETE");
        } catch (PgException | ClassCastException notUpdatable) {
            return java.util.Optional.empty();
        }
        ViewInfo underlying = view(base.table());
        java.util.Optional<List<Boolean>> below = underlying == null || depth >= MAX_DEPTH ? null
                : updatableColumns(underlying, depth + 1);
        if (below != null && below.isEmpty()) {
            return below;
        }
        List<Boolean> out = new ArrayList<>();
        for (var c : view.columns()) {
            String column = base.columns().get(c.name());
            boolean updatable = column != null;
            if (updatable && below != null) {
                int at = -1;
                for (int i = 0; i < underlying.columns().size(); i++) {
                    at = underlying.columns().get(i).name().equals(column) ? i : at;
                }
                updatable = at >= 0 && below.get().get(at);
            }
            out.add(updatable);
        }
        return java.util.Optional.of(out);
    }

    private static PgException tooDeep(RangeVar r) {
        return PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "infinite recursion detected in rules for relation \"%s\"",
                r.relname());
    }

    private InsertStmt rewriteOnce(InsertStmt s) {
        ViewInfo view = view(s.relation());
        if (view == null) {
            return s;
        }
        Base base = base(view, "insert into", "inserting into", "INSERT");
        level(s, view, base);
        checks(base, view, targetName(s.relation(), view));
        List<ResTarget> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (s.cols() == null || s.cols().isEmpty()) {
            int width = view.columns().size();
            if (s.selectStmt() != null && s.selectStmt().valuesLists() != null && !s.selectStmt().valuesLists().isEmpty()) {
                width = Math.min(width, s.selectStmt().valuesLists().get(0).size());
            }
            for (int i = 0; i < width; i++) {
                names.add(view.columns().get(i).name());
            }
        } else {
            for (ResTarget t : s.cols()) {
                names.add(t.name());
            }
        }
        for (String name : names) {
            cols.add(new ResTarget(column(base, view, name, "insert into"), List.of(), null, -1));
        }
        return new InsertStmt(target(base, s.relation(), view), cols, s.selectStmt(), s.onConflictClause(),
                returning(base, view, s.relation(), s.returningList()), s.withClause(), s.override());
    }

    private UpdateStmt rewriteOnce(UpdateStmt s) {
        ViewInfo view = view(s.relation());
        if (view == null) {
            return s;
        }
        Base base = base(view, "update", "updating", "UPDATE");
        level(s, view, base);
        checks(base, view, targetName(s.relation(), view));
        List<ResTarget> targets = new ArrayList<>();
        for (ResTarget t : s.targetList()) {
            // a view column has no default of its own: SET c = DEFAULT through a view sets NULL, as in PostgreSQL
            Expr value = t.val() instanceof org.lakepg.server.sql.ast.SetToDefault d
                    ? new org.lakepg.server.sql.ast.AConst(org.lakepg.server.sql.ast.AConst.Kind.NULL, null, d.location())
                    : viewColumns(t.val(), base, targetName(s.relation(), view));
            targets.add(new ResTarget(column(base, view, t.name(), "update"), t.indirection(), value, t.location()));
        }
        String name = targetName(s.relation(), view);
        return new UpdateStmt(target(base, s.relation(), view), targets, and(overTarget(base.where(), base, name),
                viewColumns(s.whereClause(), base, name)),
                s.fromClause(), returning(base, view, s.relation(), s.returningList()), s.withClause());
    }

    private DeleteStmt rewriteOnce(DeleteStmt s) {
        ViewInfo view = view(s.relation());
        if (view == null) {
            return s;
        }
        Base base = base(view, "delete from", "deleting from", "DELETE");
        level(s, view, base);
        String name = targetName(s.relation(), view);
        return new DeleteStmt(target(base, s.relation(), view), s.usingClause(), and(overTarget(base.where(), base, name),
                viewColumns(s.whereClause(), base, name)),
                returning(base, view, s.relation(), s.returningList()), s.withClause());
    }

    /**
     * Notes what the statement does at one level (a view, or the table at the bottom when {@code view} is null), as
     * PostgreSQL's rewriteTargetView marks the range-table entries: the columns written, in the level's names; read,
     * at the top the view columns the statement names, below every column the view's definition uses (when the level
     * above reads rows at all).
     */
    private void level(org.lakepg.server.sql.ast.Statement s, ViewInfo view, Base base) {
        ModifyingCteTargets.Target target = ModifyingCteTargets.ofStatement(s);
        java.util.Set<String> reads;
        boolean readsRows;
        if (levels.isEmpty()) {
            reads = new java.util.LinkedHashSet<>();
            List<Object> read = switch (s) {
                case UpdateStmt u -> java.util.Arrays.asList(u.targetList(), u.whereClause(), u.fromClause(),
                        u.returningList());
                case DeleteStmt d -> java.util.Arrays.asList(d.whereClause(), d.usingClause(), d.returningList());
                case InsertStmt i -> java.util.Arrays.asList(i.returningList(), i.onConflictClause());
                default -> List.of();
            };
            String name = targetName(target.relation(), view);
            List<String> viewColumns = view.columns().stream().map(ColumnInfo::name).toList();
            org.lakepg.server.sql.rewrite.SyntaxTrees.map(read, n -> {
                if (n instanceof ColumnRef c) {
                    List<String> f = c.fields().stream().filter(field -> !field.equals("*")).toList();
                    if (c.star() && (f.isEmpty() || f.equals(List.of(name)))) {
                        reads.addAll(viewColumns);
                    } else if (!c.star() && (f.size() == 1 || f.size() == 2 && f.get(0).equals(name))
                            && viewColumns.contains(f.get(f.size() - 1))) {
                        reads.add(f.get(f.size() - 1));
                    }
                }
                return null;
            });
            readsRows = target.read() || !reads.isEmpty();
        } else {
            reads = readsBelow;
            readsRows = rowsReadBelow;
        }
        levels.add(new RelationAccessCheck.Level(target.writes(), reads, readsRows));
        if (base != null) {
            java.util.Set<String> used = new java.util.LinkedHashSet<>();
            if (readsRows) {
                org.lakepg.server.sql.rewrite.SyntaxTrees.map(java.util.Arrays.asList(List.copyOf(base.values()
                        .values()), base.where()), n -> {
                    if (n instanceof ColumnRef c && !c.star()) {
                        used.add(c.fields().get(c.fields().size() - 1));
                    }
                    return null;
                });
            }
            readsBelow = used;
            rowsReadBelow = readsRows;
        }
    }

    /** RETURNING * lists the view's columns, in the view's order and names, not the table's. */
    /** RETURNING over the view: its columns (and *) become what they are in the view's query, named as the view's. */
    private static List<ResTarget> returning(Base base, ViewInfo view, RangeVar statement, List<ResTarget> list) {
        if (list == null) {
            return null;
        }
        String target = targetName(statement, view);
        List<ResTarget> out = new ArrayList<>();
        for (ResTarget t : list) {
            if (viewStar(t, view) && t.val() instanceof ColumnRef c) {
                for (Map.Entry<String, Expr> column : base.values().entrySet()) {
                    out.add(new ResTarget(column.getKey(), List.of(), overTarget(column.getValue(), base, target),
                            t.location()));
                }
            } else {
                String name = t.name() != null ? t.name()
                        : org.lakepg.server.sql.analyzer.ColumnNames.figure(t.val());
                out.add(new ResTarget(name, t.indirection(), viewColumns(t.val(), base, target), t.location()));
            }
        }
        return out;
    }

    private static boolean viewStar(ResTarget t, ViewInfo view) {
        if (!(t.val() instanceof ColumnRef c) || !c.star()) {
            return false;
        }
        List<String> qualifier = c.fields().stream().filter(f -> !f.equals("*")).toList();
        return qualifier.isEmpty() || qualifier.size() == 1 && qualifier.get(0).equals(view.name());
    }

    private ViewInfo view(RangeVar r) {
        return catalog.view(r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname()))
                .orElse(null);
    }

    /** The table, named so the statement's own references to the view (or its alias) still resolve. */
    private static RangeVar target(Base base, RangeVar statement, ViewInfo view) {
        Alias alias = statement.alias() != null ? statement.alias() : new Alias(view.name(), List.of());
        RangeVar t = base.table();
        return new RangeVar(t.catalogname(), t.schemaname(), t.relname(), t.inh(), t.relpersistence(), alias,
                statement.location());
    }

    /** How the rewritten statement names its target (the view's name, or the statement's alias). */
    private static String targetName(RangeVar statement, ViewInfo view) {
        return statement.alias() != null ? statement.alias().aliasname() : view.name();
    }

    /**
     * An expression of the view's query over the statement's target: its column references, bare or qualified by
     * the view's own name for its relation (as a deparsed definition writes them), qualified by the target's name.
     */
    private static Expr overTarget(Expr viewExpr, Base base, String target) {
        return overTarget(viewExpr, base, target, false);
    }

    /** In a subquery only qualified references are the view relation's (bare names are the subquery's own). */
    private static <T> T overTarget(T viewExpr, Base base, String target, boolean inSubquery) {
        return org.lakepg.server.sql.rewrite.SyntaxTrees.map(viewExpr, n -> {
            if (n instanceof ColumnRef c) {
                List<String> f = c.fields();
                if (!c.star() && (f.size() == 1 && !inSubquery || f.size() >= 2 && f.get(f.size() - 2).equals(base.refname()))) {
                    return new ColumnRef(List.of(target, f.get(f.size() - 1)), false, c.location());
                }
                return c;
            }
            return n instanceof SelectStmt q && n != viewExpr ? overTarget(q, base, target, true) : null;
        });
    }

    /**
     * An expression of the statement: its references to view columns (bare or qualified by the target's name)
     * become what those columns are in the view's query, as PostgreSQL's rewriter substitutes them.
     */
    private static Expr viewColumns(Expr statementExpr, Base base, String target) {
        return viewColumns(statementExpr, base, target, false);
    }

    /** In a subquery only references qualified by the target's name are the view's (bare names are its own). */
    private static <T> T viewColumns(T statementExpr, Base base, String target, boolean inSubquery) {
        return org.lakepg.server.sql.rewrite.SyntaxTrees.map(statementExpr, n -> {
            if (n instanceof ColumnRef c) {
                List<String> f = c.fields();
                boolean ours = !c.star() && (f.size() == 1 && !inSubquery || f.size() == 2 && f.get(0).equals(target));
                Expr value = ours ? base.values().get(f.get(f.size() - 1)) : null;
                return value == null ? c : overTarget(value, base, target);
            }
            return n instanceof SelectStmt q && n != statementExpr ? viewColumns(q, base, target, true) : null;
        });
    }

    /**
     * WITH CHECK OPTION through one more view level (PostgreSQL's WCO_VIEW_CHECK): the conditions gathered above,
     * over this view's columns, are carried onto its relation's; its own condition joins them when it has a check
     * option or a CASCADED one above applies. Innermost first, as PostgreSQL tests them.
     */
    private void checks(Base base, ViewInfo view, String target) {
        checkOptions.replaceAll(c -> new org.lakepg.server.sql.analyzer.ViewCheckOption(c.view(), target,
                viewColumns(c.condition(), base, target)));
        boolean own = base.checkOption() != ViewStmt.CheckOption.NO_CHECK_OPTION;
        if ((own || cascading) && base.where() != null) {
            checkOptions.add(0, new org.lakepg.server.sql.analyzer.ViewCheckOption(view.name(), target,
                    overTarget(base.where(), base, target)));
        }
        cascading |= base.checkOption() == ViewStmt.CheckOption.CASCADED_CHECK_OPTION;
    }

    private static String column(Base base, ViewInfo view, String name, String verb) {
        if (!base.columns().containsKey(name)) {
            throw PgException.of(SqlState.UNDEFINED_COLUMN, "column \"%s\" of relation \"%s\" does not exist", name,
                    view.name());
        }
        String column = base.columns().get(name);
        if (column == null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot %s column \"%s\" of view \"%s\"",
                    verb.equals("insert into") ? "insert into" : "update", name, view.name())
                    .withDetail("View columns that are not columns of their base relation are not updatable.");
        }
        return column;
    }

    private static Expr and(Expr viewWhere, Expr statementWhere) {
        if (viewWhere == null) {
            return statementWhere;
        }
        if (statementWhere == null) {
            return viewWhere;
        }
        return new BoolExpr(BoolExpr.BoolOp.AND, List.of(viewWhere, statementWhere), -1);
    }

    private Base base(ViewInfo view, String verb, String gerund, String event) {
        chain.add(view);
        if (view.materialized()) {
            throw PgException.of(SqlState.WRONG_OBJECT_TYPE, "cannot change materialized view \"%s\"", view.name());
        }
        ViewStmt definition = (ViewStmt) SqlParser.parse(view.statement()).get(0).statement();
        SelectStmt q = (SelectStmt) definition.query();
        String why = null;
        if (q.distinctClause() != null) {
            why = "Views containing DISTINCT are not automatically updatable.";
        } else if (q.groupClause() != null && !q.groupClause().isEmpty()) {
            why = "Views containing GROUP BY are not automatically updatable.";
        } else if (q.havingClause() != null) {
            why = "Views containing HAVING are not automatically updatable.";
        } else if (q.op() != SelectStmt.SetOperation.NONE) {
            why = "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
        } else if (q.withClause() != null) {
            why = "Views containing WITH are not automatically updatable.";
        } else if (q.limitCount() != null || q.limitOffset() != null) {
            why = "Views containing LIMIT or OFFSET are not automatically updatable.";
        } else if (q.targetList().stream().anyMatch(t -> isAggregate(t.val()))) {
            why = "Views that return aggregate functions are not automatically updatable.";
        } else if (q.fromClause() == null || q.fromClause().size() != 1 || !(q.fromClause().get(0) instanceof RangeVar)) {
            why = "Views that do not select from a single table or view are not automatically updatable.";
        }
        if (why != null) {
            throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot %s view \"%s\"", verb, view.name())
                    .withDetail(why).withHint("To enable %s the view, provide an INSTEAD OF %s trigger or an unconditional ON %s DO INSTEAD rule."
                            .formatted(gerund, event, event));
        }
        RangeVar from = (RangeVar) q.fromClause().get(0);
        List<String> fromName = from.schemaname() == null ? List.of(from.relname()) : List.of(from.schemaname(),
                from.relname());
        // a view over a view: this level is rewritten onto that view, which is rewritten in turn; the names are
        // looked up where the view's were (its search path)
        var underlying = catalog.expandingView(view, () -> catalog.view(fromName));
        List<String> fromColumns = underlying.isPresent()
                ? underlying.get().columns().stream().map(ColumnInfo::name).toList()
                : catalog.expandingView(view, () -> catalog.table(fromName)).orElseThrow(() -> PgException.of(
                        SqlState.UNDEFINED_TABLE, "relation \"%s\" does not exist", String.join(".", fromName)))
                        .columns().stream().map(ColumnInfo::name).toList();
        // the statement will name the relation by its schema, as the view found it
        if (from.schemaname() == null) {
            long namespace = underlying.map(ViewInfo::namespace).orElseGet(() -> catalog.expandingView(view,
                    () -> catalog.table(fromName)).orElseThrow().namespace());
            String schemaName = schemaNames.apply(namespace);
            if (schemaName != null) {
                from = new RangeVar(from.catalogname(), schemaName, from.relname(), from.inh(), from.relpersistence(),
                        from.alias(), from.location());
            }
        }
        // what the view's select list maps to, expanding * to the table's columns
        List<String> baseColumns = new ArrayList<>();
        List<Expr> baseValues = new ArrayList<>();
        for (ResTarget t : q.targetList()) {
            if (t.val() instanceof ColumnRef c && c.star()) {
                baseColumns.addAll(fromColumns);
                fromColumns.forEach(name -> baseValues.add(new ColumnRef(List.of(name), false, c.location())));
            } else if (t.val() instanceof ColumnRef c) {
                baseColumns.add(c.fields().get(c.fields().size() - 1));
                baseValues.add(c);
            } else {
                baseColumns.add(null);
                baseValues.add(t.val());
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Expr> values = new LinkedHashMap<>();
        for (int i = 0; i < view.columns().size() && i < baseColumns.size(); i++) {
            columns.put(view.columns().get(i).name(), baseColumns.get(i));
            values.put(view.columns().get(i).name(), baseValues.get(i));
        }
        return new Base(from, columns, values, q.whereClause(),
                from.alias() != null ? from.alias().aliasname() : from.relname(),
                definition.withCheckOption() == null ? ViewStmt.CheckOption.NO_CHECK_OPTION
                        : definition.withCheckOption());
    }

    private boolean isAggregate(Expr e) {
        if (!(e instanceof FuncCall f)) {
            return false;
        }
        if (f.aggStar() || f.over() != null) {
            return f.over() == null;
        }
        return catalog.functions(f.funcname()).stream().anyMatch(p -> p.kind() == ProcEntry.KIND_AGGREGATE);
    }
}
