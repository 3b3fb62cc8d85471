package org.lakepg.server.table;

import java.util.List;

/**
 * How a partitioned table divides its rows (PostgreSQL's pg_partitioned_table): the strategy ('r' range, 'l' list,
 * 'h' hash) and the key columns by attnum.
 */
public record PartitionKey(char strategy, List<Short> columns) {

    public PartitionKey {
        columns = List.copyOf(columns);
    }

    /** RANGE, LIST or HASH, as pg_get_partkeydef spells it. */
    public String strategyName() {
        return switch (strategy) {
            case 'r' -> "RANGE";
            case 'l' -> "LIST";
            default -> "HASH";
        };
    }
}
