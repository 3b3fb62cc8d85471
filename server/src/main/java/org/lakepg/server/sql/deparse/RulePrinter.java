package org.lakepg.server.sql.deparse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.NotifyStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.RuleStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.TableInfo;

/**
 * ruleutils' make_ruledef: {@code CREATE RULE name AS ON event TO table [WHERE cond] DO [INSTEAD] action(s);} with
 * the actions (INSERT, UPDATE, DELETE, SELECT, NOTIFY) deparsed like queries, NEW and OLD naming the rule's table.
 */
final class RulePrinter {
    private final QueryDeparser queries;
    private final QueryLevel rule;

    RulePrinter(QueryDeparser queries, QueryLevel rule) {
        this.queries = queries;
        this.rule = rule;
    }

    /**
     * @param columns the columns of the rule's relation (what NEW and OLD have), {@code tableName} as ON prints it
     */
    String ruleDef(RuleStmt r, List<QueryLevel.Column> columns, String tableName, boolean pretty) {
        rule.assignNames(List.of(), java.util.Set.of("old", "new"));
        rule.addItem("old", "old", columns, 0);
        rule.addItem("new", "new", columns, 0);
        StringBuilder out = new StringBuilder("CREATE RULE ").append(Identifiers.quoteIfNeeded(r.rulename()))
                .append(" AS\n    ON ").append(r.event().name()).append(" TO ")
                .append(tableName);
        if (r.whereClause() != null) {
            DeparseContext where = new DeparseContext(new StringBuilder(), pretty, true, 0, DeparseContext.INDENT_STD);
            where.append(new ExprPrinter(queries, rule, where).print(r.whereClause(), false));
            out.append("\n   WHERE ").append(where.buf);
        }
        out.append(" DO ").append(r.instead() ? "INSTEAD " : "");
        List<Statement> actions = r.actions() == null ? List.of() : r.actions();
        if (actions.isEmpty()) {
            return out.append("NOTHING;").toString();
        }
        if (actions.size() == 1) {
            return out.append(action(actions.get(0), pretty)).append(';').toString();
        }
        out.append('(');
        for (Statement action : actions) {
            out.append(action(action, pretty)).append(";\n");
        }
        return out.append(");").toString();
    }

    private String action(Statement action, boolean pretty) {
        DeparseContext context = new DeparseContext(new StringBuilder(), pretty, true, 0, 0);
        switch (action) {
            case SelectStmt s -> queries.query(s, context, rule, null, true);
            case InsertStmt i -> insert(i, context);
            case UpdateStmt u -> update(u, context);
            case DeleteStmt d -> delete(d, context);
            case NotifyStmt n -> context.append(" NOTIFY ").append(Identifiers.quoteIfNeeded(n.conditionname()));
            default -> throw new UnsupportedOperationException("rule action " + action.getClass().getSimpleName());
        }
        return context.buf.toString();
    }

    private TableInfo target(RangeVar r) {
        List<String> name = r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
        return rule.binder.catalog().table(name).orElseThrow(() -> new UnsupportedOperationException(
                "rule action on a view"));
    }

    private String relationName(TableInfo t, RangeVar r) {
        var catalog = rule.binder.catalog();
        boolean visible = queries.visible(() -> catalog.table(List.of(r.relname())).map(x -> x.oid() == t.oid())
                .orElse(false));
        return (visible ? "" : Identifiers.quoteIfNeeded(queries.schemaName(t.namespace())) + ".")
                + Identifiers.quoteIfNeeded(t.name());
    }

