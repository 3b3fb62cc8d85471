package org.lakepg.server.sql.analyzer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;

/**
 * The WITH items visible where a query is being analyzed: one level per WITH clause, innermost
 * first, so a subquery sees its own WITH items and those of every query around it.
 */
final class CteScope {

    /**
     * One WITH item. While its recursive term is analyzed, {@code body} is null and references
     * read the working table {@code workTableId} with the non-recursive term's columns.
     */
    static final class Cte {
        final String name;
        final int id;
        Relation body;
        List<OutputColumn> workColumns;
        /** The non-recursive term's plan while the recursive term is analyzed (the work table's size estimate). */
        PlanNode nonRecursivePlan;
        int workTableId = -1;
        boolean selfReferenced;
        /** While analyzing the non-recursive term: a self-reference there is an error. */
        boolean inNonRecursiveTerm;
        /** How deep in expression subqueries the recursive term is: a self-reference deeper is an error. */
        int subqueryDepth;
        /** A data-modifying item without RETURNING: it runs, but cannot be read. */
        boolean withoutReturning;
        /** Where the item is written (its name), for errors about its form. */
        int location = -1;

        /** Set when the item is planned at its reference (see {@link CteInlining}): its query, read as a subquery. */
        org.lakepg.server.sql.ast.SelectStmt inlined;
        /** The analyzer of the query level that defines it (the outer names its query sees) and its column names. */
        QueryAnalyzer definer;
        List<String> columnNames;
        /** Inlined: the recursions whose working table it reads, read again where it is referenced. */
        List<Cte> readWorkTables = List.of();
        /** The WITH items its query sees: those of its definition, not those of the place it is read. */
        List<Map<String, Cte>> visible;

        Cte(String name, int id) {
            this.name = name;
            this.id = id;
        }
    }

    private final Deque<Map<String, Cte>> levels = new ArrayDeque<>();
    /** Per level, the names its WITH clause declares: one not yet defined is a forward reference. */
    private final Deque<java.util.Set<String>> declared = new ArrayDeque<>();
    /** How many queries enclose the one being analyzed (0: the statement itself). */
    private int queryNesting;

    /**
     * Enters a query (a statement, a subquery, a WITH item's body, a leaf of a set operation), answering whether it
     * is the statement's top level, where alone a WITH clause may hold a data-modifying statement.
     */
    boolean enterQuery() {
        return queryNesting++ == 0;
    }

    void exitQuery() {
        queryNesting--;
    }

    /** Declares the names of the WITH clause of the innermost level before its items are analyzed. */
    void declare(java.util.Collection<String> names) {
        declared.peek().addAll(names);
    }

    /** Whether {@code name} is a WITH item of an enclosing clause that cannot be referenced from here yet. */
    boolean isFutureItem(String name) {
        var defined = levels.iterator();
        for (java.util.Set<String> names : declared) {
            if (!defined.hasNext()) {
                break; // an inlined item's body sees only the levels of its definition
            }
            Map<String, Cte> level = defined.next();
            if (names.contains(name) && !level.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    void push() {
        levels.push(new LinkedHashMap<>());
        declared.push(new java.util.HashSet<>());
    }

    void pop() {
        levels.pop();
        declared.pop();
    }

    void define(Cte cte) {
        levels.peek().put(cte.name, cte);
    }

    /** WITH levels {@code (from, to]} (counted from the outermost) that an outer-level aggregate may not read. */
    record Hidden(int from, int to, int aggregateLocation) {}

    private Hidden hidden;

    int depth() {
        return levels.size();
    }

    /** Hides the levels pushed since depth {@code from} while an aggregate is analyzed again at that level. */
    Hidden hideBelow(int from, int aggregateLocation) {
        Hidden previous = hidden;
        hidden = new Hidden(from, levels.size(), aggregateLocation);
        return previous;
    }

    void restoreHidden(Hidden previous) {
        hidden = previous;
    }

    /** A missing relation's error, explained as parserOpenTable does when the name is a WITH item not visible here. */
    static org.lakepg.wire.error.PgException forwardReferenceHint(org.lakepg.wire.error.PgException missing,
                                                                  boolean futureItem, String name) {
        if (!futureItem) {
            return missing;
        }
        return missing.withDetail(String.format(
                        "There is a WITH item named \"%s\", but it cannot be referenced from this part of the query.", name))
                .withHint("Use WITH RECURSIVE, or re-order the WITH items to remove forward references.");
    }

    /** The items visible now, innermost level first, as they are now (items defined later are not in it). */
    List<Map<String, Cte>> snapshot() {
        List<Map<String, Cte>> out = new java.util.ArrayList<>();
        levels.forEach(l -> out.add(new LinkedHashMap<>(l)));
        return out;
    }

    /** Makes {@code visible} the items in scope; returns those that were, to put back. */
    List<Map<String, Cte>> replace(List<Map<String, Cte>> visible) {
        List<Map<String, Cte>> before = new java.util.ArrayList<>(levels);
        levels.clear();
        levels.addAll(visible);
        return before;
    }

    /** The recursive items whose recursive term is being analyzed and has not read their working table yet. */
    List<Cte> unreadWorkTables() {
        return levels.stream().flatMap(l -> l.values().stream()).filter(c -> c.body == null && !c.selfReferenced)
                .toList();
    }

    /** The WITH item an unqualified table name refers to, innermost first. */
    Optional<Cte> find(RangeVar r) {
        if (r.schemaname() != null) {
            return Optional.empty();
        }
        int depth = levels.size();
        for (Map<String, Cte> level : levels) {
            Cte c = level.get(r.relname());
            if (c != null) {
                if (hidden != null && depth > hidden.from() && depth <= hidden.to()) {
                    throw Coercer.at(org.lakepg.wire.error.PgException.of(
                            org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                            "outer-level aggregate cannot use a nested CTE").withDetail(String.format(
                            "CTE \"%s\" is below the aggregate's semantic level.", c.name)), hidden.aggregateLocation());
                }
                return Optional.of(c);
            }
            depth--;
        }
        return Optional.empty();
    }
}
