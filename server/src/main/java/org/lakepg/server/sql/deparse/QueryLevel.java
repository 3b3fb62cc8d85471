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

    /** A FROM item: {@code alias} as the query writes it, {@code refname} as it prints (unique among levels). */
    record Item(String alias, String refname, List<Column> columns) {}

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
    /** The printed name of each bound column whose printed name is not its own (renames); shared like columnText. */
    final Map<String, String> printedNames;

    QueryLevel(DeparseBinder binder, QueryLevel outer, Map<String, String> columnText) {
        this.binder = binder;
        this.outer = outer;
        this.columnText = columnText;
        this.printedNames = outer == null ? new HashMap<>() : outer.printedNames;
        if (outer != null) {
            ctes.putAll(outer.ctes);
        }
    }

    QueryLevel nested() {
        return new QueryLevel(binder.nested(), this, columnText);
    }

    void addItem(String alias, String refname, List<Column> columns, long tableOid) {
        addItem(alias, refname, columns, tableOid, null);
    }

    /** @param printed how each column prints (renamed), or null for its own name */
    void addItem(String alias, String refname, List<Column> columns, long tableOid, List<String> printed) {
        items.add(new Item(alias, refname, columns));
        binder.addItem(alias, columns.stream().map(Column::name).toList(),
                columns.stream().map(Column::typeAndTypmod).toList(), tableOid);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String name = printed == null ? c.name() : printed.get(i);
            String key = binder.key(alias, c.name());
            columnText.put(key, Identifiers.quoteIfNeeded(refname) + "." + Identifiers.quoteIfNeeded(name));
            if (!name.equals(c.name())) {
                printedNames.put(key, name);
            }
        }
    }

    /** The name a column reference's column prints with: its written last field unless renamed. */
    String printedColumnName(org.lakepg.server.sql.ast.ColumnRef ref) {
        String written = ref.fields().get(ref.fields().size() - 1);
        if (printedNames.isEmpty()) {
            return written;
        }
        try {
            if (binder.bind(ref) instanceof org.lakepg.server.sql.plan.expr.InputRef bound) {
                return printedNames.getOrDefault(bound.name(), written);
            }
        } catch (RuntimeException unbound) {
            // not a column of a FROM item: its written name
        }
        return written;
    }

    /** Printed names of this level's FROM items, by item. */
    private final Map<Object, String> refnames = new java.util.IdentityHashMap<>();
    /** The printed names this level uses. */
    private final java.util.Set<String> names = new java.util.HashSet<>();

    /**
     * set_rtable_names: each FROM item (through joins) is printed by its alias, or its relation, CTE or function
     * name, made unique against the enclosing levels' names and this level's earlier ones with a "_N" suffix.
     */
    void assignNames(List<org.lakepg.server.sql.ast.FromItem> from, java.util.Set<String> reserved) {
        names.addAll(reserved);
        if (from != null) {
            from.forEach(this::assignName);
        }
    }

    private void assignName(org.lakepg.server.sql.ast.FromItem item) {
        String written = switch (item) {
            case org.lakepg.server.sql.ast.RangeVar r -> r.alias() != null ? r.alias().aliasname() : r.relname();
            case org.lakepg.server.sql.ast.RangeSubselect s -> s.alias() == null ? null : s.alias().aliasname();
            case org.lakepg.server.sql.ast.RangeFunction f -> f.alias() != null ? f.alias().aliasname()
                    : f.functions().isEmpty() ? null
                    : org.lakepg.server.sql.analyzer.ColumnNames.figure(f.functions().get(0).function());
            case org.lakepg.server.sql.ast.JoinExpr j -> {
                assignName(j.larg());
                assignName(j.rarg());
                yield j.alias() == null ? null : j.alias().aliasname();
            }
            default -> null;
        };
        if (written == null) {
            return;
        }
        String name = written;
        for (int i = 1; taken(name); i++) {
            name = written + "_" + i;
        }
        names.add(name);
        refnames.put(item, name);
    }

    private boolean taken(String name) {
        for (QueryLevel l = this; l != null; l = l.outer) {
            if (l.names.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** The printed name of a FROM item (its written name if names were not assigned). */
    String refname(Object item, String written) {
        return refnames.getOrDefault(item, written);
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
        return items.stream().filter(i -> i.alias().equals(refname)).findFirst().orElse(null);
    }
}