    /** get_insert_query_def: INSERT INTO t (cols) VALUES (...) | VALUES (...), (...) | SELECT ... | DEFAULT VALUES. */
    private void insert(InsertStmt i, DeparseContext context) {
        if (i.withClause() != null || i.onConflictClause() != null || i.returningList() != null
                && !i.returningList().isEmpty()) {
            throw new UnsupportedOperationException("INSERT with WITH, ON CONFLICT or RETURNING");
        }
        TableInfo table = target(i.relation());
        context.indentLevel += DeparseContext.INDENT_STD;
        context.append(" INSERT INTO ").append(relationName(table, i.relation())).append(" ");
        if (i.relation().alias() != null) {
            context.append("AS ").append(Identifiers.quoteIfNeeded(i.relation().alias().aliasname())).append(" ");
        }
        List<String> names = new ArrayList<>();
        // each target's text (f3.if2[1] for a part of a column) and the type a value assigned to it takes
        List<String> shown = new ArrayList<>();
        List<Long> targetTypes = new ArrayList<>();
        if (i.cols() != null && !i.cols().isEmpty()) {
            for (ResTarget c : i.cols()) {
                names.add(c.name());
                StringBuilder text = new StringBuilder(Identifiers.quoteIfNeeded(c.name()));
                long type = table.column(c.name()).map(x -> x.type()).orElse(0L);
                for (var step : c.indirection() == null ? List.<org.lakepg.server.sql.ast.Indirection>of() : c.indirection()) {
                    type = indirected(text, step, type);
                }
                shown.add(text.toString());
                targetTypes.add(type);
            }
        } else if (i.selectStmt() != null) {
            int width = i.selectStmt().valuesLists() != null && !i.selectStmt().valuesLists().isEmpty()
                    ? i.selectStmt().valuesLists().get(0).size() : i.selectStmt().targetList().size();
            table.columns().stream().limit(width).forEach(c -> {
                names.add(c.name());
                shown.add(Identifiers.quoteIfNeeded(c.name()));
                targetTypes.add(c.type());
            });
        }
        if (!names.isEmpty()) {
            context.append("(").append(String.join(", ", shown)).append(") ");
        }
        SelectStmt source = i.selectStmt();
        if (source == null) {
            context.append("DEFAULT VALUES");
            return;
        }
        QueryLevel level = rule.nested();
        if (source.valuesLists() != null && source.valuesLists().size() == 1 && source.op() == SelectStmt.SetOperation.NONE) {
            context.keyword("VALUES (", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 2);
            List<String> values = new ArrayList<>();
            List<Expr> row = source.valuesLists().get(0);
            for (int c = 0; c < row.size(); c++) {
                values.add(value(level, context, row.get(c), c < targetTypes.size() ? targetTypes.get(c) : null));
            }
            context.append(String.join(", ", values)).append(")");
        } else if (source.valuesLists() != null && !source.valuesLists().isEmpty()
                && source.op() == SelectStmt.SetOperation.NONE) {
            context.append("VALUES ");
            for (int r = 0; r < source.valuesLists().size(); r++) {
                List<Expr> row = source.valuesLists().get(r);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    values.add(value(level, context, row.get(c), c < targetTypes.size() ? targetTypes.get(c) : null));
                }
                context.append(r == 0 ? "(" : ", (").append(String.join(",", values)).append(")");
            }
        } else {
            queries.query(source, context.nested(), rule, null, false);
        }
    }

    /**
     * One step of an INSERT target's indirection ({@code .field} or {@code [n]}) appended to its text; returns the
     * type the part has (0 when unknown).
     */
    private long indirected(StringBuilder text, org.lakepg.server.sql.ast.Indirection step, long type) {
        var catalog = rule.binder.catalog();
        // a part of a domain's value is a part of its base type's
        for (int depth = 0; depth < 10 && catalog.userType(type).orElse(null)
                instanceof org.lakepg.server.catalog.types.UserType.Domain d; depth++) {
            type = d.baseType();
        }
        switch (step) {
            case org.lakepg.server.sql.ast.FieldName f -> {
                text.append('.').append(Identifiers.quoteIfNeeded(f.name()));
                if (catalog.userType(type).orElse(null)
                        instanceof org.lakepg.server.catalog.types.UserType.Composite composite) {
                    return composite.attributes().stream().filter(a -> a.name().equals(f.name())).findFirst()
                            .map(a -> a.type()).orElse(0L);
                }
                return 0;
            }
            case org.lakepg.server.sql.ast.AIndices a when !a.isSlice()
                    && a.uidx() instanceof org.lakepg.server.sql.ast.AConst k
                    && k.kind() == org.lakepg.server.sql.ast.AConst.Kind.INTEGER -> {
                text.append('[').append(k.value()).append(']');
                return catalog.type(type).map(t -> t.elementType()).orElse(0L);
            }
            default -> throw new UnsupportedOperationException("INSERT column indirection");
        }
    }

    /** An inserted value: an untyped literal takes its column's type. */
    private String value(QueryLevel level, DeparseContext context, Expr e, Long columnType) {
        ExprPrinter printer = new ExprPrinter(queries, level, context);
        if (printer.special(e)) {
            return printer.print(e, false);
        }
        BoundExpr b = level.binder.bind(e);
        if (b.type() == TypeOids.UNKNOWN && columnType != null && columnType != 0) {
            b = level.binder.coerce(b, columnType);
        }
        return queries.boundDeparser(context).deparse(b, false, context.prettyParen);
    }

    /** get_update_query_def: UPDATE t SET c = e, ... [FROM ...] [WHERE ...]. */
    private void update(UpdateStmt u, DeparseContext context) {
        if (u.withClause() != null || u.returningList() != null && !u.returningList().isEmpty()) {
            throw new UnsupportedOperationException("UPDATE with WITH or RETURNING");
        }
        TableInfo table = target(u.relation());
        QueryLevel level = targetLevel(" UPDATE ", u.relation(), table, u.fromClause(), context);
        StringBuilder from = context.buf;
        context.buf = new StringBuilder();
        if (u.fromClause() != null) {
            new FromPrinter(queries, level, context).fromClause(u.fromClause(), " FROM ");
        }
        String fromText = context.buf.toString();
        context.buf = from;
        context.append(" SET ");
        Map<String, Long> types = new java.util.HashMap<>();
        table.columns().forEach(c -> types.put(c.name(), c.type()));
        List<String> sets = new ArrayList<>();
        for (ResTarget t : u.targetList()) {
            if (t.indirection() != null && !t.indirection().isEmpty()) {
                throw new UnsupportedOperationException("UPDATE SET indirection");
            }
            sets.add(Identifiers.quoteIfNeeded(t.name()) + " = " + value(level, context, t.val(), types.get(t.name())));
        }
        context.append(String.join(", ", sets)).append(fromText);
        where(u.whereClause(), level, context);
    }

    /** "UPDATE t [alias]" / "DELETE FROM t [alias]": the level of the statement, its target its first item. */
    private QueryLevel targetLevel(String keyword, RangeVar target, TableInfo table,
                                   List<org.lakepg.server.sql.ast.FromItem> from, DeparseContext context) {
        QueryLevel level = rule.nested();
        String alias = target.alias() != null ? target.alias().aliasname() : table.name();
        level.assignNames(prepend(target, from), java.util.Set.of());
        context.indentLevel += DeparseContext.INDENT_STD;
        context.append(keyword).append(target.inh() ? "" : "ONLY ").append(relationName(table, target));
        String printed = level.refname(target, alias);
        if (target.alias() != null || !printed.equals(alias)) {
            context.append(" ").append(Identifiers.quoteIfNeeded(printed));
        }
        level.addItem(alias, printed, table.columns().stream()
                .map(c -> new QueryLevel.Column(c.name(), c.type(), c.typmod())).toList(), table.oid());
        return level;
    }

    private static List<org.lakepg.server.sql.ast.FromItem> prepend(RangeVar target,
                                                                     List<org.lakepg.server.sql.ast.FromItem> from) {
        List<org.lakepg.server.sql.ast.FromItem> all = new ArrayList<>();
        all.add(target);
        if (from != null) {
            all.addAll(from);
        }
        return all;
    }

    /** get_delete_query_def: DELETE FROM t [USING ...] [WHERE ...]. */
    private void delete(DeleteStmt d, DeparseContext context) {
        if (d.withClause() != null || d.returningList() != null && !d.returningList().isEmpty()) {
            throw new UnsupportedOperationException("DELETE with WITH or RETURNING");
        }
        TableInfo table = target(d.relation());
        QueryLevel level = targetLevel(" DELETE FROM ", d.relation(), table, d.usingClause(), context);
        if (d.usingClause() != null) {
            new FromPrinter(queries, level, context).fromClause(d.usingClause(), " USING ");
        }
        where(d.whereClause(), level, context);
    }

    private void where(Expr where, QueryLevel level, DeparseContext context) {
        if (where != null) {
            context.keyword(" WHERE ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 1);
            context.append(new ExprPrinter(queries, level, context).print(where, false));
        }
    }
}
