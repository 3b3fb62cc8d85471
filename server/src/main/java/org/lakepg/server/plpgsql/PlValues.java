package org.lakepg.server.plpgsql;

import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Reading record variables, with PostgreSQL's errors for ones not assigned yet. */
final class PlValues {
    private PlValues() {}

    static PlRecord record(PlFrame frame, PlVariable v) {
        Object value = frame.values[v.slot()];
        if (value instanceof PlRecord r) {
            return r;
        }
        throw PgException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "record \"%s\" is not assigned yet", v.name())
                .withDetail("The tuple structure of a not-yet-assigned record is indeterminate.");
    }
}
