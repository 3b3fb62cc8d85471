package org.lakepg.server.trigger;

import java.util.List;
import org.lakepg.server.catalog.objects.TriggerCatalog.TriggerInfo;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.plpgsql.PlTriggerEvent;

/** What firing triggers needs from the session: the catalog's triggers and a way to run trigger functions. */
public interface TriggerRuntime {

    /** The table's triggers, by name. */
    List<TriggerInfo> triggers(long relid);

    String schemaName(long namespace);

    /** Runs a trigger's function; the row it returned, or null. */
    Object[] fire(TriggerInfo trigger, PlTriggerEvent event, ExecContext context);

    /** Runs {@code body} (the firing of an AFTER trigger) with the trigger's transition tables visible by name. */
    default <T> T withTransitionTables(TriggerInfo trigger, org.lakepg.server.table.TableInfo table,
                                       List<Object[]> oldRows, List<Object[]> newRows,
                                       java.util.function.Supplier<T> body) {
        return body.get();
    }

    /** Evaluates a trigger's WHEN condition. */
    boolean when(TriggerInfo trigger, PlTriggerEvent event, ExecContext context);
}
