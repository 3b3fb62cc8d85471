package org.lakepg.server.catalog.types;

import java.util.Arrays;

/**
 * A value of a composite type or of an anonymous record: the field values with their types, so it can be
 * printed, sent and compared without the catalog (as PostgreSQL's record_out reads the tuple descriptor).
 */
public record RowValue(long type, long[] fieldTypes, Object[] values) {

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowValue r && Arrays.equals(fieldTypes, r.fieldTypes)
                && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
