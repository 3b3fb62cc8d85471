package org.lakepg.server.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.TableTriggers;
import org.lakepg.server.plpgsql.PlRecord;
import org.lakepg.server.plpgsql.PlTriggerEvent;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The triggers of one table fired by one INSERT, UPDATE or DELETE statement (trigger.c's ExecBR/AR* and ExecBS/AS*). */
public final class TableTriggerRun implements TableTriggers {
    private final TriggerRuntime runtime;
    private final TableInfo table;
    private final Event event;
    private final ExecContext context;
    private final String schema;
    private final List<TriggerInfo> triggers;
    private final List<Queued> queued = new ArrayList<>();
    private boolean[] targeted;
    /** The rows of the transition tables (old and new rows of the statement), or null when no trigger reads them. */
    private final List<Object[]> oldRows;
    private final List<Object[]> newRows;

    private record Queued(TriggerInfo trigger, Object[] newRow, Object[] oldRow) {}

    private TableTriggerRun(TriggerRuntime runtime, TableInfo table, Event event, ExecContext context,
                            List<TriggerInfo> triggers) {
        this.runtime = runtime;
        this.table = table;
        this.event = event;
        this.context = context;
        this.schema = runtime.schemaName(table.namespace());
        this.triggers = triggers;
        boolean transitions = triggers.stream().anyMatch(t -> t.oldTable() != null || t.newTable() != null);
        this.oldRows = transitions ? new ArrayList<>() : null;
        this.newRows = transitions ? new ArrayList<>() : null;
    }

    @Override
    public boolean capturesTransitions() {
        return oldRows != null;
    }

    @Override
    public void transitionRow(Object[] newRow, Object[] oldRow) {
        if (oldRows == null) {
            return;
        }
        if (newRow != null) {
            newRows.add(newRow.clone());
        }
        if (oldRow != null) {
            oldRows.add(oldRow.clone());
        }
    }

    /** A statement naming a parent fires the parent's statement triggers, not those of the members it writes. */
    private boolean memberOfParentStatement() {
        return context.parentStatement() != null;
    }

    /** The triggers of a table for an event, or null when no enabled one fires for it. */
    public static TableTriggers of(TriggerRuntime runtime, TableInfo table, Event event, ExecContext context) {
        List<TriggerInfo> all = runtime.triggers(table.oid());
        if (all.isEmpty()) {
            return null;
        }
        int bit = bit(event);
        List<TriggerInfo> firing = all.stream()
                .filter(t -> t.enabled() != 'D' && t.fires(bit) && !t.instead()).toList();
        return firing.isEmpty() ? null : new TableTriggerRun(runtime, table, event, context, firing);
    }

    static int bit(Event event) {
        return switch (event) {
            case INSERT -> TriggerInfo.INSERT;
            case UPDATE -> TriggerInfo.UPDATE;
            case DELETE -> TriggerInfo.DELETE;
            case TRUNCATE -> TriggerInfo.TRUNCATE;
        };
    }

    @Override
    public void updatedColumns(boolean[] columns) {
        targeted = columns;
    }

    /** UPDATE OF: whether the statement's SET list names one of the columns (unknown: yes). */
    private boolean targets(TriggerInfo t) {
        if (event != Event.UPDATE || t.columns().isEmpty() || targeted == null) {
            return true;
        }
        for (int attnum : t.columns()) {
            if (attnum - 1 < targeted.length && targeted[attnum - 1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beforeStatement() {
        if (memberOfParentStatement()) {
            return;
        }
        for (TriggerInfo t : triggers) {
            if (!t.row() && t.before() && targets(t)) {
                fire(t, event(t, null, null), context);
            }
        }
    }

    @Override
    public Object[] beforeRow(Object[] newRow, Object[] oldRow) {
        Object[] current = newRow;
        for (TriggerInfo t : triggers) {
            if (!t.row() || !t.before() || !applies(t, current, oldRow)) {
                continue;
            }
            Object[] result = fire(t, event(t, current, oldRow), context);
            if (result == null) {
                return null;
            }
            if (event != Event.DELETE) {
                if (result.length != table.columns().size()) {
                    throw PgException.of(SqlState.DATATYPE_MISMATCH,
                            "returned row structure does not match the structure of the triggering table").withDetail(
                            "Number of returned columns (%d) does not match expected column count (%d).".formatted(
                                    result.length, table.columns().size()));
                }
                current = result;
            }
        }
        return event == Event.DELETE ? oldRow : current;
    }

    @Override
    public boolean needsOldRow() {
        return triggers.stream().anyMatch(TriggerInfo::row);
    }

    @Override
    public void afterRow(Object[] newRow, Object[] oldRow) {
        if (oldRows != null && !memberOfParentStatement()) {
            transitionRow(event == Event.DELETE ? null : java.util.Arrays.copyOf(newRow, table.columns().size()),
                    event == Event.INSERT || oldRow == null ? null : java.util.Arrays.copyOf(oldRow, table.columns().size()));
        }
        for (TriggerInfo t : triggers) {
            if (t.row() && !t.before() && applies(t, newRow, oldRow)) {
                queued.add(new Queued(t, newRow == null ? null : newRow.clone(), oldRow == null ? null : oldRow.clone()));
            }
        }
    }

    @Override
    public void afterStatement() {
        List<Queued> due = new ArrayList<>(queued);
        queued.clear();
        for (Queued q : due) {
            fire(q.trigger(), event(q.trigger(), q.newRow(), q.oldRow()), context);
        }
        if (memberOfParentStatement()) {
            return;
        }
        for (TriggerInfo t : triggers) {
            if (!t.row() && !t.before() && targets(t)) {
                fire(t, event(t, null, null), context);
            }
        }
    }

    private Object[] fire(TriggerInfo t, PlTriggerEvent e, ExecContext at) {
        // the function sees the rows the statement wrote so far (the statement's own scans keep their snapshot)
        at.tables().transaction().commandCounterIncrement();
        TriggerDepth.enter();
        try {
            if (t.oldTable() == null && t.newTable() == null || t.before()) {
                return runtime.fire(t, e, at);
            }
            return runtime.withTransitionTables(t, table, oldRows, newRows, () -> runtime.fire(t, e, at));
        } finally {
            TriggerDepth.leave();
        }
    }

    /** UPDATE OF columns (one of them changed) and the WHEN condition. */
    private boolean applies(TriggerInfo t, Object[] newRow, Object[] oldRow) {
        if (!targets(t)) {
            return false;
        }
        if (event == Event.UPDATE && !t.columns().isEmpty() && oldRow != null && targeted == null) {
            boolean changed = false;
            for (int attnum : t.columns()) {
                changed |= !Objects.equals(newRow[attnum - 1], oldRow[attnum - 1]);
            }
            if (!changed) {
                return false;
            }
        }
        return t.when() == null || runtime.when(t, event(t, newRow, oldRow), context);
    }

    private PlTriggerEvent event(TriggerInfo t, Object[] newRow, Object[] oldRow) {
        boolean row = t.row();
        Object[] none = new Object[table.columns().size()];
        // both records always have the table's shape (as plpgsql_exec_trigger sets them up), so a function shared by
        // several kinds of trigger can name fields of either
        return new PlTriggerEvent(record(table, row && newRow != null && event != Event.DELETE ? newRow : none),
                record(table, row && oldRow != null && event != Event.INSERT ? oldRow : none), t.name(),
                t.instead() ? "INSTEAD OF" : t.before() ? "BEFORE" : "AFTER", row ? "ROW" : "STATEMENT", event.name(),
                table.oid(), table.name(), schema, t.arguments());
    }

    /** A row of a table as a record (NEW and OLD), on a copy of its values. */
    public static PlRecord record(TableInfo table, Object[] values) {
        List<String> names = new ArrayList<>();
        long[] types = new long[table.columns().size()];
        int[] typmods = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            ColumnInfo c = table.columns().get(i);
            names.add(c.name());
            types[i] = c.type();
            typmods[i] = c.typmod();
        }
        return new PlRecord(names, types, typmods, java.util.Arrays.copyOf(values, types.length));
    }
}
