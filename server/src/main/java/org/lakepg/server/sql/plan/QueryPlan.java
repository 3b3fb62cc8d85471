package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * A planned query: the operator tree, the columns it returns (null when it returns none, like an
 * INSERT without RETURNING), the parameter types it expects and its command tag. {@code rangeTableSize} counts the
 * FROM items the analysis met at every level, pulled-up subqueries and joins included (PostgreSQL's flattened range
 * table, whose length decides whether EXPLAIN qualifies column names); -1 when not counted.
 */
public record QueryPlan(PlanNode root, List<OutputColumn> columns, long[] parameterTypes, Tag tag, int rangeTableSize) {

    public QueryPlan(PlanNode root, List<OutputColumn> columns, long[] parameterTypes, Tag tag) {
        this(root, columns, parameterTypes, tag, -1);
    }

    /** How the CommandComplete tag is formed from the row count. */
    public enum Tag {
        SELECT("SELECT "), INSERT("INSERT 0 "), UPDATE("UPDATE "), DELETE("DELETE "), MERGE("MERGE ");

        private final String prefix;

        Tag(String prefix) {
            this.prefix = prefix;
        }

        public String format(long rows) {
            return prefix + rows;
        }
    }

    public QueryPlan {
        columns = columns == null ? null : List.copyOf(columns);
    }
}
