package org.lakepg.server.plpgsql;

import java.util.List;

/**
 * A parsed PL/pgSQL function (or DO block): its body, how many variable slots a call needs, and the variables
 * the call fills before the body runs.
 *
 * @param inputs   the input parameters, in argument order, with their types
 * @param outputs  OUT / INOUT / TABLE parameters, whose values make the result
 * @param trigger  the trigger variables (NEW, OLD, TG_*) when the function returns trigger, else null
 * @param eventTrigger TG_EVENT and TG_TAG when the function returns event_trigger, else null
 */
public record PlFunction(String name, String signature, PlStmt.Block body, int slots, List<PlVariable> inputs,
                         List<PlVariable> outputs, PlVariable found, PlTriggerVariables trigger, long returnType,
                         boolean returnsSet, boolean procedure, java.util.Map<Integer, PlCursorDefinition> cursors,
                         PlEventTriggerVariables eventTrigger) {

    public PlFunction(String name, String signature, PlStmt.Block body, int slots, List<PlVariable> inputs,
                      List<PlVariable> outputs, PlVariable found, PlTriggerVariables trigger, long returnType,
                      boolean returnsSet, boolean procedure, java.util.Map<Integer, PlCursorDefinition> cursors) {
        this(name, signature, body, slots, inputs, outputs, found, trigger, returnType, returnsSet, procedure, cursors,
                null);
    }

    /** The variables of an event trigger function. */
    public record PlEventTriggerVariables(PlVariable event, PlVariable tag) {}

    /** The variables of a trigger function, set from the firing event. */
    public record PlTriggerVariables(PlVariable newRow, PlVariable oldRow, PlVariable name, PlVariable when,
                                     PlVariable level, PlVariable op, PlVariable relid, PlVariable relname,
                                     PlVariable tableName, PlVariable tableSchema, PlVariable nargs, PlVariable argv) {}
}
