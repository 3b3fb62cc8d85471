package org.lakepg.server.sql.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.server.table.Inheritance;
import org.lakepg.server.table.PartitionBound;
import org.lakepg.server.table.PartitionKey;

/** Partitions in PostgreSQL's bound order, whatever order they were created in (checked against PostgreSQL 15). */
class PartitionOrderTest {
    private final Map<Long, List<Long>> parents = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final Map<Long, PartitionKey> keys = new HashMap<>();
    private final Map<Long, PartitionBound> bounds = new HashMap<>();

    private void partitioned(long table, char strategy) {
        keys.put(table, new PartitionKey(strategy, List.of((short) 1), List.of()));
    }

    private void partition(long parent, long child, String bound) {
        parents.put(child, List.of(parent));
        children.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(child);
        bounds.put(child, bound.equals("DEFAULT") ? new PartitionBound("DEFAULT", null, null)
                : new PartitionBound(bound, "true", "true"));
    }

    private Inheritance inheritance() {
        return new Inheritance(parents, children, keys, bounds);
    }

    @Test
    void listByLeastValueNullOnlyThenDefaultLast() {
        partitioned(1, 'l');
        partition(1, 10, "DEFAULT");
        partition(1, 11, "FOR VALUES IN (NULL)");
        partition(1, 12, "FOR VALUES IN ('x', 'y')");
        partition(1, 13, "FOR VALUES IN ('f', 'e')");
        partition(1, 14, "FOR VALUES IN ('b', 'a')");
        assertEquals(List.of(14L, 13L, 12L, 11L, 10L), PartitionOrder.children(inheritance(), 1));
    }

    @Test
    void rangeByLowerBoundNumbersAsNumbers() {
        partitioned(1, 'r');
        partition(1, 10, "FOR VALUES FROM (100) TO (1000)");
        partition(1, 11, "FOR VALUES FROM ('-50') TO (9)");
        partition(1, 12, "FOR VALUES FROM (9) TO (100)");
        partition(1, 13, "FOR VALUES FROM (MINVALUE) TO ('-50')");
        assertEquals(List.of(13L, 11L, 12L, 10L), PartitionOrder.children(inheritance(), 1));
    }

    @Test
    void hashByModulusThenRemainder() {
        partitioned(1, 'h');
        partition(1, 10, "FOR VALUES WITH (modulus 8, remainder 4)");
        partition(1, 11, "FOR VALUES WITH (modulus 4, remainder 2)");
        partition(1, 12, "FOR VALUES WITH (modulus 2, remainder 1)");
        partition(1, 13, "FOR VALUES WITH (modulus 8, remainder 0)");
        assertEquals(List.of(12L, 11L, 13L, 10L), PartitionOrder.children(inheritance(), 1));
    }

    @Test
    void subPartitionsExpandWhereTheirParentStands() {
        partitioned(1, 'l');
        partitioned(20, 'r');
        partition(1, 10, "FOR VALUES IN (3)");
        partition(1, 20, "FOR VALUES IN (2)");
        partition(20, 22, "FOR VALUES FROM (10) TO (20)");
        partition(20, 21, "FOR VALUES FROM (0) TO (10)");
        partition(1, 30, "FOR VALUES IN (1)");
        assertEquals(List.of(30L, 20L, 21L, 22L, 10L), PartitionOrder.descendants(inheritance(), 1));
    }
}
