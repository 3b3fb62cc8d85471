package org.lakepg.server.catalog.objects;

import java.util.List;
import org.lakepg.server.table.ColumnInfo;

/**
 * A view: a relation (sharing names with tables in its schema) whose rows are those of its query.
 * {@code statement} is the CREATE VIEW text it was defined by, re-parsed to expand it; {@code columns}
 * are the names and types it was created with (a changed query may not change them, as in PostgreSQL);
 * {@code dependsOn} the OIDs of the tables and views its query names (DROP refuses to orphan it).
 */
public record ViewInfo(long oid, long namespace, String name, String statement, List<ColumnInfo> columns,
                       long owner, boolean materialized, int relation, List<Long> dependsOn) {
    public ViewInfo {
        columns = List.copyOf(columns);
        dependsOn = List.copyOf(dependsOn);
    }

    /** The same view under another name (ALTER VIEW ... RENAME TO). */
    public ViewInfo renamed(String newName) {
        return new ViewInfo(oid, namespace, newName, statement, columns, owner, materialized, relation, dependsOn);
    }
}
