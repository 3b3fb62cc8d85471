package org.lakepg.server.plpgsql;

import org.lakepg.server.catalog.TypeOids;

/** What an event trigger function sees of the command that fires it: TG_EVENT and TG_TAG. */
public record PlEventTriggerEvent(String event, String tag) {

    void bind(PlFunction.PlEventTriggerVariables v, PlFrame frame) {
        frame.set(v.event(), TypeOids.TEXT, -1, event);
        frame.set(v.tag(), TypeOids.TEXT, -1, tag);
    }
}
