package org.lakepg.server.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The tables and views a statement's analysis looked up, with the role whose privileges apply: the current
 * role for relations the statement names, the view's owner for relations a view's query names (as PostgreSQL
 * checks a view's contents as its owner).
 */
final class RelationAccessLog {
    /** One lookup: {@code checkAs} is the role to check, or -1 for the current role. */
    record Access(long oid, String name, boolean view, long checkAs) {}

    private List<Access> accesses;
    /** How many views deep each access was looked up (0: named by the statement itself). */
    private List<Integer> depths;
    private List<Access> functions;
    /** The columns read of each relation, by (relation, role to check) — PostgreSQL's selectedCols. */
    private java.util.Map<java.util.Map.Entry<Long, Long>, java.util.Set<Integer>> reads;
    private final Deque<Long> viewOwners = new ArrayDeque<>();

    void start() {
        accesses = new ArrayList<>();
        depths = new ArrayList<>();
        functions = new ArrayList<>();
        reads = new java.util.HashMap<>();
        viewOwners.clear();
    }

    List<Access> finish() {
        List<Access> out = accesses == null ? List.of() : accesses;
        accesses = null;
        reads = null;
        return out;
    }

    /** The view-nesting depth of each access since the last start, in the order of the accesses. */
    List<Integer> depths() {
        return depths == null ? List.of() : List.copyOf(depths);
    }

    /** The user functions the statement calls (an Access with view false), noted since the last start. */
    List<Access> functions() {
        return functions == null ? List.of() : List.copyOf(functions);
    }

    /** The columns (by position) a statement reads of each relation, for the role its access is checked as. */
    record ColumnReads(java.util.Map<java.util.Map.Entry<Long, Long>, java.util.Set<Integer>> byRelation) {
        static final ColumnReads NONE = new ColumnReads(java.util.Map.of());

        java.util.Set<Integer> of(long oid, long checkAs) {
            return byRelation.getOrDefault(java.util.Map.entry(oid, checkAs), java.util.Set.of());
        }
    }

    /** The columns read since the last start. */
    ColumnReads columnReads() {
        return reads == null ? ColumnReads.NONE : new ColumnReads(java.util.Map.copyOf(reads));
    }

    void recordColumnRead(long table, int position) {
        if (reads != null) {
            reads.computeIfAbsent(java.util.Map.entry(table, viewOwners.isEmpty() ? -1L : viewOwners.peek()),
                    k -> new java.util.TreeSet<>()).add(position);
        }
    }

    void recordFunction(long oid, String name) {
        if (functions != null) {
            functions.add(new Access(oid, name, false, viewOwners.isEmpty() ? -1 : viewOwners.peek()));
        }
    }

    void record(long oid, String name, boolean view) {
        if (accesses != null) {
            accesses.add(new Access(oid, name, view, viewOwners.isEmpty() ? -1 : viewOwners.peek()));
            depths.add(viewOwners.size());
        }
    }

    void enterView(long owner) {
        viewOwners.push(owner);
    }

    void exitView() {
        viewOwners.pop();
    }
}
