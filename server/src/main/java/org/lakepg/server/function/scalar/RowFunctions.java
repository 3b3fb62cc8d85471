package org.lakepg.server.function.scalar;

import org.lakepg.server.catalog.types.RowValue;
import org.lakepg.server.function.FunctionRegistry;

/** The run-time side of row constructors and field selection, and record comparison (record_eq ...). */
public final class RowFunctions {
    private RowFunctions() {}

    public static final long ROW_OID = 8961;
    public static final String ROW = "lakepg_row";
    public static final long FIELD_OID = 8962;
    public static final String FIELD = "lakepg_field";

    private static final long RECORD = 2249;

    /** The field names of a row: its composite type's attribute names, f1, f2 ... for an anonymous record. */
    public static java.util.List<String> fieldNames(long type, RowValue row) {
        if (row.names() != null && row.names().size() == row.size()) {
            return row.names();
        }
        var user = org.lakepg.server.catalog.types.UserTypeRegistry.find(type);
        if (user instanceof org.lakepg.server.catalog.types.UserType.Composite c && c.oid() == type
                && c.attributes().size() == row.size()) {
            return c.attributes().stream().map(org.lakepg.server.catalog.types.UserType.Attribute::name).toList();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= row.size(); i++) {
            out.add("f" + i);
        }
        return out;
    }

    public static void register(FunctionRegistry r) {
        r.register(ROW, new TypedCode((x, types, c) -> {
            long[] fieldTypes = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                fieldTypes[i] = types.of(i);
            }
            return new RowValue(RECORD, fieldTypes, x.clone());
        }));
        r.register(FIELD, (x, c) -> ((RowValue) x[0]).values()[(Integer) x[1]]);
        r.register("record_eq", (x, c) -> RecordOrder.compare(x[0], x[1], true) == 0);
        r.register("record_ne", (x, c) -> RecordOrder.compare(x[0], x[1], true) != 0);
        r.register("record_lt", (x, c) -> RecordOrder.compare(x[0], x[1], false) < 0);
        r.register("record_le", (x, c) -> RecordOrder.compare(x[0], x[1], false) <= 0);
        r.register("record_gt", (x, c) -> RecordOrder.compare(x[0], x[1], false) > 0);
        r.register("record_ge", (x, c) -> RecordOrder.compare(x[0], x[1], false) >= 0);
        r.register("btrecordcmp", (x, c) -> RecordOrder.compare(x[0], x[1], false));
        // *=, *< ...: the fields' stored bytes compared, so equal values of different forms (1.0, 1.00) differ
        r.register("record_image_eq", (x, c) -> RecordOrder.compareImages(x[0], x[1]) == 0);
        r.register("record_image_ne", (x, c) -> RecordOrder.compareImages(x[0], x[1]) != 0);
        r.register("record_image_lt", (x, c) -> RecordOrder.compareImages(x[0], x[1]) < 0);
        r.register("record_image_le", (x, c) -> RecordOrder.compareImages(x[0], x[1]) <= 0);
        r.register("record_image_gt", (x, c) -> RecordOrder.compareImages(x[0], x[1]) > 0);
        r.register("record_image_ge", (x, c) -> RecordOrder.compareImages(x[0], x[1]) >= 0);
        r.register("btrecordimagecmp", (x, c) -> RecordOrder.compareImages(x[0], x[1]));
    }
}
