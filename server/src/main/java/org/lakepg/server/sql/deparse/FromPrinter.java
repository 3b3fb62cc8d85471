package org.lakepg.server.sql.deparse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.analyzer.ColumnNames;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.ast.Alias;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.ast.RangeFunction;
import org.lakepg.server.sql.ast.RangeSubselect;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * ruleutils' get_from_clause: prints a query's FROM list (tables, views, CTEs, subqueries, functions, joins) and
 * registers each item's columns with the query level, so that the rest of the query resolves names against them.
 */
final class FromPrinter {
    private final QueryDeparser queries;
    private final QueryLevel level;
    private final DeparseContext context;

    FromPrinter(QueryDeparser queries, QueryLevel level, DeparseContext context) {
        this.queries = queries;
        this.level = level;
        this.context = context;
    }

    /** The FROM list after {@code prefix} (" FROM "), wrapped like get_from_clause; nothing for an empty list. */
    void fromClause(List<FromItem> items, String prefix) {
        boolean first = true;
        for (FromItem item : items) {
            if (first) {
                context.keyword(prefix, -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 2);
                first = false;
                level.star.addAll(item(item));
                continue;
            }
            context.buf.append(", ");
            StringBuilder outer = context.buf;
            context.buf = new StringBuilder();
            level.star.addAll(item(item));
            String text = context.buf.toString();
            context.buf = outer;
            if (context.prettyIndent && context.wrapColumn >= 0) {
                if (text.startsWith("\n")) {
                    context.removeTrailingSpaces();
                } else if (context.currentLineLength() + text.length() > context.wrapColumn) {
                    context.keyword("", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, DeparseContext.INDENT_VAR);
                }
            }
            context.buf.append(text);
        }
    }

    /** Prints one item; returns what * expands to over it ({refname, column} pairs), merged USING columns first. */
    private List<String[]> item(FromItem item) {
        return switch (item) {
            case RangeVar r -> relation(r);
            case RangeSubselect s -> subquery(s);
            case RangeFunction f -> function(f);
            case JoinExpr j -> join(j);
            default -> throw new UnsupportedOperationException("cannot deparse " + item.getClass().getSimpleName());
        };
    }

    private List<String[]> relation(RangeVar r) {
        String refname = r.alias() != null ? r.alias().aliasname() : r.relname();
        List<QueryLevel.Column> columns;
        long tableOid = 0;
        String relname = r.relname();
        List<String> printedColumns = null;
        if (r.schemaname() == null && level.ctes.containsKey(r.relname())) {
            context.append(Identifiers.quoteIfNeeded(r.relname()));
            columns = level.ctes.get(r.relname());
        } else {
            List<String> name = r.schemaname() == null ? List.of(r.relname()) : List.of(r.schemaname(), r.relname());
            var catalog = level.binder.catalog();
            var table = catalog.table(name);
            long oid;
            long namespace;
            boolean visible;
            if (table.isPresent()) {
                TableInfo t = table.get();
                columns = columns(t.columns());
                tableOid = t.oid();
                oid = t.oid();
                namespace = t.namespace();
                visible = queries.visible(() -> catalog.table(List.of(r.relname())).map(x -> x.oid() == t.oid())
                        .orElse(false));
            } else {
                ViewInfo v = catalog.view(name).orElseThrow(() -> new UnsupportedOperationException(
                        "relation " + name + " not found"));
                columns = columns(v.columns());
                oid = v.oid();
                namespace = v.namespace();
                visible = queries.visible(() -> catalog.table(List.of(r.relname())).isEmpty()
                        && catalog.view(List.of(r.relname())).map(x -> x.oid() == v.oid()).orElse(false));
            }
            Renames renames = queries.renames();
            relname = renames.relation(oid, r.relname());
            long printedNamespace = renames.namespace(oid, namespace);
            if (!relname.equals(r.relname()) || printedNamespace != namespace) {
                visible = false; // renamed: printed qualified, as the search path may not find it under the new name
                namespace = printedNamespace;
            }
            List<String> renamedColumns = columns.stream().map(c -> renames.column(oid, c.name())).toList();
            if (!renamedColumns.equals(columns.stream().map(QueryLevel.Column::name).toList())) {
                printedColumns = renamedColumns;
            }
            // generate_relation_name: qualified when the search path would not find it, or a CTE hides it
            String schema = visible && !level.ctes.containsKey(r.relname()) ? null : queries.schemaName(namespace);
            context.append(r.inh() ? "" : "ONLY ").append(schema == null ? "" : Identifiers.quoteIfNeeded(schema) + ".")
                    .append(Identifiers.quoteIfNeeded(relname));
        }
        String printed = level.refname(r, refname);
        if (r.alias() == null && printed.equals(refname) && !relname.equals(r.relname())) {
            printed = relname; // the relation's new name qualifies its columns
        } else if (r.alias() != null || !printed.equals(refname)) {
            context.append(" ").append(Identifiers.quoteIfNeeded(printed));
        }
        columns = renamed(columns, r.alias());
        if (r.alias() != null && r.alias().colnames() != null && !r.alias().colnames().isEmpty()) {
            columnAliases(columns);
            printedColumns = null; // the aliases print, not the table's names
        }
        level.addItem(refname, printed, columns, tableOid, printedColumns);
        return columns.stream().map(c -> new String[] {refname, c.name()}).toList();
    }

