package org.lakepg.server.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who inherits from whom (PostgreSQL's pg_inherits), which tables are partitioned and how (pg_partitioned_table),
 * and each partition's bound (pg_class.relpartbound), as one snapshot of the catalog sees them. Immutable.
 *
 * @param parentsByChild a table's direct parents in INHERITS order
 * @param childrenByParent a table's direct children, oldest first (partitions in bound order are the caller's job)
 */
public record Inheritance(Map<Long, List<Long>> parentsByChild, Map<Long, List<Long>> childrenByParent,
                          Map<Long, PartitionKey> keys, Map<Long, PartitionBound> bounds) {

    public static final Inheritance NONE = new Inheritance(Map.of(), Map.of(), Map.of(), Map.of());

    public List<Long> parents(long table) {
        return parentsByChild.getOrDefault(table, List.of());
    }

    public List<Long> children(long table) {
        return childrenByParent.getOrDefault(table, List.of());
    }

    public boolean hasChildren(long table) {
        return !children(table).isEmpty();
    }

    public Optional<PartitionKey> key(long table) {
        return Optional.ofNullable(keys.get(table));
    }

    public boolean isPartitioned(long table) {
        return keys.containsKey(table);
    }

    public Optional<PartitionBound> bound(long table) {
        return Optional.ofNullable(bounds.get(table));
    }

    public boolean isPartition(long table) {
        return bounds.containsKey(table);
    }

    /** Every table below this one, level by level (PostgreSQL's find_all_inheritors, without the table itself). */
    public List<Long> descendants(long table) {
        Set<Long> out = new LinkedHashSet<>();
        Deque<Long> queue = new ArrayDeque<>(children(table));
        while (!queue.isEmpty()) {
            long next = queue.removeFirst();
            if (out.add(next)) {
                queue.addAll(children(next));
            }
        }
        return new ArrayList<>(out);
    }

    /** Every table above this one. */
    public Set<Long> ancestors(long table) {
        Set<Long> out = new LinkedHashSet<>();
        Deque<Long> queue = new ArrayDeque<>(parents(table));
        while (!queue.isEmpty()) {
            long next = queue.removeFirst();
            if (out.add(next)) {
                queue.addAll(parents(next));
            }
        }
        return out;
    }
}
