package org.lakepg.server.exec;

import org.lakepg.server.table.TableInfo;

/**
 * The triggers of one table for one statement's event, as the executor fires them around its writes: BEFORE
 * STATEMENT, BEFORE ROW per row (which may change or skip it), AFTER ROW queued to the statement's end, then
 * AFTER STATEMENT.
 */
public interface TableTriggers {

    enum Event { INSERT, UPDATE, DELETE, TRUNCATE }

    void beforeStatement();

    /** For UPDATE: which columns its SET list names (UPDATE OF triggers fire for those), when the plan tells. */
    default void updatedColumns(boolean[] targeted) {
    }

    /** BEFORE ROW triggers: the row to write (possibly changed), or null to skip it. */
    Object[] beforeRow(Object[] newRow, Object[] oldRow);

    /** Whether any row-level trigger needs the old row of an UPDATE. */
    boolean needsOldRow();

    /** Queues the AFTER ROW triggers of one written row. */
    void afterRow(Object[] newRow, Object[] oldRow);

    /** Fires the queued AFTER ROW triggers, then the AFTER STATEMENT ones. */
    void afterStatement();

    /** Whether some trigger reads transition tables (REFERENCING OLD TABLE / NEW TABLE). */
    default boolean capturesTransitions() {
        return false;
    }

    /** A row a member of this (parent) table changed, in this table's columns, for its transition tables. */
    default void transitionRow(Object[] newRow, Object[] oldRow) {
    }

    /** Who knows a table's triggers: the session. */
    interface Source {
        /** The triggers for this event, or null when the table has none. */
        TableTriggers triggers(TableInfo table, Event event, ExecContext context);
    }
}