    private static List<QueryLevel.Column> columns(List<ColumnInfo> columns) {
        return columns.stream().map(c -> new QueryLevel.Column(c.name(), c.type(), c.typmod())).toList();
    }

    private static List<QueryLevel.Column> renamed(List<QueryLevel.Column> columns, Alias alias) {
        if (alias == null || alias.colnames() == null || alias.colnames().isEmpty()) {
            return columns;
        }
        List<QueryLevel.Column> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            QueryLevel.Column c = columns.get(i);
            out.add(i < alias.colnames().size() ? new QueryLevel.Column(alias.colnames().get(i), c.type(), c.typmod()) : c);
        }
        return out;
    }

    private void columnAliases(List<QueryLevel.Column> columns) {
        context.append("(").append(String.join(", ", columns.stream().map(c -> Identifiers.quoteIfNeeded(c.name()))
                .toList())).append(")");
    }

    private List<String[]> add(String refname, String printed, List<QueryLevel.Column> columns, long tableOid) {
        level.addItem(refname, printed, columns, tableOid);
        return columns.stream().map(c -> new String[] {refname, c.name()}).toList();
    }

    private List<String[]> subquery(RangeSubselect s) {
        if (s.lateral()) {
            context.append("LATERAL ");
        }
        context.append("(");
        List<QueryLevel.Column> columns = queries.query(s.subquery(), context.nested(), level, null, true);
        context.append(")");
        if (s.alias() == null) {
            throw new UnsupportedOperationException("subquery in FROM without an alias");
        }
        String printed = level.refname(s, s.alias().aliasname());
        context.append(" ").append(Identifiers.quoteIfNeeded(printed));
        columns = renamed(columns, s.alias());
        if (s.alias().colnames() != null && !s.alias().colnames().isEmpty()) {
            columnAliases(columns);
        }
        return add(s.alias().aliasname(), printed, columns, 0);
    }

    /** One function (no ROWS FROM, no column definition list): its alias and column list are always printed. */
    private List<String[]> function(RangeFunction f) {
        if (f.isRowsfrom() || f.functions().size() != 1 || f.coldeflist() != null && !f.coldeflist().isEmpty()
                || f.functions().get(0).coldeflist() != null && !f.functions().get(0).coldeflist().isEmpty()) {
            throw new UnsupportedOperationException("ROWS FROM or a column definition list");
        }
        var call = f.functions().get(0).function();
        BoundExpr bound = level.binder.bind(call);
        // a function reading earlier FROM items is LATERAL whether or not the query said so
        if (f.lateral() || org.lakepg.server.sql.analyzer.ExprRewriter.any(bound,
                x -> x instanceof org.lakepg.server.sql.plan.expr.InputRef)) {
            context.append("LATERAL ");
        }
        ExprPrinter printer = new ExprPrinter(queries, level, context);
        context.append(printer.print(call, true));
        String refname = f.alias() != null ? f.alias().aliasname() : ColumnNames.figure(call);
        List<QueryLevel.Column> columns = new ArrayList<>();
        var composite = queries.compositeColumns(bound.type());
        if (composite.isEmpty()) {
            columns.add(new QueryLevel.Column(refname, bound.type(), bound.typmod()));
        } else {
            columns.addAll(composite);
        }
        if (f.ordinality()) {
            context.append(" WITH ORDINALITY");
            columns.add(new QueryLevel.Column("ordinality", org.lakepg.server.catalog.TypeOids.INT8, -1));
        }
        columns = renamed(columns, f.alias());
        String printed = level.refname(f, refname);
        context.append(" ").append(Identifiers.quoteIfNeeded(printed));
        columnAliases(columns);
        return add(refname, printed, columns, 0);
    }

    /** A join as get_from_clause_item prints it; NATURAL prints as the USING list it means. */
    private List<String[]> join(JoinExpr j) {
        boolean aliased = j.alias() != null;
        boolean parenOnRight = context.prettyParen && j.rarg() instanceof JoinExpr r && r.alias() == null;
        if (!context.prettyParen || aliased) {
            context.append("(");
        }
        List<String[]> left = item(j.larg());
        String keyword = switch (j.jointype()) {
            case INNER -> j.quals() != null || j.isNatural() || j.usingClause() != null && !j.usingClause().isEmpty()
                    ? " JOIN " : " CROSS JOIN ";
            case CROSS -> " CROSS JOIN ";
            case LEFT -> " LEFT JOIN ";
            case RIGHT -> " RIGHT JOIN ";
            case FULL -> " FULL JOIN ";
        };
        context.keyword(keyword, -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, DeparseContext.INDENT_JOIN);
        if (parenOnRight) {
            context.append("(");
        }
        List<String[]> right = item(j.rarg());
        if (parenOnRight) {
            context.append(")");
        }
        List<String> using = j.usingClause();
        if (j.isNatural()) {
            Set<String> rightNames = new LinkedHashSet<>(right.stream().map(c -> c[1]).toList());
            using = left.stream().map(c -> c[1]).filter(rightNames::contains).distinct().toList();
        }
        List<String[]> star = new ArrayList<>();
        if (using != null && !using.isEmpty()) {
            context.append(" USING (").append(String.join(", ", using.stream().map(Identifiers::quoteIfNeeded).toList()))
                    .append(")");
            if (j.joinUsingAlias() != null) {
                context.append(" AS ").append(Identifiers.quoteIfNeeded(j.joinUsingAlias().aliasname()));
            }
            Set<String> merged = new LinkedHashSet<>(using);
            level.binder.hide(right.stream().map(c -> c[0]).distinct().toList(), merged);
            for (String name : using) {
                left.stream().filter(c -> c[1].equals(name)).findFirst().ifPresent(star::add);
            }
            left.stream().filter(c -> !merged.contains(c[1])).forEach(star::add);
            right.stream().filter(c -> !merged.contains(c[1])).forEach(star::add);
        } else {
            if (j.quals() != null) {
                ExprPrinter printer = new ExprPrinter(queries, level, context);
                context.append(" ON ").append(context.prettyParen ? "" : "(").append(printer.print(j.quals(), false))
                        .append(context.prettyParen ? "" : ")");
            } else if (j.jointype() != JoinExpr.JoinType.INNER && j.jointype() != JoinExpr.JoinType.CROSS) {
                context.append(" ON TRUE");
            }
            star.addAll(left);
            star.addAll(right);
        }
        if (!context.prettyParen || aliased) {
            context.append(")");
        }
        return aliased ? joinAlias(j, star) : star;
    }

    /** {@code (a JOIN b) AS j}: the join's columns become the item j's. */
    private List<String[]> joinAlias(JoinExpr j, List<String[]> star) {
        List<QueryLevel.Column> columns = new ArrayList<>();
        for (String[] c : star) {
            QueryLevel.Item item = level.item(c[0]);
            QueryLevel.Column column = item == null ? null : item.columns().stream().filter(x -> x.name().equals(c[1]))
                    .findFirst().orElse(null);
            columns.add(column != null ? column : new QueryLevel.Column(c[1], org.lakepg.server.catalog.TypeOids.TEXT, -1));
        }
        String alias = j.alias().aliasname();
        String printed = level.refname(j, alias);
        context.append(" ").append(Identifiers.quoteIfNeeded(printed));
        columns = renamed(columns, j.alias());
        if (j.alias().colnames() != null && !j.alias().colnames().isEmpty()) {
            columnAliases(columns);
        }
        return add(alias, printed, columns, 0);
    }
}
