package org.lakepg.server.table;

import java.util.List;

/**
 * A table as the catalog knows it: OID, name, schema, the relations its rows (and large values) live in, its
 * columns, its persistence ('p' permanent, 't' temporary: private to the session that owns its namespace) and its
 * storage parameters (pg_class.reloptions, "name=value" each); {@code arrayType} is the OID of the array type of
 * its row type (0 for tables made before lakepg gave them one).
 */
public record TableInfo(long oid, String name, long namespace, int relation, int toastRelation,
                        List<ColumnInfo> columns, char persistence, List<String> options, long arrayType) {

    /** PostgreSQL's TOAST_TUPLE_TARGET: rows longer than this move large values out of line. */
    public static final int DEFAULT_TOAST_TUPLE_TARGET = 2032;

    public TableInfo {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
    }

    public TableInfo(long oid, String name, long namespace, int relation, int toastRelation, List<ColumnInfo> columns,
                     char persistence) {
        this(oid, name, namespace, relation, toastRelation, columns, persistence, List.of(), 0);
    }

    /** The storage parameter toast_tuple_target, else PostgreSQL's default. */
    public int toastTupleTarget() {
        for (String o : options) {
            if (o.startsWith("toast_tuple_target=")) {
                return Integer.parseInt(o.substring("toast_tuple_target=".length()));
            }
        }
        return DEFAULT_TOAST_TUPLE_TARGET;
    }

    public TableInfo withOptions(List<String> newOptions) {
        return new TableInfo(oid, name, namespace, relation, toastRelation, columns, persistence, newOptions, arrayType);
    }

    public TableInfo(long oid, String name, long namespace, int relation, int toastRelation, List<ColumnInfo> columns) {
        this(oid, name, namespace, relation, toastRelation, columns, 'p');
    }

    public long[] columnTypes() {
        long[] types = new long[columns.size()]; // a loop: every index scan asks, a stream cost 1% of select-only
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }

    public boolean temporary() {
        return persistence == 't';
    }

    public java.util.Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
