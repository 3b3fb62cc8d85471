package org.lakepg.server.catalog.objects;

import java.util.List;
import org.lakepg.server.table.ColumnInfo;

/**
 * A view: a relation (sharing names with tables in its schema) whose rows are those of its query.
 * {@code statement} is the CREATE VIEW text it was defined by, re-parsed to expand it; {@code columns}
 * are the names and types it was created with (a changed query may not change them, as in PostgreSQL);
 * {@code dependsOn} the OIDs of the tables and views its query names (DROP refuses to orphan it). A materialized
 * view keeps its rows in the table {@code relation} (OID, in pg_toast so no name finds it); {@code populated} is
 * false after WITH NO DATA. {@code searchPath} lists the schemas (OIDs) names in its query were looked up in when
 * it was made: expanding it looks there again, as PostgreSQL's stored query keeps the objects it found.
 * The view's row type has the view's OID; {@code arrayType} is the OID of the array type over it (0 for a view
 * made before views had one).
 */
public record ViewInfo(long oid, long namespace, String name, String statement, List<ColumnInfo> columns,
                       long owner, boolean materialized, int relation, List<Long> dependsOn, boolean populated,
                       List<Long> searchPath, long arrayType) {
    public ViewInfo {
        columns = List.copyOf(columns);
        dependsOn = List.copyOf(dependsOn);
        searchPath = List.copyOf(searchPath);
    }

    /** The same view under another name (ALTER VIEW ... RENAME TO). */
    public ViewInfo renamed(String newName) {
        return new ViewInfo(oid, namespace, newName, statement, columns, owner, materialized, relation, dependsOn,
                populated, searchPath, arrayType);
    }

    /** The same view defined by another statement text (its query rewritten after a rename of what it uses). */
    public ViewInfo withStatement(String text) {
        return new ViewInfo(oid, namespace, name, text, columns, owner, materialized, relation, dependsOn, populated,
                searchPath, arrayType);
    }

    /** A materialized view after REFRESH ... WITH [NO] DATA. */
    public ViewInfo withPopulated(boolean now) {
        return new ViewInfo(oid, namespace, name, statement, columns, owner, materialized, relation, dependsOn, now,
                searchPath, arrayType);
    }
}
