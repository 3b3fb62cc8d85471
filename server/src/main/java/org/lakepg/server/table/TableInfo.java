package org.lakepg.server.table;

import java.util.List;

/** A table as the catalog knows it: OID, name, schema, the relations its rows (and large values) live in, its columns. */
public record TableInfo(long oid, String name, long namespace, int relation, int toastRelation,
                        List<ColumnInfo> columns) {

    public TableInfo {
        columns = List.copyOf(columns);
    }

    public long[] columnTypes() {
        return columns.stream().mapToLong(ColumnInfo::type).toArray();
    }
}
