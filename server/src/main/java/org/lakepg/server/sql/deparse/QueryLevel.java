package org.lakepg.server.sql.deparse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.analyzer.DeparseBinder;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.WindowDef;

/**
 * One query level being deparsed (ruleutils' deparse_namespace): its FROM items by reference name, the binder that
 * resolves names against them and the enclosing levels, its output columns, named windows and visible CTEs.
 */
final class QueryLevel {
    /** One column a FROM item or query provides. */
    record Column(String name, long type, int typmod) {
        long[] typeAndTypmod() {
            return new long[] {type, typmod};
        }
    }

    /** A FROM item as names see it: {@code refname.column}. */
    record Item(String refname, List<Column> columns) {}

    /** One select-list entry after * expansion: its expression and output name. */
    record Target(Expr expr, String name) {}

    final DeparseBinder binder;
    final QueryLevel outer;
    final List<Item> items = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    /** What * expands to: {refname, column} pairs in PostgreSQL's order (a USING join's merged columns first). */
    final List<String[]> star = new ArrayList<>();
    final List<WindowDef> windows = new ArrayList<>();
    /** CTEs visible here (this level's WITH and the enclosing ones'), by name. */
    final Map<String, List<Column>> ctes = new HashMap<>();
    /** How each bound column reference ("refname.column") prints; shared by all levels of one deparse. */
    final Map<String, String> columnText;

    QueryLevel(DeparseBinder binder, QueryLevel outer, Map<String, String> columnText) {
        this.binder = binder;
        this.outer = outer;
        this.columnText = columnText;
        if (outer != null) {
            ctes.putAll(outer.ctes);
        }
    }

    QueryLevel nested() {
        return new QueryLevel(binder.nested(), this, columnText);
    }

    void addItem(String refname, List<Column> columns, long tableOid) {
        items.add(new Item(refname, columns));
        binder.addItem(refname, columns.stream().map(Column::name).toList(),
                columns.stream().map(Column::typeAndTypmod).toList(), tableOid);
        for (Column c : columns) {
            columnText.put(refname + "." + c.name(), Identifiers.quoteIfNeeded(refname) + "."
                    + Identifiers.quoteIfNeeded(c.name()));
        }
    }

    /**
     * An ORDER BY or GROUP BY key naming a select-list entry by position or output name: that entry's expression
     * (an output name wins over an input column in ORDER BY, loses to it in GROUP BY, as in PostgreSQL).
     */
    Expr targetReference(Expr key, boolean orderBy) {
        if (key instanceof org.lakepg.server.sql.ast.AConst c && c.kind() == org.lakepg.server.sql.ast.AConst.Kind.INTEGER) {
            int position = Integer.parseInt(c.value());
            if (position >= 1 && position <= targets.size()) {
                return targets.get(position - 1).expr();
            }
        }
        if (key instanceof org.lakepg.server.sql.ast.ColumnRef c && !c.star() && c.fields().size() == 1) {
            String name = c.fields().get(0);
            if (!orderBy) {
                try {
                    binder.bind(key);
                    return key;
                } catch (RuntimeException notAnInputColumn) {
                    // an output column's name
                }
            }
            List<Target> named = targets.stream().filter(t -> t.name().equals(name)).toList();
            if (named.size() == 1 || named.size() > 1 && named.stream().allMatch(t -> t.expr().equals(named.get(0).expr()))) {
                return named.get(0).expr();
            }
        }
        return key;
    }

    Item item(String refname) {
        return items.stream().filter(i -> i.refname().equals(refname)).findFirst().orElse(null);
    }
}
