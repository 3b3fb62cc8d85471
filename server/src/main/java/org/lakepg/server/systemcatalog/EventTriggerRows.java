package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.catalog.objects.EventTriggerCatalog.EventTrigger;

/** pg_event_trigger rows, from CREATE EVENT TRIGGER's catalog. */
final class EventTriggerRows {
    private static final int TEXT = 25;

    private EventTriggerRows() {}

    static void register(Map<String, RowSource> sources) {
        sources.put("pg_catalog.pg_event_trigger", (catalog, out) -> {
            for (EventTrigger t : catalog.sources().eventTriggers()) {
                out.add().set("oid", t.oid()).set("evtname", t.name()).set("evtevent", t.event())
                        .set("evtowner", t.owner()).set("evtfoid", t.function()).set("evtenabled", t.enabled())
                        .set("evttags", t.tags().isEmpty() ? null
                                : org.lakepg.wire.types.PgArray.of(TEXT, t.tags().toArray()));
            }
        });
    }
}
