package org.lakepg.server.function.srf;

import org.lakepg.server.function.scalar.JsonPopulate;

/** json(b)_populate_recordset and json(b)_to_recordset: one row value per JSON object of the array. */
final class JsonRecordRows {
    private JsonRecordRows() {}

    static void register(SetReturningFunctions r) {
        for (String name : JsonPopulate.RECORDSET_FUNCTIONS) {
            r.register(name, (args, context) -> JsonPopulate.recordset(name, args, context));
        }
    }
}
