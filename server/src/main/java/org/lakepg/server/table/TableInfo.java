package org.lakepg.server.table;

import java.util.List;

/**
 * A table as the catalog knows it: OID, name, schema, the relations its rows (and large values) live in, its
 * columns, and its persistence ('p' permanent, 't' temporary: private to the session that owns its namespace).
 */
public record TableInfo(long oid, String name, long namespace, int relation, int toastRelation,
                        List<ColumnInfo> columns, char persistence) {

    public TableInfo {
        columns = List.copyOf(columns);
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
