package org.lakepg.server.systemcatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A relation of pg_catalog or information_schema: PostgreSQL 15's OID, name and columns, and the
 * source computing its rows when a statement scans it.
 */
public record SystemRelation(long oid, long namespace, String namespaceName, String name, char kind, long rowType,
                             boolean shared, List<SystemColumn> columns, RowSource source,
                             Map<String, Integer> columnIndex) {

    public SystemRelation {
        columns = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i).name(), i);
        }
        columnIndex = Map.copyOf(index);
    }

    SystemRelation(long oid, long namespace, String namespaceName, String name, char kind, long rowType,
                   boolean shared, List<SystemColumn> columns, RowSource source) {
        this(oid, namespace, namespaceName, name, kind, rowType, shared, columns, source, Map.of());
    }

    /** Position of a column; a row source naming a column PostgreSQL does not have is a bug. */
    int column(String name) {
        Integer i = columnIndex.get(name);
        if (i == null) {
            throw new IllegalStateException(namespaceName + "." + this.name + " has no column " + name);
        }
        return i;
    }

    /** The rows as the catalog now has them. */
    public List<Object[]> scan(CatalogView catalog) {
        Rows out = new Rows(this);
        source.rows(catalog, out);
        return out.rows();
    }

    SystemRelation withSource(RowSource newSource) {
        return new SystemRelation(oid, namespace, namespaceName, name, kind, rowType, shared, columns, newSource);
    }
}
