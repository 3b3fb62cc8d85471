package org.lakepg.server.sql.analyzer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.plan.OutputColumn;

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
        /** The WITH items its query sees: those of its definition, not those of the place it is read. */
        List<Map<String, Cte>> visible;

        Cte(String name, int id) {
            this.name = name;
            this.id = id;
        }
    }

    private final Deque<Map<String, Cte>> levels = new ArrayDeque<>();

    void push() {
        levels.push(new LinkedHashMap<>());
    }

    void pop() {
        levels.pop();
    }

    void define(Cte cte) {
        levels.peek().put(cte.name, cte);
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

    /** Whether a recursive item's recursive term is being analyzed (its working table is in scope). */
    boolean inRecursiveTerm() {
        return levels.stream().anyMatch(l -> l.values().stream().anyMatch(c -> c.body == null));
    }

    /** The WITH item an unqualified table name refers to, innermost first. */
    Optional<Cte> find(RangeVar r) {
        if (r.schemaname() != null) {
            return Optional.empty();
        }
        for (Map<String, Cte> level : levels) {
            Cte c = level.get(r.relname());
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
