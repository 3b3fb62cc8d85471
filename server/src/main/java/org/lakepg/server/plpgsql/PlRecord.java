package org.lakepg.server.plpgsql;

import java.util.List;

/** The value of a record or %ROWTYPE variable (and of NEW/OLD): named, typed fields. */
public record PlRecord(List<String> names, long[] types, int[] typmods, Object[] values) {

    public int indexOf(String field) {
        return names.indexOf(field);
    }

    public PlRecord withValues(Object[] newValues) {
        return new PlRecord(names, types, typmods, newValues);
    }
}
