package org.lakepg.server.table;

import java.util.List;

/**
 * How a partitioned table divides its rows (PostgreSQL's pg_partitioned_table): the strategy ('r' range, 'l' list,
 * 'h' hash), the key columns by attnum, 0 for an expression (their SQL text in {@code expressions}, in order), and
 * per key part the OID of a user-defined operator class (CREATE OPERATOR CLASS), 0 for the type's default one.
 */
public record PartitionKey(char strategy, List<Short> columns, List<String> expressions, List<Long> opclasses) {

    public PartitionKey {
        columns = List.copyOf(columns);
        expressions = List.copyOf(expressions);
        opclasses = opclasses == null || opclasses.size() != columns.size()
                ? java.util.Collections.nCopies(columns.size(), 0L) : List.copyOf(opclasses);
    }

    public PartitionKey(char strategy, List<Short> columns, List<String> expressions) {
        this(strategy, columns, expressions, null);
    }

    /** The SQL text of each key part: the column name or the (parenthesised) expression. */
    public List<String> partTexts(TableInfo table) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        int e = 0;
        for (short a : columns) {
            out.add(a == 0 ? expressions.get(e++) : ExpressionText.ident(table.columns().get(a - 1).name()));
        }
        return out;
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
