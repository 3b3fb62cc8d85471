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
    }
}
