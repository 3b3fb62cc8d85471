package org.lakepg.server.table;

/**
 * The bound of a partition (PostgreSQL's relpartbound) as pg_get_expr prints it ({@code FOR VALUES FROM (1) TO
 * (10)}, {@code DEFAULT}) and its partition constraint over the partition's columns as SQL text (null for a
 * DEFAULT partition, whose constraint depends on its siblings), for evaluation and as pg_get_partition_constraintdef
 * prints it ({@code display}).
 */
public record PartitionBound(String text, String constraint, String display) {

    public boolean isDefault() {
        return constraint == null;
    }
}
