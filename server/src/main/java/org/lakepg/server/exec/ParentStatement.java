package org.lakepg.server.exec;

import java.util.HashMap;
import java.util.Map;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * A statement naming a parent table while it writes the parent's members: their statement triggers stay silent
 * (the parent's fire instead), and the rows they change are handed to the parent's transition tables in the
 * parent's column order. For an UPDATE, a row moved to another partition (deleted here, inserted there) counts as
 * updated, as in PostgreSQL.
 *
 * @param triggers the parent's triggers for the statement's event, or null when it has none
 */
public record ParentStatement(TableInfo table, TableTriggers.Event event, TableTriggers triggers,
                              Map<Long, int[]> positions) {

    public ParentStatement(TableInfo table, TableTriggers.Event event, TableTriggers triggers) {
        this(table, event, triggers, new HashMap<>());
    }

    /** Whether the members must report the rows they write (the parent's triggers read transition tables). */
    public boolean capturesRows() {
        return triggers != null && triggers.capturesTransitions();
    }

    /** One row a member wrote with a write of kind {@code written} (its new and old row, in its columns). */
    public void written(TableTriggers.Event written, TableInfo member, Object[] newRow, Object[] oldRow) {
        boolean asNew = newRow != null && (written == TableTriggers.Event.INSERT || written == TableTriggers.Event.UPDATE)
                && (event == TableTriggers.Event.UPDATE || event == written);
        boolean asOld = oldRow != null && (written == TableTriggers.Event.DELETE || written == TableTriggers.Event.UPDATE)
                && (event == TableTriggers.Event.UPDATE || event == written);
        if (!asNew && !asOld) {
            return;
        }
        int[] at = positions.computeIfAbsent(member.oid(), k -> positionsIn(member));
        triggers.transitionRow(asNew ? inParentOrder(newRow, at) : null, asOld ? inParentOrder(oldRow, at) : null);
    }

    private int[] positionsIn(TableInfo member) {
        int[] at = new int[table.columns().size()];
        for (int i = 0; i < at.length; i++) {
            ColumnInfo c = table.columns().get(i);
            at[i] = member.column(c.name()).map(m -> m.number() - 1).orElse(-1);
        }
        return at;
    }

    private static Object[] inParentOrder(Object[] row, int[] at) {
        Object[] out = new Object[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = at[i] >= 0 && at[i] < row.length ? row[at[i]] : null;
        }
        return out;
    }
}
