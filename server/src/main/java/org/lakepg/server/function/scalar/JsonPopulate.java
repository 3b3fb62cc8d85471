package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.catalog.types.RowValue;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.Jsonb;

/**
 * json(b)_populate_record(set) and json(b)_to_record(set): rows built from JSON objects. The row type travels as
 * a trailing {@link JsonPopulateTarget.Composite} argument the analyzer adds (from the base argument's type or
 * the column definition list); without it PostgreSQL cannot tell the row type either.
 */
public final class JsonPopulate {
    private JsonPopulate() {}

    /** The functions' prosrc names; the analyzer binds a row type to calls of these. */
    public static final List<String> RECORD_FUNCTIONS = List.of("json_populate_record", "jsonb_populate_record",
            "json_to_record", "jsonb_to_record");
    public static final List<String> RECORDSET_FUNCTIONS = List.of("json_populate_recordset",
            "jsonb_populate_recordset", "json_to_recordset", "jsonb_to_recordset");

    public static boolean isPopulateFunction(String source) {
        return RECORD_FUNCTIONS.contains(source) || RECORDSET_FUNCTIONS.contains(source);
    }

    /** Whether the function's first argument is a base row (the populate_ forms) rather than the JSON value. */
    public static boolean takesBase(String source) {
        return source.contains("populate");
    }

    public static void register(FunctionRegistry r) {
        for (String name : RECORD_FUNCTIONS) {
            r.register(name, (args, context) -> record(name, args, context));
        }
    }

    private static Object record(String name, Object[] args, FunctionContext context) {
        JsonPopulateTarget.Composite target = target(name, args);
        boolean base = takesBase(name);
        RowValue baseRow = base ? (RowValue) args[0] : null;
        Object json = args[base ? 1 : 0];
        if (json == null) {
            return baseRow;
        }
        return target.row(JsonPopulateInput.of(json), baseRow, context);
    }

    /** The rows of a *_recordset call, each one value (the row), as a set-returning function yields them. */
    public static Iterator<Object[]> recordset(String name, Object[] args, FunctionContext context) {
        JsonPopulateTarget.Composite target = target(name, args);
        boolean base = takesBase(name);
        RowValue baseRow = base ? (RowValue) args[0] : null;
        Object json = args[base ? 1 : 0];
        List<Object[]> rows = new ArrayList<>();
        if (json == null) {
            return rows.iterator();
        }
        JsonPopulateInput input = JsonPopulateInput.of(json);
        if (input.kind() != JsonText.Kind.ARRAY) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call %s on %s", name,
                    json instanceof Jsonb ? (input.kind() == JsonText.Kind.OBJECT ? "a non-array" : "a scalar")
                            : input.kind() == JsonText.Kind.OBJECT ? "an object" : "a scalar");
        }
        for (JsonPopulateInput element : input.elements()) {
            if (element.kind() != JsonText.Kind.OBJECT) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "argument of %s must be an array of objects",
                        name);
            }
            rows.add(new Object[] {target.row(element, baseRow, context)});
        }
        return rows.iterator();
    }

    private static JsonPopulateTarget.Composite target(String name, Object[] args) {
        if (args.length > 0 && args[args.length - 1] instanceof JsonPopulateTarget.Composite c) {
            return c;
        }
        throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "could not determine row type for result of %s", name)
                .withHint("Provide a non-null record argument, or call the function in the FROM clause using a column "
                        + "definition list.");
    }
}
