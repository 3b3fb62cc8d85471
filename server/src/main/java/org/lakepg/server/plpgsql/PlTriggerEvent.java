package org.lakepg.server.plpgsql;

import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.wire.types.PgArray;

/**
 * One firing of a trigger as a PL/pgSQL trigger function sees it: NEW and OLD (null when the event has none) and
 * the TG_ variables.
 */
public record PlTriggerEvent(PlRecord newRow, PlRecord oldRow, String name, String when, String level, String op,
                             long relid, String relname, String schema, List<String> arguments) {

    void bind(PlFunction.PlTriggerVariables v, PlFrame frame) {
        frame.set(v.newRow(), TypeOids.RECORD, -1, newRow);
        frame.set(v.oldRow(), TypeOids.RECORD, -1, oldRow);
        frame.set(v.name(), TypeOids.NAME, -1, name);
        frame.set(v.when(), TypeOids.TEXT, -1, when);
        frame.set(v.level(), TypeOids.TEXT, -1, level);
        frame.set(v.op(), TypeOids.TEXT, -1, op);
        frame.set(v.relid(), TypeOids.OID, -1, relid);
        frame.set(v.relname(), TypeOids.NAME, -1, relname);
        frame.set(v.tableName(), TypeOids.NAME, -1, relname);
        frame.set(v.tableSchema(), TypeOids.NAME, -1, schema);
        frame.set(v.nargs(), TypeOids.INT4, -1, arguments.size());
        // TG_ARGV counts from 0
        frame.set(v.argv(), TypeOids.TEXT_ARRAY, -1, arguments.isEmpty() ? PgArray.of((int) TypeOids.TEXT)
                : new PgArray((int) TypeOids.TEXT, new int[] {arguments.size()}, new int[] {0}, arguments.toArray()));
    }
}
