package org.lakepg.server.catalog.types;

import java.util.Arrays;

/**
 * A value of a composite type or of an anonymous record: the field values with their types, so it can be
 * printed, sent and compared without the catalog (as PostgreSQL's record_out reads the tuple descriptor).
 * {@code names} (may be null) are a record's field names when its type knows them (see {@link RecordNames}).
 */
public record RowValue(long type, long[] fieldTypes, Object[] values, java.util.List<String> names) {

    public RowValue(long type, long[] fieldTypes, Object[] values) {
        this(type, fieldTypes, values, null);
    }

    /** The same row with the field names of an anonymous record type (null: none known). */
    public RowValue withNames(java.util.List<String> names) {
        return new RowValue(type, fieldTypes, values, names);
    }

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
