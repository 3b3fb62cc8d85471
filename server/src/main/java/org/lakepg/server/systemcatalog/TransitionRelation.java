package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * A trigger's transition table (REFERENCING OLD TABLE / NEW TABLE AS name) as the queries of its function see it:
 * PostgreSQL's ephemeral named relation, a relation of the trigger table's columns holding the rows the statement
 * changed, in that table's column order.
 */
public final class TransitionRelation {
    private TransitionRelation() {}

    public static SystemRelation of(String name, TableInfo table, List<Object[]> rows) {
        List<SystemColumn> columns = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            columns.add(new SystemColumn(c.name(), c.number(), c.type(), c.typmod(), false, (short) -1, 'i', 'x', false,
                    0));
        }
        List<Object[]> copy = List.copyOf(rows);
        return new SystemRelation(0, table.namespace(), "", name, 'r', 0, false, columns,
                (catalog, out) -> out.addRaw(copy));
    }
}
