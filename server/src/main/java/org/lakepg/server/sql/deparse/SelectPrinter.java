package org.lakepg.server.sql.deparse;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.GroupingSet;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.WindowDef;

/**
 * ruleutils' get_basic_select_query: SELECT [DISTINCT [ON (...)]] targets FROM ... WHERE ... GROUP BY ... HAVING
 * ... WINDOW ..., each clause on its own line when indenting, the select list wrapped like get_target_list.
 */
final class SelectPrinter {
    private final QueryDeparser queries;
    private final QueryLevel level;
    private final DeparseContext context;

    SelectPrinter(QueryDeparser queries, QueryLevel level, DeparseContext context) {
        this.queries = queries;
        this.level = level;
        this.context = context;
    }

    List<QueryLevel.Column> basicSelect(SelectStmt s, List<String> resultNames, boolean colNamesVisible) {
        if (s.intoClause() != null) {
            throw new UnsupportedOperationException("SELECT INTO");
        }
        if (context.prettyIndent) {
            context.indentLevel += DeparseContext.INDENT_STD;
            context.append(" ");
        }
        if (s.windowClause() != null) {
            level.windows.addAll(s.windowClause());
        }
        // FROM is printed after the select list but resolved first: the list's names refer to its items
        StringBuilder select = context.buf;
        context.buf = new StringBuilder();
        if (s.fromClause() != null) {
            new FromPrinter(queries, level, context).fromClause(s.fromClause(), " FROM ");
        }
        String from = context.buf.toString();
        context.buf = select;
        expandTargets(s.targetList());
        ExprPrinter printer = new ExprPrinter(queries, level, context);
        context.append("SELECT");
        if (s.distinctClause() != null) {
            if (s.distinctClause().size() == 1 && s.distinctClause().get(0) == null || s.distinctClause().isEmpty()) {
                context.append(" DISTINCT");
            } else {
                context.append(" DISTINCT ON (").append(String.join(", ", s.distinctClause().stream()
                        .map(e -> printer.sortGroupExpr(level.targetReference(e, true))).toList())).append(")");
            }
        }
        List<QueryLevel.Column> columns = targetList(printer, resultNames, colNamesVisible);
        context.append(from);
        if (s.whereClause() != null) {
            context.keyword(" WHERE ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 1);
            context.append(printer.print(s.whereClause(), false));
        }
        if (s.groupClause() != null && !s.groupClause().isEmpty()) {
            context.keyword(" GROUP BY ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 1);
            context.append(s.groupDistinct() ? "DISTINCT " : "");
            // an empty grouping set beside others adds nothing PostgreSQL keeps
            List<Expr> items = s.groupClause().stream().filter(e -> !(e instanceof GroupingSet g
                    && g.kind() == GroupingSet.Kind.EMPTY) || s.groupClause().size() == 1).toList();
            context.append(String.join(", ", items.stream().map(e -> groupItem(printer, e, true)).toList()));
        }
        if (s.havingClause() != null) {
            context.keyword(" HAVING ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 0);
            context.append(printer.print(s.havingClause(), false));
        }
        boolean first = true;
        for (WindowDef w : level.windows) {
            if (first) {
                context.keyword(" WINDOW ", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, 1);
                first = false;
            } else {
                context.append(", ");
            }
            context.append(Identifiers.quoteIfNeeded(w.name())).append(" AS ").append(printer.windowSpec(w));
        }
        return columns;
    }

    /** The select list with * and item.* expanded to the columns they stand for. */
    private void expandTargets(List<ResTarget> targets) {
        for (ResTarget t : targets) {
            if (t.val() instanceof ColumnRef c && c.star()) {
                if (c.fields().isEmpty()) {
                    for (String[] column : level.star) {
                        level.targets.add(new QueryLevel.Target(new ColumnRef(List.of(column[0], column[1]), false, -1),
                                column[1]));
                    }
                } else {
                    String refname = c.fields().get(c.fields().size() - 1);
                    QueryLevel.Item item = level.item(refname);
                    if (item == null) {
                        throw new UnsupportedOperationException("* of an unknown item");
                    }
                    for (QueryLevel.Column column : item.columns()) {
                        level.targets.add(new QueryLevel.Target(new ColumnRef(List.of(refname, column.name()), false, -1),
                                column.name()));
                    }
                }
                continue;
            }
            if (t.indirection() != null && !t.indirection().isEmpty()) {
                throw new UnsupportedOperationException("select-list indirection");
            }
            level.targets.add(new QueryLevel.Target(t.val(), QueryDeparser.figure(t)));
        }
    }

    /** get_target_list: "expr AS name" unless the name is the column's own; new lines past the wrap column. */
    private List<QueryLevel.Column> targetList(ExprPrinter printer, List<String> resultNames, boolean colNamesVisible) {
        List<QueryLevel.Column> columns = new ArrayList<>();
        String separator = " ";
        boolean lastWasMultiline = false;
        for (int i = 0; i < level.targets.size(); i++) {
            QueryLevel.Target target = level.targets.get(i);
            context.append(separator);
            separator = ", ";
            StringBuilder buf = context.buf;
            context.buf = new StringBuilder();
            String attname;
            if (target.expr() instanceof ColumnRef c && !c.star()) {
                context.append(printer.print(c, true));
                attname = level.printedColumnName(c);
            } else {
                context.append(printer.printTarget(target.expr()));
                attname = colNamesVisible ? null : "?column?";
            }
            String name = resultNames != null && i < resultNames.size() ? resultNames.get(i) : target.name();
            if (!name.equals(attname)) {
                context.append(" AS ").append(Identifiers.quoteIfNeeded(name));
            }
            columns.add(QueryDeparser.outputColumn(level, target.expr(), name));
            String text = context.buf.toString();
            context.buf = buf;
            if (context.prettyIndent && context.wrapColumn >= 0) {
                if (text.startsWith("\n")) {
                    context.removeTrailingSpaces();
                } else if (i > 0 && (context.currentLineLength() + text.length() > context.wrapColumn
                        || lastWasMultiline)) {
                    context.keyword("", -DeparseContext.INDENT_STD, DeparseContext.INDENT_STD, DeparseContext.INDENT_VAR);
                }
                lastWasMultiline = text.indexOf('\n', text.startsWith("\n") ? 1 : 0) >= 0;
            }
            context.append(text);
        }
        return columns;
    }

    /** A GROUP BY item: an expression or output reference, or a grouping set (get_rule_groupingset). */
    private String groupItem(ExprPrinter printer, Expr e, boolean omitParens) {
        if (e instanceof GroupingSet g) {
            return switch (g.kind()) {
                case EMPTY -> "()";
                case SIMPLE -> {
                    String items = String.join(", ", g.content().stream().map(x -> groupItem(printer, x, true)).toList());
                    yield omitParens && g.content().size() == 1 ? items : "(" + items + ")";
                }
                case ROLLUP -> "ROLLUP(" + content(printer, g.content()) + ")";
                case CUBE -> "CUBE(" + content(printer, g.content()) + ")";
                case SETS -> "GROUPING SETS (" + content(printer, g.content()) + ")";
            };
        }
        if (e instanceof RowExpr r && !r.explicitRow() && !omitParens) {
            return "(" + String.join(", ", r.args().stream().map(x -> groupItem(printer, x, true)).toList()) + ")";
        }
        return printer.sortGroupExpr(level.targetReference(e, false));
    }

    private String content(ExprPrinter printer, List<Expr> content) {
        return String.join(", ", content.stream().map(x -> groupItem(printer, x, false) ).toList());
    }
}
